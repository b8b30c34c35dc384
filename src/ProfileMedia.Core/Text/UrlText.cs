namespace ProfileMedia.Core.Text;

/// <summary>How a URL appears in a message: quoted as every value is, and never with the credentials it may carry.</summary>
internal static class UrlText
{
    private static readonly char[] AuthorityEnd = { '/', '?', '#', '\\' };

    /// <summary>The URL quoted for a message (<see cref="MessageText.Quote"/>), its user information masked.</summary>
    public static string Shown(string? url) => MessageText.Quote(WithoutUserInfo(url));

    /// <summary>
    /// The URL with any user information (<c>user:password@</c>) replaced by <c>***@</c>: the text need not parse as
    /// a URL, since a message may quote one that was refused for not being one.
    /// </summary>
    public static string? WithoutUserInfo(string? url)
    {
        if (url == null)
        {
            return null;
        }

        int scheme = url.IndexOf("://", System.StringComparison.Ordinal);
        int authority = scheme < 0 ? 0 : scheme + 3;
        int end = url.IndexOfAny(AuthorityEnd, authority);
        if (end < 0)
        {
            end = url.Length;
        }

        if (end <= authority)
        {
            return url;
        }

        int at = url.LastIndexOf('@', end - 1, end - authority);
        return at < 0 ? url : url.Substring(0, authority) + "***" + url.Substring(at);
    }
}
