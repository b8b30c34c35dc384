using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;

namespace ProfileMedia.Emulator.V2;

/// <summary>
/// A v2 failure as the service words it: a problem object {"title","detail","type","status"} with, for some types,
/// extra members (reason, period, registration_url, ...). Types the service gives a name are
/// https://api.x.com/2/problems/&lt;name&gt;; the generic HTTP ones are "about:blank".
/// </summary>
internal sealed record Problem(int Status, string Type, string Title, string Detail, bool IncludeStatus = true)
{
    public const string TypeRoot = "https://api.x.com/2/problems/";

    /// <summary>Extra members written after the four standard ones, in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; init; } = [];

    /// <summary>A 401 has been recorded with no rate-limit headers and exactly this body.</summary>
    public static readonly Problem Unauthorized = new(401, "about:blank", "Unauthorized", "Unauthorized");

    public static readonly Problem TooManyRequests = new(429, "about:blank", "Too Many Requests", "Too Many Requests");

    public static readonly Problem NotFound = new(404, "about:blank", "Not Found", "Not Found");

    public static readonly Problem ServiceUnavailable = new(503, "about:blank", "Service Unavailable", "Service Unavailable");

    public static readonly Problem UnsupportedAuthentication = new(
        403,
        TypeRoot + "unsupported-authentication",
        "Unsupported Authentication",
        "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].");

    /// <summary>The recorded client-forbidden body has no status member, and carries the enrolment it wants.</summary>
    public static readonly Problem ClientNotEnrolled = new(
        403,
        TypeRoot + "client-forbidden",
        "Client Forbidden",
        "When authenticating requests to the X API v2 endpoints, you must use keys and tokens from an X developer App that is attached to a Project, on a package that includes this endpoint.",
        IncludeStatus: false)
    {
        Extras =
        [
            new("client_id", "29871540"),
            new("registration_url", "https://developer.x.com/en/portal/products"),
            new("required_enrollment", "Appropriate Level of API Access"),
            new("reason", "client-not-enrolled"),
        ],
    };

    public static readonly Problem UsageCapped = new(429, TypeRoot + "usage-capped", "UsageCapExceeded", "Usage cap exceeded: Monthly product cap")
    {
        Extras = [new("period", "Monthly"), new("scope", "Product")],
    };

    public static readonly Problem CreditsDepleted = new(
        402,
        TypeRoot + "credits-depleted",
        "CreditsDepleted",
        "Your enrolled account does not have any credits to fulfill this request.");

    public Task WriteAsync(HttpContext context) => JsonBody.WriteAsync(context, Status, Write);

    /// <summary>The recorded generic (about:blank) bodies run title, type, status, detail; the named ones title, detail, type, status.</summary>
    private void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("title", Title);
        if (Type == "about:blank")
        {
            json.WriteString("type", Type);
            json.WriteNumber("status", Status);
            json.WriteString("detail", Detail);
        }
        else
        {
            json.WriteString("detail", Detail);
            json.WriteString("type", Type);
            if (IncludeStatus)
            {
                json.WriteNumber("status", Status);
            }
        }

        foreach (var extra in Extras)
        {
            json.WriteString(extra.Key, extra.Value);
        }

        json.WriteEndObject();
    }
}
