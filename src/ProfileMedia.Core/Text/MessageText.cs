using System.Globalization;

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

        var builder = new System.Text.StringBuilder(System.Math.Min(value.Length, MaxQuotedLength) + 8);
        builder.Append('\'');
        int shown = System.Math.Min(value.Length, MaxQuotedLength);
        for (int i = 0; i < shown; i++)
        {
            char c = value[i];
            if (char.IsControl(c))
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

        return builder.Append('\'').ToString();
    }
}
