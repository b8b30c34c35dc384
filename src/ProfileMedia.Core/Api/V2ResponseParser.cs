using System;
using System.Collections.Generic;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Api;

/// <summary>
/// Reads X API v2 bodies: user lookups (<c>{"data":{...}}</c> or <c>{"data":[...]}</c>, with <c>"errors"</c> for users
/// that are missing or suspended) and problem objects. Only id and username are required of a user: <c>name</c> may be
/// absent, and so may every field that was not asked for.
/// </summary>
internal static class V2ResponseParser
{
    /// <summary>The user.fields every lookup asks for: what <see cref="ProfileUser"/> shows beyond id, name and username.</summary>
    public const string UserFields = "profile_image_url,profile_banner_url";

    /// <summary>Reads a lookup answer; a body with neither data nor errors is an UnexpectedResponse error.</summary>
    public static V2LookupAnswer ParseLookup(string operation, byte[] body)
    {
        JsonValue root = ResponseParser.ParseObject(operation, body);
        JsonValue? data = root["data"];
        JsonValue? errors = root["errors"];
        if (data == null && errors == null)
        {
            throw ResponseParser.Unexpected(operation, "the answer has neither \"data\" nor \"errors\".");
        }

        var users = new List<ProfileUser>();
        if (data != null)
        {
            if (data.Kind == JsonKind.Object)
            {
                users.Add(ParseUser(operation, data));
            }
            else if (data.Kind == JsonKind.Array)
            {
                foreach (JsonValue item in data.Items)
                {
                    users.Add(ParseUser(operation, item));
                }
            }
            else
            {
                throw ResponseParser.Unexpected(operation, "\"data\" is neither a user object nor an array of them.");
            }
        }

        var failures = new List<V2LookupError>();
        foreach (JsonValue item in errors?.Items ?? (IReadOnlyList<JsonValue>)Array.Empty<JsonValue>())
        {
            failures.Add(new V2LookupError(
                item["value"]?.GetString() ?? item["resource_id"]?.GetString(),
                item["title"]?.GetString(),
                item["detail"]?.GetString() ?? item["message"]?.GetString(),
                item["parameter"]?.GetString(),
                item["type"]?.GetString()));
        }

        return new V2LookupAnswer(users, failures);
    }

    /// <summary>Reads a v2 user object.</summary>
    public static ProfileUser ParseUser(string operation, JsonValue user)
    {
        string? id = user.Kind == JsonKind.Object ? user["id"]?.GetString() : null;
        string? username = user.Kind == JsonKind.Object ? user["username"]?.GetString() : null;
        if (id == null || username == null)
        {
            throw ResponseParser.Unexpected(operation, "a v2 user object has no id or username.");
        }

        // v2 has one image URL, https, always the _normal size, and no default_profile_image: the URL tells.
        string? image = user["profile_image_url"]?.GetString();
        bool isDefault = image != null && image.IndexOf("/default_profile_images/", StringComparison.Ordinal) >= 0;
        return new ProfileUser(id, username, user["name"]?.GetString() ?? username, image, image, user["profile_banner_url"]?.GetString(), isDefault);
    }

    /// <summary>Reads a problem object; null when the body is not one (a v1.1 error body, HTML, nothing).</summary>
    public static XApiProblem? ParseProblem(byte[] body)
    {
        JsonValue root;
        try
        {
            root = JsonReader.Parse(body, 0, body.Length);
        }
        catch (JsonFormatException)
        {
            return null;
        }

        string? type = root.Kind == JsonKind.Object ? root["type"]?.GetString() : null;
        if (type == null)
        {
            return null;
        }

        int? status = root["status"] is JsonValue value && value.TryGetInt64(out long number) && number > 0 && number < 1000 ? (int)number : (int?)null;
        return new XApiProblem(type, root["title"]?.GetString(), root["detail"]?.GetString(), status, root["reason"]?.GetString(), root["period"]?.GetString());
    }
}
