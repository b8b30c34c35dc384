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

        int schemeLength = SchemeLengthOf(value);
        if (schemeLength == 0)
        {
            // Only a value that is not a URL at all can be blank: checking here keeps the common case to one pass.
            return IsBlank(value) ? UrlProblem.EmptyUrl : UrlProblem.UrlNotAbsoluteHttp;
        }

        // One pass: find where the authority and the path end, and refuse characters no media URL has.
        int authorityStart = schemeLength + 3;
        int authorityEnd = -1;
        int pathEnd = -1;
        for (int i = authorityStart; i < value.Length; i++)
        {
            char c = value[i];
            if (IsInvalid(c))
            {
                return UrlProblem.UrlHasInvalidCharacters;
            }

            if (authorityEnd < 0)
            {
                if (c == '/' || c == '?' || c == '#')
                {
                    authorityEnd = i;
                    if (c != '/')
                    {
                        pathEnd = i;
                    }
                }
            }
            else if (pathEnd < 0 && (c == '?' || c == '#'))
            {
                pathEnd = i;
            }
        }

        if (authorityEnd < 0)
        {
            authorityEnd = value.Length;
        }

        if (authorityEnd == authorityStart)
        {
            return UrlProblem.UrlNotAbsoluteHttp;
        }

        if (authorityEnd == value.Length || value[authorityEnd] != '/')
        {
            return UrlProblem.UrlHasNoFileSegment;
        }

        parts = new HttpUrlParts(value, schemeLength, authorityEnd, pathEnd < 0 ? value.Length : pathEnd);
        return UrlProblem.None;
    }

    private static bool IsInvalid(char c) => c <= ' ' || c == '\\' || (c >= '\u007f' && c <= '\u009f');

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
}
