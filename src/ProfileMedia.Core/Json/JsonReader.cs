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
internal static class JsonReader
{
    /// <summary>The deepest nesting of objects and arrays accepted; the top-level container is level 1.</summary>
    public const int MaxDepth = 64;

    internal static readonly string MaxDepthText = MaxDepth.ToString(CultureInfo.InvariantCulture);

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
}
