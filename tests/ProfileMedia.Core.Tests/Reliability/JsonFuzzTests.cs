using System;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// The JSON reader on generated bodies: only <see cref="JsonFormatException"/> (with a position inside the given
/// range) or the argument exceptions for a bad range; the byte and string entry points agree; every accessor answers
/// on every node; and, for one case in four, the verdict and the tree agree with System.Text.Json.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class JsonReaderFuzzTests
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = JsonReader.MaxDepth };

    private long differentialCases;
    private long accepted;

    [Fact]
    public void Every_generated_bodies_parse_or_fail_with_a_JsonFormatException_only()
    {
        var run = new FuzzRun("JsonReader");
        var generator = new JsonGenerator();
        run.ForEachCase(0x15014EADUL, random => generator.Next(random, out _), (body, random) => Check(body, random, run), FuzzText.Escape);

        run.Finish("Parse(byte[], 0, n), a random sub-range, a bad range (ArgumentOutOfRangeException), Parse(string) of the lossy decoding, every accessor of every node.",
            accepted + " of the bodies were accepted as JSON.",
            differentialCases + " cases were also parsed by System.Text.Json (MaxDepth 64), and the verdict and the tree had to match.");
    }

    private string? Check(byte[] body, FuzzRandom random, FuzzRun run)
    {
        JsonValue? value = null;
        long position = -2;
        try
        {
            value = JsonReader.Parse(body, 0, body.Length);
            accepted++;
        }
        catch (JsonFormatException e)
        {
            run.Documented();
            position = e.Position;
            if (position < 0 || position > body.Length)
            {
                return "the JsonFormatException position " + position + " is outside the body: " + e.Message;
            }
        }

        if (value != null && WalkProblem(value, 0) is string walkProblem)
        {
            return walkProblem;
        }

        // Invalid UTF-8 must have been refused.
        bool validUtf8 = Utf8.IsValid(body);
        if (!validUtf8 && value != null)
        {
            return "invalid UTF-8 was accepted";
        }

        if (random.Chance(1, 4))
        {
            // The same bytes inside a larger array: a fault is reported where it is in the array.
            int offset = random.Next(0, body.Length + 1);
            int count = random.Next(0, body.Length - offset + 1);
            try
            {
                JsonReader.Parse(body, offset, count);
            }
            catch (JsonFormatException e)
            {
                run.Documented();
                if (e.Position < offset || e.Position > offset + count)
                {
                    return "the JsonFormatException position " + e.Position + " is outside the range [" + offset + ", " + (offset + count) + "]";
                }
            }
        }

        if (random.Chance(1, 64))
        {
            (int offset, int count) = random.Next(4) switch
            {
                0 => (-1, 0),
                1 => (body.Length + 1, 0),
                2 => (0, body.Length + 1),
                _ => (body.Length, -1),
            };
            try
            {
                JsonReader.Parse(body, offset, count);
                return "a range outside the array (" + offset + ", " + count + ") was accepted";
            }
            catch (ArgumentOutOfRangeException)
            {
                run.Documented();
            }
        }

        if (random.Chance(1, 4))
        {
            differentialCases++;
            return CompareWithSystemTextJson(body, value, validUtf8);
        }

        return null;
    }

    /// <summary>Every accessor on every node answers without throwing.</summary>
    private static string? WalkProblem(JsonValue value, int depth)
    {
        if (depth > JsonReader.MaxDepth)
        {
            return "the tree is deeper than MaxDepth";
        }

        _ = value.ToString();
        _ = value.GetString();
        _ = value.GetBoolean();
        _ = value.RawNumber;
        _ = value.TryGetInt64(out _);

        _ = value["id_str"];
        foreach (var member in value.Properties)
        {
            if (!ReferenceEquals(value[member.Key], LastNamed(value, member.Key)))
            {
                return "the lookup of \"" + member.Key + "\" is not the last member of that name";
            }

            if (WalkProblem(member.Value, depth + 1) is string problem)
            {
                return problem;
            }
        }

        foreach (JsonValue item in value.Items)
        {
            if (WalkProblem(item, depth + 1) is string problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static JsonValue? LastNamed(JsonValue value, string name)
    {
        JsonValue? last = null;
        foreach (var member in value.Properties)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                last = member.Value;
            }
        }

        return last;
    }

    private static string? CompareWithSystemTextJson(byte[] body, JsonValue? value, bool validUtf8)
    {
        // System.Text.Json does not skip a byte order mark in a byte buffer; the module's reader does, by design.
        ReadOnlyMemory<byte> memory = body;
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            memory = memory.Slice(3);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(memory, Strict);
        }
        catch (JsonException)
        {
            return value == null || !validUtf8 ? null : "System.Text.Json refused what the reader accepted";
        }

        using (document)
        {
            if (value == null)
            {
                return validUtf8 ? "the reader refused what System.Text.Json accepted" : null;
            }

            return Same(value, document.RootElement, "$");
        }
    }

    private static string? Same(JsonValue value, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (value.Kind != JsonKind.Object)
                {
                    break;
                }

                int index = 0;
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (index >= value.Properties.Count)
                    {
                        return path + ": fewer members than System.Text.Json read";
                    }

                    var member = value.Properties[index++];
                    if (StringOf(property) is string name && !string.Equals(name, member.Key, StringComparison.Ordinal))
                    {
                        return path + ": member " + index + " is named " + FuzzText.Escape(member.Key) + ", not " + FuzzText.Escape(name);
                    }

                    if (Same(member.Value, property.Value, path + "." + member.Key) is string problem)
                    {
                        return problem;
                    }
                }

                return index == value.Properties.Count ? null : path + ": more members than System.Text.Json read";
            case JsonValueKind.Array:
                if (value.Kind != JsonKind.Array || value.Items.Count != element.GetArrayLength())
                {
                    break;
                }

                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (Same(value.Items[i], item, path + "[" + i + "]") is string problem)
                    {
                        return problem;
                    }

                    i++;
                }

                return null;
            case JsonValueKind.String:
                if (value.Kind != JsonKind.String)
                {
                    break;
                }

                string? text = StringOf(element);
                return text == null || string.Equals(text, value.GetString(), StringComparison.Ordinal)
                    ? null
                    : path + ": the string reads " + FuzzText.Escape(value.GetString()) + ", not " + FuzzText.Escape(text);
            case JsonValueKind.Number:
                return value.Kind == JsonKind.Number && string.Equals(value.RawNumber, element.GetRawText(), StringComparison.Ordinal)
                    ? null
                    : path + ": the number reads " + value.RawNumber + ", not " + element.GetRawText();
            case JsonValueKind.True:
                return value.Kind == JsonKind.True ? null : path + ": not true";
            case JsonValueKind.False:
                return value.Kind == JsonKind.False ? null : path + ": not false";
            case JsonValueKind.Null:
                return value.Kind == JsonKind.Null ? null : path + ": not null";
        }

        return path + ": the reader has " + value.Kind + " where System.Text.Json has " + element.ValueKind;
    }

    // System.Text.Json will not hand out a string holding a lone surrogate (the module's reader keeps it, as JavaScript does).
    private static string? StringOf(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>
/// The response parser on generated bodies: ParseUser and ParseBannerSizes throw nothing but an
/// <see cref="XApiException"/> with the error id UnexpectedResponse, and what they return is complete; ParseErrors
/// never throws.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ResponseParserFuzzTests
{
    private long users;
    private long banners;
    private long errorDetails;

    [Fact]
    public void Every_generated_bodies_are_read_or_refused_as_UnexpectedResponse_and_ParseErrors_never_throws()
    {
        var run = new FuzzRun("ResponseParser");
        var generator = new JsonGenerator();
        run.ForEachCase(0x2E59095EUL, random => generator.Next(random, out _), (body, _) => Check(body, run), FuzzText.Escape);

        run.Finish("ParseUser, ParseBannerSizes and ParseErrors on every body.",
            users + " bodies read as users, " + banners + " as banner size maps, " + errorDetails + " error details read.");
    }

    private string? Check(byte[] body, FuzzRun run)
    {
        try
        {
            ProfileUser user = ResponseParser.ParseUser("Get user @fuzz", body);
            users++;
            if (user.UserId == null || user.ScreenName == null || user.Name == null)
            {
                return "ParseUser returned a user without an id, screen name or name";
            }
        }
        catch (XApiException e) when (e.ErrorId == "UnexpectedResponse")
        {
            run.Documented();
        }

        try
        {
            var sizes = ResponseParser.ParseBannerSizes("Get the banner of @fuzz", body, "https://api.x.com/1.1/users/profile_banner.json?screen_name=fuzz", "fuzz", null);
            banners++;
            int lastKnown = -1;
            bool unknownSeen = false;
            foreach (ProfileBannerVariant variant in sizes)
            {
                if (variant.Name == null || variant.Url == null)
                {
                    return "ParseBannerSizes returned a variant without a name or url";
                }

                int order = IndexOfKnown(variant.Name);
                if (order < 0)
                {
                    unknownSeen = true;
                }
                else if (unknownSeen || order < lastKnown)
                {
                    return "ParseBannerSizes did not list the known sizes first, smallest first";
                }
                else
                {
                    lastKnown = order;
                }
            }
        }
        catch (XApiException e) when (e.ErrorId == "UnexpectedResponse")
        {
            run.Documented();
        }

        foreach (XApiErrorDetail detail in ResponseParser.ParseErrors(body))
        {
            errorDetails++;
            if (detail.Message == null)
            {
                return "ParseErrors returned a detail without a message";
            }
        }

        return null;
    }

    private static int IndexOfKnown(string name)
    {
        for (int i = 0; i < ProfileMedia.Core.Urls.BannerSize.All.Count; i++)
        {
            if (string.Equals(ProfileMedia.Core.Urls.BannerSize.All[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
