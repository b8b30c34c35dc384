using System;
using System.Net;

namespace ProfileMedia.Core.Api;

/// <summary>Checks an API base URI (the host root): absolute, https, or plain http only when the host is this machine.</summary>
internal static class ApiBaseUri
{
    /// <summary>Returns the URI with a trailing '/', or throws ArgumentException naming the problem and the value.</summary>
    public static Uri Validate(Uri? uri)
    {
        if (uri == null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The API base URI '" + uri + "' is not an absolute URI.", nameof(uri));
        }

        bool https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            throw new ArgumentException("The API base URI '" + uri + "' must use https; plain http is allowed only for a loopback host such as 127.0.0.1.", nameof(uri));
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException("The API base URI '" + uri + "' must not carry a query, a fragment or user information.", nameof(uri));
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

    /// <summary>True for localhost and loopback addresses (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
