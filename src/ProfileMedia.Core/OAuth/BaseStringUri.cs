using System;
using System.Globalization;

namespace ProfileMedia.Core.OAuth;

/// <summary>The base string URI of RFC 5849 section 3.4.1.2.</summary>
internal static class BaseStringUri
{
    /// <summary>
    /// Builds <c>scheme://host[:port]/path</c>: scheme and host lower-cased, the port only when it is not the
    /// scheme's default (80 for http, 443 for https), the path escaped exactly as it goes on the wire, no query,
    /// no fragment, no user information.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="requestUri"/> is null.</exception>
    /// <exception cref="ArgumentException">The URI is relative or not http or https.</exception>
    public static string Create(Uri requestUri)
    {
        if (requestUri is null)
        {
            throw new ArgumentNullException(nameof(requestUri));
        }

        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute.", nameof(requestUri));
        }

        string scheme = requestUri.Scheme.ToLowerInvariant();
        int defaultPort = scheme switch
        {
            "http" => 80,
            "https" => 443,
            _ => throw new ArgumentException("OAuth 1.0a signs only http and https requests.", nameof(requestUri)),
        };

        // AbsolutePath is the escaped path, the same text HttpClient writes in the request line.
        string host = requestUri.Host.ToLowerInvariant();
        string path = requestUri.AbsolutePath;
        return requestUri.Port == defaultPort
            ? scheme + "://" + host + path
            : scheme + "://" + host + ":" + requestUri.Port.ToString(CultureInfo.InvariantCulture) + path;
    }
}
