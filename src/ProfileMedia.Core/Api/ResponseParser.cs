using System;
using System.Collections.Generic;
using System.Globalization;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Json;
using ProfileMedia.Core.Text;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Api;

/// <summary>Reads the JSON bodies X answers with into the module's types; anything unexpected is an UnexpectedResponse error.</summary>
internal static class ResponseParser
{
    /// <summary>Reads a v1.1 user object.</summary>
    public static ProfileUser ParseUser(string operation, byte[] body) => ParseUser(operation, ParseObject(operation, body));

    /// <summary>Reads a v1.1 user object already parsed (an item of a users/lookup array).</summary>
    internal static ProfileUser ParseUser(string operation, JsonValue user)
    {
        if (user.Kind != JsonKind.Object)
        {
            throw Unexpected(operation, "a user is not a JSON object.");
        }

        string? id = user["id_str"]?.GetString() ?? RawNumber(user["id"]);
        string? screenName = user["screen_name"]?.GetString();
        if (id == null || screenName == null)
        {
            throw Unexpected(operation, "the user object has no id_str or screen_name.");
        }

        return new ProfileUser(
            id,
            screenName,
            user["name"]?.GetString() ?? screenName,
            user["profile_image_url"]?.GetString(),
            user["profile_image_url_https"]?.GetString(),
            user["profile_banner_url"]?.GetString(),
            user["default_profile_image"]?.GetBoolean() ?? false);
    }

    /// <summary>
    /// Reads <c>{"sizes":{...}}</c>. The map is open: sizes come in any order, older accounts have six, and a size
    /// this module does not know passes through with its own name, width and height. Known sizes come first, smallest first.
    /// One size that cannot be used (no url, a width or height that is no positive whole number) is left out and told to
    /// <paramref name="skipped"/>: the others are still good. Only an answer with no usable size is an error.
    /// </summary>
    public static IReadOnlyList<ProfileBannerVariant> ParseBannerSizes(string operation, byte[] body, string sourceUrl, string? screenName, string? userId,
        Action<string>? skipped = null)
    {
        JsonValue? sizes = ParseObject(operation, body)["sizes"];
        if (sizes == null || sizes.Kind != JsonKind.Object)
        {
            throw Unexpected(operation, "the answer has no \"sizes\" object.");
        }

        var known = new List<(int Order, ProfileBannerVariant Variant)>();
        var unknown = new List<ProfileBannerVariant>();
        foreach (KeyValuePair<string, JsonValue> size in sizes.Properties)
        {
            string? url = size.Value["url"]?.GetString();
            if (url == null || !TryInt(size.Value["w"], out int width) || !TryInt(size.Value["h"], out int height) || width <= 0 || height <= 0)
            {
                skipped?.Invoke("The banner size " + MessageText.Quote(size.Key) + " is left out: it lacks a url, or its w or h is not a positive whole number.");
                continue;
            }

            var variant = new ProfileBannerVariant(size.Key, width, height, url, sourceUrl, screenName, userId);
            int order = IndexOfKnownSize(size.Key);
            if (order >= 0)
            {
                known.Add((order, variant));
            }
            else
            {
                unknown.Add(variant);
            }
        }

        if (known.Count + unknown.Count == 0 && sizes.Properties.Count > 0)
        {
            throw Unexpected(operation, "no banner size in the answer has a url and a positive w and h.");
        }

        known.Sort((a, b) => a.Order.CompareTo(b.Order));
        var result = new List<ProfileBannerVariant>(known.Count + unknown.Count);
        foreach (var entry in known)
        {
            result.Add(entry.Variant);
        }

        result.AddRange(unknown);
        return result;
    }

    /// <summary>
    /// Reads an error body: <c>{"errors":[{"code":..,"message":..}]}</c>, <c>{"error":"..."}</c>, or nothing usable. A v2
    /// problem's own fields are read by <see cref="V2ResponseParser.ParseProblem"/>.
    /// </summary>
    public static IReadOnlyList<XApiErrorDetail> ParseErrors(byte[] body)
    {
        JsonValue root;
        try
        {
            root = JsonReader.Parse(body, 0, body.Length);
        }
        catch (JsonFormatException)
        {
            return Array.Empty<XApiErrorDetail>(); // empty or not JSON: the status alone has to speak
        }

        if (root.Kind != JsonKind.Object)
        {
            return Array.Empty<XApiErrorDetail>();
        }

        var details = new List<XApiErrorDetail>();
        foreach (JsonValue error in root["errors"]?.Items ?? (IReadOnlyList<JsonValue>)Array.Empty<JsonValue>())
        {
            int code = TryInt(error["code"], out int value) ? value : 0;
            // v1.1 items have "message"; v2 items have "message" (invalid-request) or "detail" (a missing user).
            details.Add(new XApiErrorDetail(code, error["message"]?.GetString() ?? error["detail"]?.GetString() ?? string.Empty));
        }

        if (root["error"]?.GetString() is string single)
        {
            details.Add(new XApiErrorDetail(0, single));
        }

        return details;
    }

    internal static JsonValue ParseObject(string operation, byte[] body)
    {
        if (body.Length == 0)
        {
            throw Unexpected(operation, "the answer had an empty body where JSON was expected.");
        }

        JsonValue root;
        try
        {
            root = JsonReader.Parse(body, 0, body.Length);
        }
        catch (JsonFormatException e)
        {
            throw Unexpected(operation, "the answer is not JSON (" + e.Message + ").");
        }

        return root.Kind == JsonKind.Object ? root : throw Unexpected(operation, "the answer is JSON but not an object.");
    }

    internal static XApiException Unexpected(string operation, string what) =>
        new XApiException(operation + " failed: " + what, ErrorIds.UnexpectedResponse, null, Array.Empty<XApiErrorDetail>(), null, null);

    private static string? RawNumber(JsonValue? value) =>
        value != null && value.Kind == JsonKind.Number && value.TryGetInt64(out long id) ? id.ToString(CultureInfo.InvariantCulture) : null;

    private static bool TryInt(JsonValue? value, out int result)
    {
        result = 0;
        if (value != null && value.TryGetInt64(out long number) && number >= int.MinValue && number <= int.MaxValue)
        {
            result = (int)number;
            return true;
        }

        return false;
    }

    private static int IndexOfKnownSize(string name)
    {
        for (int i = 0; i < BannerSize.All.Count; i++)
        {
            if (string.Equals(BannerSize.All[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
