using System;
using System.Net;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Api;

/// <summary>Checks an API base URI (the host root): absolute, https, or plain http only when the host is this machine.</summary>
internal static class ApiBaseUri
{
    private static readonly char[] AuthorityEnds = { '/', '?', '#', '\\' };

    /// <summary>Returns the URI with a trailing '/', or throws an <see cref="InvalidValueException"/> naming the problem and the value.</summary>
    public static Uri Validate(Uri? uri)
    {
        if (uri == null || !uri.IsAbsoluteUri)
        {
            throw Refused(uri, " is not an absolute URI.");
        }

        // Checked first, and the URI shown without it: what sits before '@' is often a password. "http://@host/" has an
        // empty user info that Uri.UserInfo does not show, so the text as written is read too.
        if (HasUserInfo(uri))
        {
            throw Refused(uri, " must not carry user information (text before '@' in its host part).", AdviceKind.CredentialsNotInUri);
        }

        bool https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            throw Refused(uri, " must use https; plain http is allowed only for a loopback host such as 127.0.0.1.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw Refused(uri, " must not carry a query or a fragment.");
        }

        return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>
    /// The host root of a validated URI: a value ending in /1.1/ (what scripts passed before v2) means its parent, so
    /// https://api.x.com/1.1/ and https://api.x.com/ connect the same way.
    /// </summary>
    public static Uri RootOf(Uri validated)
    {
        const string V1Segment = "1.1/";
        string text = validated.AbsoluteUri;
        return text.EndsWith("/" + V1Segment, StringComparison.OrdinalIgnoreCase) ? new Uri(text.Substring(0, text.Length - V1Segment.Length)) : validated;
    }

    // The URI is shown without its user information wherever it is refused: what sits before '@' is often a password.
    private static InvalidValueException Refused(Uri? uri, string problem, AdviceKind advice = AdviceKind.None)
    {
        string shown = uri == null ? string.Empty : WithoutUserInfo(uri);
        return new InvalidValueException(ErrorIds.InvalidApiBaseUri, shown, "The API base URI '" + shown + "'" + problem, advice);
    }

    private static bool HasUserInfo(Uri uri)
    {
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return true;
        }

        string text = uri.OriginalString;
        int start = text.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        int end = text.IndexOfAny(AuthorityEnds, start + 3);
        int at = text.IndexOf('@', start + 3);
        return at >= 0 && (end < 0 || at < end);
    }

    /// <summary>The URI as it may be shown or kept in an error: without the user information, which may be a password.</summary>
    public static string WithoutUserInfo(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : uri.OriginalString;

    /// <summary>True for localhost and loopback addresses (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
