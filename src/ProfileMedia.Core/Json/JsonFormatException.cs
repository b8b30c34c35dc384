using System;

namespace ProfileMedia.Core.Json;

/// <summary>The text is not valid JSON (RFC 8259), or is nested deeper than <see cref="JsonReader.MaxDepth"/>.</summary>
internal sealed class JsonFormatException : FormatException
{
    /// <summary>Creates the exception with a default message and no position.</summary>
    public JsonFormatException()
        : this("The text is not valid JSON.")
    {
    }

    /// <summary>Creates the exception with a message and no position.</summary>
    public JsonFormatException(string message)
        : base(message)
    {
        Position = -1;
    }

    /// <summary>Creates the exception with a message and the exception that caused it, and no position.</summary>
    public JsonFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Position = -1;
    }

    /// <summary>Creates the exception for a fault at <paramref name="position"/>.</summary>
    /// <param name="message">What is wrong, without the position.</param>
    /// <param name="position">Where the fault was found; see <see cref="Position"/>.</param>
    /// <param name="innerException">The exception that caused this one, or null.</param>
    public JsonFormatException(string message, long position, Exception? innerException = null)
        : base(message + " (at position " + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", innerException)
    {
        Position = position;
    }

    /// <summary>
    /// The zero-based index where the fault was found: a byte index into the whole array given to
    /// <see cref="JsonReader.Parse(byte[], int, int)"/>. -1 when unknown.
    /// </summary>
    public long Position { get; }
}
