using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.OAuth;

/// <summary>Reads the query of a request URI into the name/value pairs that OAuth signs.</summary>
internal static class QueryParameters
{
    /// <summary>
    /// Splits the query on <c>&amp;</c> and each pair on its first <c>=</c>, then decodes names and values.
    /// </summary>
    /// <remarks>
    /// RFC 5849 section 3.4.1.3.1 parses the query as <c>application/x-www-form-urlencoded</c>, so <c>+</c> decodes to
    /// a space here even though RFC 3986 gives it no such meaning; both X and the RFC's own example rely on that.
    /// A pair without <c>=</c> has an empty value (<c>c2</c> in the RFC example); empty pairs (<c>a&amp;&amp;b</c>) are
    /// skipped, as form parsers do. Duplicate names are all kept.
    /// </remarks>
    public static List<KeyValuePair<string, string>> Parse(Uri requestUri)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        string query = requestUri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        int start = 0;
        while (start <= query.Length)
        {
            int end = query.IndexOf('&', start);
            if (end < 0)
            {
                end = query.Length;
            }

            if (end > start)
            {
                int equals = query.IndexOf('=', start, end - start);
                string name = equals < 0 ? query.Substring(start, end - start) : query.Substring(start, equals - start);
                string value = equals < 0 ? string.Empty : query.Substring(equals + 1, end - equals - 1);
                parameters.Add(new KeyValuePair<string, string>(
                    PercentEncoding.Decode(name, plusAsSpace: true),
                    PercentEncoding.Decode(value, plusAsSpace: true)));
            }

            start = end + 1;
        }

        return parameters;
    }
}
