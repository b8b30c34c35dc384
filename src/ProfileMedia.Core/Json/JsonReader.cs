using System;
using System.Globalization;

namespace ProfileMedia.Core.Json;

/// <summary>
/// Reads JSON text (RFC 8259) into an immutable <see cref="JsonValue"/> tree, strictly: no comments, trailing commas,
/// leading zeros, NaN or single quotes. A leading byte order mark is tolerated.
/// </summary>
/// <remarks>
/// The module parses X API responses without System.Text.Json, which Windows PowerShell 5.1 does not ship. Numbers keep
/// their source text (<see cref="JsonValue.RawNumber"/>), so 64-bit ids are never rounded through a double.
/// </remarks>
public static class JsonReader
{
    /// <summary>The deepest nesting of objects and arrays accepted; the top-level container is level 1.</summary>
    public const int MaxDepth = 64;

    internal static readonly string MaxDepthText = MaxDepth.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <paramref name="json"/> as one JSON value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonFormatException">
    /// The text is not valid JSON or is nested deeper than <see cref="MaxDepth"/>; <see cref="JsonFormatException.Position"/>
    /// is a character index.
    /// </exception>
    public static JsonValue Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return new JsonParser(json, utf8BaseOffset: -1).ParseDocument();
    }

    /// <summary>Decodes <paramref name="count"/> bytes of strict UTF-8 from <paramref name="offset"/> and parses them.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the array.</exception>
    /// <exception cref="JsonFormatException">
    /// The bytes are not valid UTF-8 or not valid JSON; <see cref="JsonFormatException.Position"/> is an index into
    /// <paramref name="utf8"/>.
    /// </exception>
    public static JsonValue Parse(byte[] utf8, int offset, int count)
    {
        if (utf8 is null)
        {
            throw new ArgumentNullException(nameof(utf8));
        }

        if (offset < 0 || offset > utf8.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        if (count < 0 || count > utf8.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        // A UTF-8 byte order mark decodes to U+FEFF, which the parser skips at the start.
        string text = Utf8Text.Decode(utf8, offset, count);
        return new JsonParser(text, utf8BaseOffset: offset).ParseDocument();
    }

    /// <summary>Parses <paramref name="json"/>, answering false instead of throwing when it is null or not valid JSON.</summary>
    /// <param name="json">The text to parse.</param>
    /// <param name="value">The value when the answer is true; otherwise null.</param>
    public static bool TryParse(string json, out JsonValue? value)
    {
        if (json is not null)
        {
            try
            {
                value = Parse(json);
                return true;
            }
            catch (JsonFormatException)
            {
            }
        }

        value = null;
        return false;
    }
}
