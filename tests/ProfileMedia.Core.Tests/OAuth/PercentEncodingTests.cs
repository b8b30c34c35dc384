using System;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.OAuth;

public sealed class PercentEncodingTests
{
    [Fact]
    public void Unreserved_characters_are_kept_and_the_same_instance_is_returned()
    {
        const string unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        Assert.Same(unreserved, PercentEncoding.Encode(unreserved));
    }

    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("!", "%21")]
    [InlineData("'", "%27")]
    [InlineData("(", "%28")]
    [InlineData(")", "%29")]
    [InlineData("+", "%2B")]
    [InlineData("%", "%25")]
    [InlineData("&=", "%26%3D")]
    [InlineData("/?#[]@", "%2F%3F%23%5B%5D%40")]
    [InlineData(",;:$", "%2C%3B%3A%24")]
    [InlineData("\u007F\u0000", "%7F%00")]
    [InlineData("", "")]
    [InlineData("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    public void Reserved_and_other_ASCII_characters_are_escaped(string value, string expected) =>
        Assert.Equal(expected, PercentEncoding.Encode(value));

    [Theory]
    [InlineData("\u00E9", "%C3%A9")]
    [InlineData("\u2603", "%E2%98%83")]
    [InlineData("\uD83D\uDE00", "%F0%9F%98%80")]
    [InlineData("a\u2603b", "a%E2%98%83b")]
    public void Non_ASCII_text_is_escaped_as_UTF8_bytes(string value, string expected) =>
        Assert.Equal(expected, PercentEncoding.Encode(value));

    // Lone surrogates cannot be written in attribute arguments (metadata stores strings as UTF-8), hence a Fact.
    [Fact]
    public void Lone_surrogates_become_the_replacement_character()
    {
        Assert.Equal("%EF%BF%BD", PercentEncoding.Encode("\uD800"));
        Assert.Equal("%EF%BF%BD", PercentEncoding.Encode("\uDC00"));
        Assert.Equal("a%EF%BF%BDb", PercentEncoding.Encode("a\uD83Db"));
        Assert.Equal("%EF%BF%BD%EF%BF%BD", PercentEncoding.Encode("\uDE00\uD83D"));
        Assert.Equal("%F0%9F%98%80%EF%BF%BD", PercentEncoding.Encode("\uD83D\uDE00\uD83D"));
    }

    [Fact]
    public void Hex_digits_are_uppercase()
    {
        string encoded = PercentEncoding.Encode("\u00FF\u00AB:");
        Assert.Equal("%C3%BF%C2%AB%3A", encoded);
        Assert.Equal(encoded.ToUpperInvariant(), encoded);
    }

    [Fact]
    public void Encoding_matches_an_independent_reading_for_every_BMP_character()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (c >= 0xD800 && c <= 0xDFFF)
            {
                continue;
            }

            string text = ((char)c).ToString();
            Assert.Equal(Reference(text), PercentEncoding.Encode(text));
        }
    }

    [Theory]
    [InlineData("a%20b", false, "a b")]
    [InlineData("a+b", false, "a+b")]
    [InlineData("a+b", true, "a b")]
    [InlineData("%2B", true, "+")]
    [InlineData("%e2%98%83", false, "\u2603")]
    [InlineData("%E2%98%83%F0%9F%98%80", false, "\u2603\uD83D\uDE00")]
    [InlineData("%3D%253D", false, "=%3D")]
    [InlineData("c%40", false, "c@")]
    [InlineData("100%", false, "100%")]
    [InlineData("%4", false, "%4")]
    [InlineData("%zz%", false, "%zz%")]
    [InlineData("%FF", false, "\uFFFD")]
    [InlineData("\u2603%20", false, "\u2603 ")]
    [InlineData("", true, "")]
    public void Decode_reads_escapes_and_optionally_plus(string value, bool plusAsSpace, string expected) =>
        Assert.Equal(expected, PercentEncoding.Decode(value, plusAsSpace));

    [Fact]
    public void Decode_of_Encode_round_trips()
    {
        const string text = "Hello Ladies + Gentlemen, a signed OAuth request! \u2603\uD83D\uDE00 ~*'()";
        Assert.Equal(text, PercentEncoding.Decode(PercentEncoding.Encode(text), plusAsSpace: true));
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => PercentEncoding.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => PercentEncoding.Decode(null!, plusAsSpace: false));
    }

    // Straight from RFC 3986: UTF-8 bytes, unreserved kept, the rest %XX in uppercase.
    private static string Reference(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                              b == '-' || b == '.' || b == '_' || b == '~';
            builder.Append(unreserved ? ((char)b).ToString() : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
