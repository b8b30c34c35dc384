using System;
using System.Net;
using System.Text;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// The OAuth percent-encoder on generated strings: any UTF-16 (lone surrogates included) encodes without throwing,
/// to exactly the bytes an independent encoder over <see cref="Encoding.UTF8"/> gives; decoding undoes it; and decoding
/// any text never throws and reads what <see cref="WebUtility.UrlDecode(string)"/> reads.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class PercentEncodingFuzzTests
{
    private const string UpperHex = "0123456789ABCDEF";
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static readonly char[] PercentAndPlus = { '%', '+' };
    private static readonly bool[] IsUnreserved = UnreservedTable();

    private readonly StringBuilder text = new(64);
    private readonly StringBuilder expected = new(256);

    [Fact]
    public void Every_generated_strings_encode_and_decode_without_an_undocumented_exception()
    {
        var run = new FuzzRun("PercentEncoding");
        long loneSurrogates = 0;
        run.ForEachCase(0x9E3CE7UL, Generate, (input, random) => Check(input, random, ref loneSurrogates), FuzzText.Escape);

        // The documented exception, once: the cases above never pass null.
        Assert.Throws<ArgumentNullException>(() => PercentEncoding.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => PercentEncoding.Decode(null!, true));
        run.Documented();
        run.Documented();
        run.Finish("Encode (twice, compared with an encoder over Encoding.UTF8), Decode of the encoding with and without plusAsSpace, and Decode of the raw text compared with WebUtility.UrlDecode.",
            loneSurrogates + " of the generated strings held a lone surrogate.");
    }

    private string Generate(FuzzRandom random)
    {
        text.Clear();
        int length = random.Next(16) switch
        {
            0 => 0,
            < 13 => random.Next(1, 24),
            < 15 => random.Next(24, 200),
            _ => random.Chance(1, 64) ? random.Next(200, 20_000) : random.Next(200, 1000),
        };

        while (text.Length < length)
        {
            switch (random.Next(20))
            {
                case < 6:
                    text.Append(Unreserved[random.Next(Unreserved.Length)]);
                    break;
                case < 9:
                    text.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 9:
                    text.Append((char)random.Next(0, 0x20));
                    break;
                case 10:
                    text.Append((char)random.Next(0x7F, 0x800));
                    break;
                case 11:
                    char bmp = (char)random.Next(0x800, 0x10000);
                    text.Append(bmp >= '\uD800' && bmp <= '\uDFFF' ? '\uFFFD' : bmp);
                    break;
                case 12:
                    text.Append((char)random.Next(0xD800, 0xDC00)).Append((char)random.Next(0xDC00, 0xE000));
                    break;
                case 13:
                    text.Append((char)random.Next(0xD800, 0xE000)); // a lone surrogate, unless it happens to pair up
                    break;
                case 14:
                    text.Append(random.Pick(Edges));
                    break;
                case < 18:
                    // An escape, valid or not: "%4", "%zz", "%C3%A9" split from its partner, "%ED%A0%80" (an encoded surrogate).
                    text.Append('%').Append(HexOrNot(random));
                    if (random.Chance(7, 8))
                    {
                        text.Append(HexOrNot(random));
                    }

                    break;
                default:
                    text.Append(random.Pick(Escapes));
                    break;
            }
        }

        return text.ToString();
    }

    private static readonly string[] Edges = { "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uFFFD", "\uFEFF", "\uDBFF\uDFFF", "\uD800\uDC00", "+", " ", "%", "~", "\0" };

    private static readonly string[] Escapes =
    {
        "%C3%A9", "%c3%a9", "%E2%82%AC", "%F0%9F%98%80", "%ED%A0%80", "%C0%AF", "%FF", "%80", "%F4%90%80%80", "%EF%BB%BF", "%2B", "%20", "%25", "%%", "%%41", "%+1",
    };

    private static char HexOrNot(FuzzRandom random) => "0123456789abcdefABCDEF0123456789ABCDEFgG%+ \u00E9"[random.Next(43)];

    private string? Check(string input, FuzzRandom random, ref long loneSurrogates)
    {
        string encoded = PercentEncoding.Encode(input);
        string reference = ReferenceEncode(input);
        if (!string.Equals(encoded, reference, StringComparison.Ordinal))
        {
            return "Encode gave " + FuzzText.Escape(encoded) + " but the UTF-8 bytes encode as " + FuzzText.Escape(reference);
        }

        if (string.Equals(encoded, input, StringComparison.Ordinal) != ReferenceEquals(encoded, input))
        {
            return "an input that needs no escape was not returned as the same instance";
        }

        for (int i = 0; i < encoded.Length; i++)
        {
            char c = encoded[i];
            if (c == '%')
            {
                if (i + 2 >= encoded.Length || !IsUpperHex(encoded[i + 1]) || !IsUpperHex(encoded[i + 2]))
                {
                    return "a '%' in the output is not followed by two uppercase hex digits at " + i;
                }

                i += 2;
            }
            else if (c >= 0x80 || !IsUnreserved[c])
            {
                return "the output holds the reserved character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (!string.Equals(PercentEncoding.Encode(input), encoded, StringComparison.Ordinal))
        {
            return "Encode is not deterministic";
        }

        // Decoding gives the text back; a lone surrogate comes back as U+FFFD, which is what was encoded for it.
        string scalar = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(input));
        bool hasLoneSurrogate = !string.Equals(scalar, input, StringComparison.Ordinal);
        loneSurrogates += hasLoneSurrogate ? 1 : 0;
        bool plusAsSpace = random.Coin();
        string decoded = PercentEncoding.Decode(encoded, plusAsSpace);
        if (!string.Equals(decoded, scalar, StringComparison.Ordinal))
        {
            return "Decode(Encode(s), " + plusAsSpace + ") is " + FuzzText.Escape(decoded);
        }

        // The raw text, read as a query component: never throws, and reads as WebUtility reads it when there is no lone surrogate
        // (WebUtility keeps a lone surrogate in literal text; this decoder reads literal text as UTF-8, so it becomes U+FFFD).
        plusAsSpace = random.Coin();
        string raw = PercentEncoding.Decode(input, plusAsSpace);
        if (input.IndexOfAny(PercentAndPlus) < 0 && !ReferenceEquals(raw, input))
        {
            return "a text without '%' or '+' was not returned as the same instance";
        }

        if (!hasLoneSurrogate)
        {
            string oracle = WebUtility.UrlDecode(plusAsSpace ? input : input.Replace("+", "%2B", StringComparison.Ordinal));
            if (!string.Equals(raw, oracle, StringComparison.Ordinal))
            {
                return "Decode(s, " + plusAsSpace + ") is " + FuzzText.Escape(raw) + " but WebUtility.UrlDecode reads " + FuzzText.Escape(oracle);
            }
        }

        return null;
    }

    private static bool IsUpperHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');

    private static bool[] UnreservedTable()
    {
        var table = new bool[128];
        foreach (char c in Unreserved)
        {
            table[c] = true;
        }

        return table;
    }

    /// <summary>RFC 3986 percent-encoding of the UTF-8 bytes that <see cref="Encoding.UTF8"/> gives (a lone surrogate becomes EF BF BD).</summary>
    private string ReferenceEncode(string input)
    {
        expected.Clear();
        foreach (byte b in Encoding.UTF8.GetBytes(input))
        {
            if (b < 0x80 && IsUnreserved[b])
            {
                expected.Append((char)b);
            }
            else
            {
                expected.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }

        return expected.ToString();
    }
}
