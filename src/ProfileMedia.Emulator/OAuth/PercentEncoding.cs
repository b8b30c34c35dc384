using System;
using System.Collections.Generic;
using System.Text;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>RFC 3986 percent-encoding as RFC 5849 section 3.6 requires it: UTF-8, only unreserved characters kept, uppercase hex.</summary>
internal static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes %XX sequences as UTF-8. A malformed sequence is kept literally, as lenient servers do.
    /// In application/x-www-form-urlencoded data '+' means a space, in an Authorization header it does not.
    /// </summary>
    public static string Decode(string value, bool plusIsSpace)
    {
        if (value.IndexOf('%', StringComparison.Ordinal) < 0 && !(plusIsSpace && value.Contains('+', StringComparison.Ordinal)))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && TryHex(value[i + 1], out var high) && TryHex(value[i + 2], out var low))
            {
                bytes.Add((byte)((high << 4) | low));
                i += 2;
            }
            else if (c == '+' && plusIsSpace)
            {
                bytes.Add((byte)' ');
            }
            else
            {
                var count = Encoding.UTF8.GetBytes(value.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1), scratch);
                for (var k = 0; k < count; k++)
                {
                    bytes.Add(scratch[k]);
                }

                if (count == 4)
                {
                    i++;
                }
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
