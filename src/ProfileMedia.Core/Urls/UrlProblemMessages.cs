using System.Globalization;

namespace ProfileMedia.Core.Urls;

/// <summary>User-facing sentences for each <see cref="UrlProblem"/>, naming the offending value.</summary>
internal static class UrlProblemMessages
{
    // Long enough to recognise a URL, short enough that a 100 KB value does not flood the console.
    private const int MaxQuotedLength = 200;

    /// <summary>Describes <paramref name="problem"/> for the value the user gave; <paramref name="what"/> names the kind of URL.</summary>
    public static string Describe(UrlProblem problem, string? value, string what)
    {
        string quoted = Quote(value);
        switch (problem)
        {
            case UrlProblem.NullUrl:
                return string.Format(CultureInfo.InvariantCulture, "The {0} is null: the input object has no {0}.", what);
            case UrlProblem.EmptyUrl:
                return string.Format(CultureInfo.InvariantCulture, "The {0} is empty.", what);
            case UrlProblem.UrlNotAbsoluteHttp:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} is not an absolute http or https URL.", what, quoted);
            case UrlProblem.UrlHasInvalidCharacters:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} contains white space, a control character or a backslash.", what, quoted);
            case UrlProblem.UrlHasNoFileSegment:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} has no file name in its path to derive a size from.", what, quoted);
            case UrlProblem.BannerUrlWithoutSize:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} is a banner URL without a size: pipe it through Get-ProfileBanner, which gives one URL per size.", what, quoted);
            default:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} is valid.", what, quoted);
        }
    }

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
