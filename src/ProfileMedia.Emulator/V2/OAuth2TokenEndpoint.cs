using System;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.OAuth;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.V2;

/// <summary>
/// POST /oauth2/token: the app-only (client credentials) grant. HTTP Basic auth of urlencode(key):urlencode(secret),
/// body grant_type=client_credentials; the answer is the app's one Bearer token, the same every time, as on the service.
/// </summary>
internal static class OAuth2TokenEndpoint
{
    public const string Path = "/oauth2/token";

    private static readonly ApiError BadCredentials = new(403, 99, "Unable to verify your credentials");
    private static readonly ApiError MissingGrantType = new(403, 170, "Missing required parameter: grant_type");

    public static bool Handles(PathString path) => path.Value == Path;

    public static async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.PageDoesNotExist).ConfigureAwait(false);
            return;
        }

        if (!CredentialsMatch(context.Request.Headers.Authorization.FirstOrDefault()))
        {
            await ApiResponses.WriteErrorAsync(context, BadCredentials).ConfigureAwait(false);
            return;
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var grant = FormUrlEncoded.Parse(body).FirstOrDefault(p => p.Key == "grant_type").Value;
        if (grant != "client_credentials")
        {
            await ApiResponses.WriteErrorAsync(context, MissingGrantType).ConfigureAwait(false);
            return;
        }

        await JsonBody.WriteAsync(context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("token_type", "bearer");
            json.WriteString("access_token", SeedData.BearerToken);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static bool CredentialsMatch(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && Uri.UnescapeDataString(pair[..colon]) == SeedData.ConsumerKey
            && Uri.UnescapeDataString(pair[(colon + 1)..]) == SeedData.ConsumerSecret;
    }
}
