namespace ProfileMedia.Core.Urls;

/// <summary>
/// Locates the parts of an absolute http(s) URL by index, without allocating and without normalising anything:
/// variants must keep the scheme, host, port, query and fragment exactly as the user gave them, which
/// <see cref="System.Uri"/> would not (it lower-cases hosts and re-escapes paths).
/// </summary>
internal readonly struct HttpUrlParts
{
    private HttpUrlParts(string source, int schemeLength, int pathStart, int pathEnd)
    {
        Source = source;
        SchemeLength = schemeLength;
        PathStart = pathStart;
        PathEnd = pathEnd;
    }

    /// <summary>The URL as given.</summary>
    public string Source { get; }

    /// <summary>4 for http, 5 for https: the length of the scheme name.</summary>
    public int SchemeLength { get; }

    /// <summary>Index of the '/' that starts the path.</summary>
    public int PathStart { get; }

    /// <summary>Index just past the path: the '?' or '#' that follows it, or the end of the string.</summary>
    public int PathEnd { get; }

    /// <summary>True when the scheme is plain http (so an https variant must replace it).</summary>
    public bool IsPlainHttp => SchemeLength == 4;

    public static UrlProblem TryParse(string? value, out HttpUrlParts parts)
    {
        parts = default;
        if (value == null)
        {
            return UrlProblem.NullUrl;
        }

        if (IsBlank(value))
        {
            return UrlProblem.EmptyUrl;
        }

        int schemeLength = SchemeLengthOf(value);
        if (schemeLength == 0)
        {
            return UrlProblem.UrlNotAbsoluteHttp;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c <= ' ' || c == '\\' || (c >= '\u007f' && c <= '\u009f'))
            {
                return UrlProblem.UrlHasInvalidCharacters;
            }
        }

        int authorityStart = schemeLength + 3;
        int authorityEnd = IndexOfAny3(value, authorityStart, '/', '?', '#');
        if (authorityEnd == authorityStart)
        {
            return UrlProblem.UrlNotAbsoluteHttp;
        }

        if (authorityEnd == value.Length || value[authorityEnd] != '/')
        {
            return UrlProblem.UrlHasNoFileSegment;
        }

        int pathEnd = IndexOfAny3(value, authorityEnd, '?', '#', '?');
        parts = new HttpUrlParts(value, schemeLength, authorityEnd, pathEnd);
        return UrlProblem.None;
    }

    private static bool IsBlank(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SchemeLengthOf(string value)
    {
        if (StartsWithIgnoreCase(value, "https://"))
        {
            return 5;
        }

        return StartsWithIgnoreCase(value, "http://") ? 4 : 0;
    }

    private static bool StartsWithIgnoreCase(string value, string prefix) =>
        value.Length >= prefix.Length && string.Compare(value, 0, prefix, 0, prefix.Length, System.StringComparison.OrdinalIgnoreCase) == 0;

    private static int IndexOfAny3(string value, int start, char a, char b, char c)
    {
        for (int i = start; i < value.Length; i++)
        {
            char current = value[i];
            if (current == a || current == b || current == c)
            {
                return i;
            }
        }

        return value.Length;
    }
}
