using System;
using System.Globalization;
using System.Text;

namespace ProfileMedia.Core.Text;

/// <summary>How a value the user gave appears inside an error or verbose message.</summary>
internal static class MessageText
{
    // Long enough to recognise a URL, short enough that a 100 KB value does not flood the console.
    private const int MaxQuotedLength = 200;

    /// <summary>Quotes a value for a message, shortening it and making control characters visible.</summary>
    public static string Quote(string? value)
    {
        if (value == null)
        {
            return "(null)";
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxQuotedLength) + 8).Append('\'');
        return AppendEscaped(builder, value).Append('\'').ToString();
    }

    /// <summary>
    /// Text from elsewhere (the service's error messages, names it returns) as it may appear in a message: control
    /// characters made visible, so ESC or CR cannot drive the terminal or forge a line, and shortened when long.
    /// </summary>
    public static string Escape(string? value) =>
        value == null ? string.Empty : AppendEscaped(new StringBuilder(Math.Min(value.Length, MaxQuotedLength) + 8), value).ToString();

    /// <summary>The first four characters of a key or token and an ellipsis, to tell two apart without showing them whole; empty for none.</summary>
    public static string Hint(string? value) => value == null ? string.Empty : value.Length <= 4 ? new string('*', value.Length) : value.Substring(0, 4) + "…";

    /// <summary>
    /// An exception's message as the end of one of our sentences: without the " (Parameter 'x')" that .NET appends to
    /// argument exceptions, control characters made visible, ending in one full stop.
    /// </summary>
    public static string Reason(Exception exception)
    {
        if (exception == null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        string text = exception.Message;
        if (exception is ArgumentException { ParamName: { } name })
        {
            string suffix = " (Parameter '" + name + "')";
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - suffix.Length);
            }
        }

        return Sentence(Escape(text));
    }

    /// <summary>A message made to end in exactly one full stop, whatever the text it ends with (an exception's message, say).</summary>
    public static string Sentence(string text)
    {
        int end = text.Length;
        while (end > 0 && (text[end - 1] == '.' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        return end > 0 && (text[end - 1] == '?' || text[end - 1] == '!') ? text.Substring(0, end) : text.Substring(0, end) + ".";
    }

    // C0 and C1 controls (ESC, CR, CSI), line separators, and the bidirectional controls that can make a value read
    // backwards in a terminal.
    private static bool MustEscape(char c) =>
        char.IsControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C';

    private static StringBuilder AppendEscaped(StringBuilder builder, string value)
    {
        int shown = Math.Min(value.Length, MaxQuotedLength);
        for (int i = 0; i < shown; i++)
        {
            char c = value[i];
            if (MustEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (value.Length > shown)
        {
            builder.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder;
    }
}
