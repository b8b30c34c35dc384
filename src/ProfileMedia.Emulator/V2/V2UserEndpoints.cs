using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.V2;

/// <summary>
/// Answers the v2 user lookups. One user: {"data":{...}}; a batch: {"data":[...]} ordered by id, not as asked, and
/// usernames as stored, not as asked, because the service promises neither. Users that are missing or suspended are
/// "errors" items of a 200 answer (a suspended one titled "Forbidden" but still of type resource-not-found); when none
/// is found the answer has only "errors".
/// </summary>
internal static class V2UserEndpoints
{
    private const int MaxPerCall = 100;
    private const string UsernamePattern = "^[A-Za-z0-9_]{1,15}$";
    private const string IdPattern = "^[0-9]{1,19}$";

    public static Task AnswerAsync(V2Request request, EmulatorState state)
    {
        var context = request.Context;
        if (!TryReadFields(request, out var fields, out var problem))
        {
            return problem;
        }

        var now = state.Clock.GetUtcNow();
        switch (request.Route.Kind)
        {
            case V2RouteKind.Me:
                return JsonBody.WriteAsync(context, StatusCodes.Status200OK, json => WriteData(json, request.Caller.User!, fields, request, now));
            case V2RouteKind.ByUsername:
            case V2RouteKind.ById:
                {
                    var byName = request.Route.Kind == V2RouteKind.ByUsername;
                    var value = Uri.UnescapeDataString(request.Route.Argument!);
                    var parameter = byName ? "username" : "id";
                    return Refusal(value, parameter, byName) is { } refusal
                        ? InvalidRequest(context, parameter, [value], refusal)
                        : Answer(request, [value], byName, parameter, fields, single: true, now, state);
                }

            default:
                {
                    var byName = request.Route.Kind == V2RouteKind.ByUsernames;
                    var parameter = byName ? "usernames" : "ids";
                    var text = request.Parameter(parameter);
                    if (string.IsNullOrEmpty(text))
                    {
                        return InvalidRequest(context, parameter, [], $"The `{parameter}` query parameter can not be empty");
                    }

                    var values = text.Split(',');
                    if (values.Length > MaxPerCall)
                    {
                        return InvalidRequest(context, parameter, [text], $"size [{values.Length.ToString(CultureInfo.InvariantCulture)}] is not between 1 and {MaxPerCall.ToString(CultureInfo.InvariantCulture)}");
                    }

                    // As recorded: the item's parameters hold the whole list as sent, its message names the bad value.
                    var bad = values.FirstOrDefault(v => Refusal(v, parameter, byName) is not null);
                    return bad is not null
                        ? InvalidRequest(context, parameter, [text], Refusal(bad, parameter, byName)!)
                        : Answer(request, values, byName, parameter, fields, single: false, now, state);
                }
        }
    }

    private static Task Answer(V2Request request, IReadOnlyList<string> asked, bool byName, string parameter, IReadOnlySet<string> fields, bool single, DateTimeOffset now, EmulatorState state)
    {
        var found = new List<UserRecord>();
        var refused = new List<(string Value, UserRecord? Suspended)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in asked.Where(seen.Add))
        {
            var user = byName ? state.Accounts.FindByScreenName(value) : state.Accounts.FindById(long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));
            if (user is null || user.Profile.Suspended)
            {
                refused.Add((value, user));
            }
            else if (!found.Contains(user))
            {
                found.Add(user);
            }
        }

        found.Sort((a, b) => a.Profile.Id.CompareTo(b.Profile.Id));
        return JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            if (found.Count > 0)
            {
                if (single)
                {
                    json.WritePropertyName("data");
                    V2UserJson.Write(json, found[0], fields, request.Urls, now);
                }
                else
                {
                    json.WriteStartArray("data");
                    foreach (var user in found)
                    {
                        V2UserJson.Write(json, user, fields, request.Urls, now);
                    }

                    json.WriteEndArray();
                }
            }

            if (refused.Count > 0)
            {
                json.WriteStartArray("errors");
                foreach (var (value, suspended) in refused)
                {
                    WriteNotFound(json, value, parameter, suspended);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }

    private static void WriteData(Utf8JsonWriter json, UserRecord user, IReadOnlySet<string> fields, V2Request request, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WritePropertyName("data");
        V2UserJson.Write(json, user, fields, request.Urls, now);
        json.WriteEndObject();
    }

    /// <summary>The recorded key order: value, detail, title, resource_type, parameter, resource_id, type.</summary>
    private static void WriteNotFound(Utf8JsonWriter json, string value, string parameter, UserRecord? suspended)
    {
        json.WriteStartObject();
        json.WriteString("value", value);
        json.WriteString("detail", suspended is null
            ? $"Could not find user with {parameter}: [{value}]."
            : $"User has been suspended: [{value}].");
        json.WriteString("title", suspended is null ? "Not Found Error" : "Forbidden");
        json.WriteString("resource_type", "user");
        json.WriteString("parameter", parameter);
        json.WriteString("resource_id", value);
        json.WriteString("type", Problem.TypeRoot + "resource-not-found");
        json.WriteEndObject();
    }

    private static bool TryReadFields(V2Request request, out IReadOnlySet<string> fields, out Task problem)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        fields = set;
        problem = Task.CompletedTask;
        var text = request.Parameter("user.fields");
        if (text is null)
        {
            return true;
        }

        foreach (var field in text.Split(','))
        {
            if (!V2UserJson.KnownFields.Contains(field))
            {
                problem = InvalidRequest(request.Context, "user.fields", [field],
                    $"The `user.fields` query parameter value [{field}] is not one of [{string.Join(",", V2UserJson.KnownFields.Order(StringComparer.Ordinal))}]");
                return false;
            }

            set.Add(field);
        }

        return true;
    }

    /// <summary>
    /// Why the value cannot be looked up, worded as the service's invalid-request messages are, naming the value in
    /// square brackets; null when it can. An id that matches the pattern but is above the signed 64-bit maximum is
    /// refused too: ids are 64-bit numbers, and the lookup must never fail the whole request (500) over one value.
    /// </summary>
    private static string? Refusal(string value, string parameter, bool username)
    {
        bool matches = username
            ? value.Length is >= 1 and <= 15 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            : value.Length is >= 1 and <= 19 && value.All(char.IsAsciiDigit);
        if (!matches)
        {
            return $"The `{parameter}` query parameter value [{value}] does not match {(username ? UsernamePattern : IdPattern)}";
        }

        return username || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? null
            : $"The `{parameter}` query parameter value [{value}] is not a valid id: it is greater than {long.MaxValue.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>400 invalid-request: its items carry "parameters" and "message", not "detail"; the recorded body has no status member.</summary>
    internal static Task InvalidRequest(HttpContext context, string parameter, IReadOnlyList<string> values, string message) =>
        JsonBody.WriteAsync(context, StatusCodes.Status400BadRequest, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteStartObject("parameters");
            json.WriteStartArray(parameter);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("title", "Invalid Request");
            json.WriteString("detail", "One or more parameters to your request was invalid.");
            json.WriteString("type", Problem.TypeRoot + "invalid-request");
            json.WriteEndObject();
        });
}
