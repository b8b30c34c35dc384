using System;
using System.Collections.Generic;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>Splits a query string or an application/x-www-form-urlencoded body into decoded name/value pairs, keeping duplicates and order.</summary>
internal static class FormUrlEncoded
{
    public static List<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(PercentEncoding.Decode(name, plusIsSpace: true), PercentEncoding.Decode(value, plusIsSpace: true)));
        }

        return pairs;
    }
}
