using System;
using System.Text;

namespace ProfileMedia.Core.OAuth;

/// <summary>
/// The percent-encoding OAuth 1.0a requires (RFC 5849 section 3.6, which defers to RFC 3986 section 2.1).
/// </summary>
/// <remarks>
/// Written by hand because <see cref="Uri.EscapeDataString(string)"/> has encoded a different set of characters on
/// different frameworks (.NET Framework before 4.5 kept <c>!*'()</c>), and one wrong byte breaks every signature.
/// </remarks>
internal static class PercentEncoding
{
    private const string UpperHexDigits = "0123456789ABCDEF";

    // A BMP scalar takes at most 3 UTF-8 bytes, each written as "%XX": 9 output bytes per UTF-16 unit is the ceiling
    // (a surrogate pair is 2 units for 4 UTF-8 bytes, 6 output bytes per unit).
    internal const int MaxEncodedBytesPerChar = 9;

    /// <summary>
    /// Percent-encodes the UTF-8 bytes of <paramref name="value"/>: the unreserved characters
    /// <c>A-Z a-z 0-9 - . _ ~</c> are kept, every other byte becomes <c>%XX</c> with uppercase hex digits.
    /// </summary>
    /// <param name="value">The text to encode.</param>
    /// <returns>The encoded text; the same instance when nothing needed encoding.</returns>
    /// <remarks>
    /// A lone surrogate (a UTF-16 unit that is not part of a valid pair) cannot be written as UTF-8; it is replaced by
    /// U+FFFD, encoded <c>%EF%BF%BD</c>, as <see cref="Encoding.UTF8"/> does, so the result is deterministic.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static unsafe string Encode(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        fixed (char* source = value)
        {
            int encodedLength = GetEncodedLength(source, value.Length);
            if (encodedLength == value.Length)
            {
                // Every escape lengthens the text, so an equal length means every character is unreserved.
                return value;
            }

            byte[] encoded = new byte[encodedLength];
            fixed (byte* destination = encoded)
            {
                EncodeInto(source, value.Length, destination);
            }

            return Encoding.ASCII.GetString(encoded);
        }
    }

    /// <summary>
    /// Decodes <c>%XX</c> escapes and reads the resulting bytes as UTF-8; with <paramref name="plusAsSpace"/>,
    /// <c>+</c> is read as a space, as <c>application/x-www-form-urlencoded</c> does.
    /// </summary>
    /// <param name="value">The encoded text, such as one name or value of a query string.</param>
    /// <param name="plusAsSpace">Whether <c>+</c> means a space (form encoding) rather than a literal plus.</param>
    /// <returns>The decoded text; the same instance when there was nothing to decode.</returns>
    /// <remarks>
    /// Decoding is lenient, like browsers and <c>WebUtility.UrlDecode</c>: a <c>%</c> not followed by two hex digits
    /// is kept literally, and bytes that are not valid UTF-8 become U+FFFD. Callers read what servers would read
    /// rather than failing on input they did not write.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Decode(string value, bool plusAsSpace)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.IndexOf('%') < 0 && (!plusAsSpace || value.IndexOf('+') < 0))
        {
            return value;
        }

        // Escapes and literal text are gathered as bytes first, because one character may be split over several %XX.
        byte[] bytes = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        int byteCount = 0;
        int literalStart = 0;
        int index = 0;
        while (index < value.Length)
        {
            char c = value[index];
            int escapedByte = -1;
            if (c == '%' && index + 2 < value.Length)
            {
                escapedByte = ReadHexByte(value[index + 1], value[index + 2]);
            }

            if (escapedByte < 0 && !(plusAsSpace && c == '+'))
            {
                index++;
                continue;
            }

            byteCount += Encoding.UTF8.GetBytes(value, literalStart, index - literalStart, bytes, byteCount);
            if (escapedByte >= 0)
            {
                bytes[byteCount++] = (byte)escapedByte;
                index += 3;
            }
            else
            {
                bytes[byteCount++] = (byte)' ';
                index++;
            }

            literalStart = index;
        }

        byteCount += Encoding.UTF8.GetBytes(value, literalStart, value.Length - literalStart, bytes, byteCount);
        return Encoding.UTF8.GetString(bytes, 0, byteCount);
    }

    /// <summary>Counts the bytes <see cref="EncodeInto"/> writes for the same input.</summary>
    internal static unsafe int GetEncodedLength(char* source, int length)
    {
        int total = 0;
        int index = 0;
        while (index < length)
        {
            int scalar = ReadScalar(source, length, ref index);
            if (scalar < 0x80)
            {
                total += IsUnreserved(scalar) ? 1 : 3;
            }
            else
            {
                total += 3 * Utf8Length(scalar);
            }
        }

        return total;
    }

    /// <summary>
    /// Writes the percent-encoded UTF-8 of <paramref name="source"/> as ASCII bytes into <paramref name="destination"/>,
    /// which must have room for <see cref="GetEncodedLength"/> bytes.
    /// </summary>
    /// <remarks>
    /// Works on raw memory so the OAuth signer can encode secrets straight from unmanaged memory into a byte array it
    /// clears afterwards, without the secret ever becoming a <see cref="string"/>.
    /// </remarks>
    /// <returns>The number of bytes written.</returns>
    internal static unsafe int EncodeInto(char* source, int length, byte* destination)
    {
        byte* utf8 = stackalloc byte[4];
        int written = 0;
        int index = 0;
        while (index < length)
        {
            int scalar = ReadScalar(source, length, ref index);
            if (scalar < 0x80 && IsUnreserved(scalar))
            {
                destination[written++] = (byte)scalar;
                continue;
            }

            int utf8Length = WriteUtf8(scalar, utf8);
            for (int i = 0; i < utf8Length; i++)
            {
                destination[written++] = (byte)'%';
                destination[written++] = (byte)UpperHexDigits[utf8[i] >> 4];
                destination[written++] = (byte)UpperHexDigits[utf8[i] & 0xF];
            }

            utf8[0] = utf8[1] = utf8[2] = utf8[3] = 0;
        }

        return written;
    }

    private static bool IsUnreserved(int c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~';

    /// <summary>Reads one Unicode scalar value, replacing a lone surrogate with U+FFFD.</summary>
    private static unsafe int ReadScalar(char* source, int length, ref int index)
    {
        char c = source[index++];
        if (c < 0xD800 || c > 0xDFFF)
        {
            return c;
        }

        if (c <= 0xDBFF && index < length)
        {
            char low = source[index];
            if (low >= 0xDC00 && low <= 0xDFFF)
            {
                index++;
                return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
        }

        return 0xFFFD;
    }

    private static int Utf8Length(int scalar) => scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4;

    private static unsafe int WriteUtf8(int scalar, byte* destination)
    {
        if (scalar < 0x80)
        {
            destination[0] = (byte)scalar;
            return 1;
        }

        if (scalar < 0x800)
        {
            destination[0] = (byte)(0xC0 | (scalar >> 6));
            destination[1] = (byte)(0x80 | (scalar & 0x3F));
            return 2;
        }

        if (scalar < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (scalar >> 12));
            destination[1] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (scalar & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (scalar >> 18));
        destination[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (scalar & 0x3F));
        return 4;
    }

    private static int ReadHexByte(char high, char low)
    {
        int h = HexValue(high);
        int l = HexValue(low);
        return h < 0 || l < 0 ? -1 : (h << 4) | l;
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' :
        c >= 'A' && c <= 'F' ? c - 'A' + 10 :
        c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}
