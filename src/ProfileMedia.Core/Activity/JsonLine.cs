using System.Globalization;
using System.Text;

namespace ProfileMedia.Core.Activity;

/// <summary>Writes the small JSON documents the watch sends and logs: a string value, escaped as RFC 8259 asks.</summary>
internal static class JsonLine
{
    /// <summary>Appends <paramref name="value"/> as a JSON string, or null.</summary>
    public static StringBuilder AppendString(StringBuilder text, string? value)
    {
        if (value == null)
        {
            return text.Append("null");
        }

        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"');
    }

    /// <summary>Appends <c>"name":value</c>, with a comma first unless it is the object's first member.</summary>
    public static StringBuilder AppendMember(StringBuilder text, string name, string? value)
    {
        if (text[text.Length - 1] != '{')
        {
            text.Append(',');
        }

        return AppendString(AppendString(text, name).Append(':'), value);
    }
}
