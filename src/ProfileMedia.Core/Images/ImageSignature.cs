namespace ProfileMedia.Core.Images;

/// <summary>Recognises GIF, JPEG and PNG by their first bytes and checks that they end with their end marker.</summary>
internal static class ImageSignature
{
    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly byte[] PngEnd = { 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }; // "IEND" and its CRC

    /// <summary>The format the first <paramref name="count"/> bytes of <paramref name="header"/> show.</summary>
    public static ImageFormat Detect(byte[] header, int count)
    {
        if (count >= 8 && StartsWith(header, Png))
        {
            return ImageFormat.Png;
        }

        if (count >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (count >= 6 && header[0] == (byte)'G' && header[1] == (byte)'I' && header[2] == (byte)'F' && header[3] == (byte)'8'
            && (header[4] == (byte)'7' || header[4] == (byte)'9') && header[5] == (byte)'a')
        {
            return ImageFormat.Gif;
        }

        return ImageFormat.Unknown;
    }

    /// <summary>True when the last bytes hold the format's end marker (JPEG may be followed by zero padding).</summary>
    public static bool HasEndMarker(ImageFormat format, byte[] trailer, int count)
    {
        switch (format)
        {
            case ImageFormat.Png:
                return count >= PngEnd.Length && EndsWith(trailer, count, PngEnd);
            case ImageFormat.Gif:
                return count >= 1 && trailer[count - 1] == 0x3B;
            case ImageFormat.Jpeg:
                int end = count;
                while (end > 0 && trailer[end - 1] == 0)
                {
                    end--;
                }

                return end >= 2 && trailer[end - 2] == 0xFF && trailer[end - 1] == 0xD9;
            default:
                return false;
        }
    }

    private static bool StartsWith(byte[] data, byte[] prefix)
    {
        for (int i = 0; i < prefix.Length; i++)
        {
            if (data[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWith(byte[] data, int count, byte[] suffix)
    {
        int offset = count - suffix.Length;
        for (int i = 0; i < suffix.Length; i++)
        {
            if (data[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
