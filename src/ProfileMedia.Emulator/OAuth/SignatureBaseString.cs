using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>The signature base string of RFC 5849 section 3.4.1, built from the request exactly as received.</summary>
internal static class SignatureBaseString
{
    public static string Build(string method, string scheme, string host, string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        return string.Concat(
            method.ToUpperInvariant(),
            "&",
            PercentEncoding.Encode(BaseUri(scheme, host, path)),
            "&",
            PercentEncoding.Encode(NormalizeParameters(parameters)));
    }

    /// <summary>Section 3.4.1.2: scheme and host in lower case, the default port left out, no query.</summary>
    public static string BaseUri(string scheme, string host, string path)
    {
        var lowerScheme = scheme.ToLowerInvariant();
        var lowerHost = host.ToLowerInvariant();
        var defaultPort = lowerScheme == "https" ? ":443" : ":80";
        if (lowerHost.EndsWith(defaultPort, StringComparison.Ordinal))
        {
            lowerHost = lowerHost[..^defaultPort.Length];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{lowerScheme}://{lowerHost}{path}");
    }

    /// <summary>Section 3.4.1.3.2: encode every name and value, sort by name then value, join with '=' and '&amp;'.</summary>
    public static string NormalizeParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = parameters
            .Select(p => (Name: PercentEncoding.Encode(p.Key), Value: PercentEncoding.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        return string.Join('&', encoded);
    }
}
