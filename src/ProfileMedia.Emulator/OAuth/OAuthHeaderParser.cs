using System;
using System.Collections.Generic;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>Reads the parameters of an "Authorization: OAuth k1="v1", k2="v2"" header (RFC 5849 section 3.5.1).</summary>
internal static class OAuthHeaderParser
{
    private const string Scheme = "OAuth";

    /// <summary>Returns the decoded parameters, or null when the header is not a well-formed OAuth header.</summary>
    public static Dictionary<string, string>? Parse(string? header)
    {
        if (header is null || header.Length <= Scheme.Length
            || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(header[Scheme.Length]))
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = Scheme.Length;
        while (true)
        {
            position = SkipSeparators(header, position);
            if (position >= header.Length)
            {
                return parameters;
            }

            var equals = header.IndexOf('=', position);
            if (equals < 0 || equals + 1 >= header.Length || header[equals + 1] != '"')
            {
                return null;
            }

            var closingQuote = header.IndexOf('"', equals + 2);
            if (closingQuote < 0)
            {
                return null;
            }

            var name = PercentEncoding.Decode(header[position..equals].Trim(), plusIsSpace: false);
            var value = PercentEncoding.Decode(header[(equals + 2)..closingQuote], plusIsSpace: false);
            if (name.Length == 0 || !parameters.TryAdd(name, value))
            {
                return null;
            }

            position = closingQuote + 1;
            if (position < header.Length && header[position] != ',' && !char.IsWhiteSpace(header[position]))
            {
                return null;
            }
        }
    }

    private static int SkipSeparators(string header, int position)
    {
        while (position < header.Length && (header[position] == ',' || char.IsWhiteSpace(header[position])))
        {
            position++;
        }

        return position;
    }
}
