namespace ProfileMedia.Core.Json;

/// <summary>Strict UTF-8 decoding with the position of the first bad byte.</summary>
/// <remarks>
/// Written by hand rather than with a throwing <c>UTF8Encoding</c> because the frameworks' decoders differ in where they
/// report a fault, and the reader promises the same answer in Windows PowerShell 5.1 and PowerShell 7.
/// </remarks>
internal static class Utf8Text
{
    /// <summary>
    /// Decodes <paramref name="count"/> bytes from <paramref name="offset"/>, refusing truncated and malformed
    /// sequences, overlong forms, encoded surrogates and code points above U+10FFFF.
    /// </summary>
    /// <exception cref="JsonFormatException">The bytes are not valid UTF-8; the position is an index into the array.</exception>
    public static string Decode(byte[] bytes, int offset, int count)
    {
        // Each UTF-16 unit needs at least one byte, so count units always suffice.
        char[] chars = new char[count];
        int written = 0;
        int index = offset;
        int end = offset + count;
        while (index < end)
        {
            byte lead = bytes[index];
            if (lead < 0x80)
            {
                chars[written++] = (char)lead;
                index++;
                continue;
            }

            int continuationCount;
            int codePoint;
            int smallestAllowed;
            if ((lead & 0xE0) == 0xC0)
            {
                continuationCount = 1;
                codePoint = lead & 0x1F;
                smallestAllowed = 0x80;
            }
            else if ((lead & 0xF0) == 0xE0)
            {
                continuationCount = 2;
                codePoint = lead & 0x0F;
                smallestAllowed = 0x800;
            }
            else if ((lead & 0xF8) == 0xF0)
            {
                continuationCount = 3;
                codePoint = lead & 0x07;
                smallestAllowed = 0x10000;
            }
            else
            {
                throw Invalid(index);
            }

            if (end - index - 1 < continuationCount)
            {
                throw Invalid(index);
            }

            for (int i = 1; i <= continuationCount; i++)
            {
                byte continuation = bytes[index + i];
                if ((continuation & 0xC0) != 0x80)
                {
                    throw Invalid(index);
                }

                codePoint = (codePoint << 6) | (continuation & 0x3F);
            }

            if (codePoint < smallestAllowed || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                throw Invalid(index);
            }

            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                chars[written++] = (char)(0xD800 + (codePoint >> 10));
                chars[written++] = (char)(0xDC00 + (codePoint & 0x3FF));
            }
            else
            {
                chars[written++] = (char)codePoint;
            }

            index += continuationCount + 1;
        }

        return new string(chars, 0, written);
    }

    private static JsonFormatException Invalid(int position) => new("The bytes are not valid UTF-8.", position);
}
