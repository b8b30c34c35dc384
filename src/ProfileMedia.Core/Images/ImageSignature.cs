using System;
using System.IO;

namespace ProfileMedia.Core.Images;

/// <summary>
/// Recognises GIF, JPEG, PNG, WebP and BMP by their first bytes, and finds where each really ends by walking its
/// structure (JPEG segments and entropy-coded data to EOI, PNG chunks to IEND, GIF blocks to the trailer, the sizes
/// that WebP's RIFF container and BMP's file header declare). An image is complete when that end is there, wherever it
/// is: phones append a video after a JPEG's EOI, editors pad with zeros, and a GIF may end in a newline. A look at the
/// last bytes would call those truncated, and a stray FF D9 inside a segment (an EXIF thumbnail's own end) complete.
/// The one walk serves uploads and downloads (files and streams) and the image preparation (bytes in memory).
/// </summary>
internal static class ImageSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to tell every format apart (BMP's two headers).</summary>
    public const int HeaderLength = 26;

    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

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

        if (count >= 12 && header[0] == (byte)'R' && header[1] == (byte)'I' && header[2] == (byte)'F' && header[3] == (byte)'F'
            && header[8] == (byte)'W' && header[9] == (byte)'E' && header[10] == (byte)'B' && header[11] == (byte)'P')
        {
            return ImageFormat.WebP;
        }

        // "BM" alone is too common a start to call a bitmap: the 14-byte file header and the smallest DIB header must fit.
        return count >= HeaderLength && header[0] == (byte)'B' && header[1] == (byte)'M' ? ImageFormat.Bmp : ImageFormat.Unknown;
    }

    /// <summary>
    /// True when the first <paramref name="count"/> bytes of <paramref name="data"/> are an image of a format
    /// <see cref="Detect"/> knows whose structure reaches its end; bytes after the end do not matter.
    /// </summary>
    public static bool IsComplete(byte[] data, int count)
    {
        if (data == null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        using var stream = new MemoryStream(data, 0, count, writable: false);
        return IsComplete(stream);
    }

    /// <summary>
    /// True when <paramref name="content"/>, read forward from its current position, is an image of a format
    /// <see cref="Detect"/> knows whose structure reaches its end; bytes after the end do not matter.
    /// </summary>
    public static bool IsComplete(Stream content)
    {
        var reader = new ForwardReader(content ?? throw new ArgumentNullException(nameof(content)));
        return FindEnd(Detect(reader.Peek(HeaderLength), reader.Peeked), reader) >= 0;
    }

    /// <summary>
    /// How many bytes of <paramref name="content"/>, from its current position, the image of <paramref name="format"/>
    /// takes up to and including its end marker (for WebP and BMP, the size their headers declare); -1 when the data
    /// ends first or breaks the format's structure. <paramref name="content"/> may be a file, a network body or memory
    /// (an <see cref="UnmanagedMemoryStream"/> over a mapped file reads without a copy of the whole).
    /// </summary>
    public static long FindEnd(ImageFormat format, Stream content) =>
        FindEnd(format, new ForwardReader(content ?? throw new ArgumentNullException(nameof(content))));

    private static long FindEnd(ImageFormat format, ForwardReader reader)
    {
        switch (format)
        {
            case ImageFormat.Png:
                return EndOfPng(reader);
            case ImageFormat.Jpeg:
                return EndOfJpeg(reader);
            case ImageFormat.Gif:
                return EndOfGif(reader);
            case ImageFormat.WebP:
                return EndOfWebP(reader);
            case ImageFormat.Bmp:
                return EndOfBmp(reader);
            default:
                return -1;
        }
    }

    // The signature, then chunks: a 4-byte big-endian length, a 4-byte type, the data and a 4-byte CRC, until IEND,
    // which has no data and so always the same CRC.
    private static long EndOfPng(ForwardReader reader)
    {
        for (int i = 0; i < Png.Length; i++)
        {
            if (reader.Next() != Png[i])
            {
                return -1;
            }
        }

        for (bool first = true; ; first = false)
        {
            long length = reader.UInt32BigEndian();
            long type = reader.UInt32BigEndian();

            // Every PNG starts with IHDR: a signature followed by anything else is not one, whatever chunks follow.
            if (length < 0 || type < 0 || length > int.MaxValue || (first && type != 0x49484452))
            {
                return -1;
            }

            if (type == 0x49454E44)
            {
                return length == 0 && reader.UInt32BigEndian() == 0xAE426082 ? reader.Position : -1;
            }

            if (!reader.Skip(length + 4))
            {
                return -1;
            }
        }
    }

    // SOI, then segments: FF and a marker, with a 2-byte length for all but the markers that stand alone. A segment's
    // content is skipped by its length, so an EXIF thumbnail's own FF D9 is never taken for the end. After SOS comes
    // entropy-coded data, where FF is followed by 00 (a stuffed FF) or a restart marker; the first other marker ends
    // it. EOI (FF D9) ends the image.
    private static long EndOfJpeg(ForwardReader reader)
    {
        if (reader.Next() != 0xFF || reader.Next() != 0xD8)
        {
            return -1;
        }

        while (true)
        {
            // Entropy-coded data, or stray bytes between segments that decoders skip too: on to the next FF.
            if (!reader.SkipTo(0xFF) || reader.Next() < 0)
            {
                return -1;
            }

            int marker;
            do
            {
                marker = reader.Next();
            }
            while (marker == 0xFF); // fill bytes

            if (marker < 0 || marker == 0xD8)
            {
                return -1; // the data ended, or a second SOI before any EOI
            }

            if (marker == 0xD9)
            {
                return reader.Position;
            }

            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            {
                continue; // a stuffed FF, TEM or a restart marker: nothing follows them
            }

            long length = reader.UInt16BigEndian();
            if (length < 2 || !reader.Skip(length - 2))
            {
                return -1;
            }
        }
    }

    // The header and logical screen descriptor with its optional colour table, then blocks until the trailer 3B:
    // images (a descriptor, an optional colour table, then LZW data in sub-blocks) and extensions (sub-blocks).
    private static long EndOfGif(ForwardReader reader)
    {
        if (!reader.Skip(10))
        {
            return -1;
        }

        int packed = reader.Next();
        if (packed < 0 || !reader.Skip(2) || !SkipColourTable(reader, packed))
        {
            return -1;
        }

        while (true)
        {
            switch (reader.Next())
            {
                case 0x3B:
                    return reader.Position;
                case 0x2C:
                    if (!reader.Skip(8))
                    {
                        return -1;
                    }

                    int local = reader.Next();
                    if (local < 0 || !SkipColourTable(reader, local) || reader.Next() < 0 || !SkipSubBlocks(reader))
                    {
                        return -1;
                    }

                    break;
                case 0x21:
                    if (reader.Next() < 0 || !SkipSubBlocks(reader))
                    {
                        return -1;
                    }

                    break;
                default:
                    return -1; // the data ended, or a byte that starts no block
            }
        }
    }

    // "RIFF", the size of what follows it (little-endian), "WEBP" and the chunks that size covers; a RIFF chunk is
    // padded to an even length.
    private static long EndOfWebP(ForwardReader reader)
    {
        if (reader.UInt32BigEndian() != 0x52494646)
        {
            return -1;
        }

        long size = reader.UInt32LittleEndian();
        return size >= 4 && reader.UInt32BigEndian() == 0x57454250 && reader.Skip(size - 4 + (size & 1)) ? reader.Position : -1;
    }

    // "BM", the file's size (little-endian), 4 reserved bytes and the offset of the pixel data, which must lie inside
    // the file. Some writers leave the size 0: then the image runs to the end of the data, which must reach its pixels.
    private static long EndOfBmp(ForwardReader reader)
    {
        if (reader.Next() != 'B' || reader.Next() != 'M')
        {
            return -1;
        }

        long size = reader.UInt32LittleEndian();
        if (size < 0 || !reader.Skip(4))
        {
            return -1;
        }

        long pixelOffset = reader.UInt32LittleEndian();
        if (pixelOffset < 0)
        {
            return -1;
        }

        if (size == 0)
        {
            reader.Skip(long.MaxValue);
            return reader.Position > pixelOffset ? reader.Position : -1;
        }

        return pixelOffset < size && size >= reader.Position && reader.Skip(size - reader.Position) ? reader.Position : -1;
    }

    private static bool SkipColourTable(ForwardReader reader, int packed) =>
        (packed & 0x80) == 0 || reader.Skip(3L << ((packed & 7) + 1));

    private static bool SkipSubBlocks(ForwardReader reader)
    {
        while (true)
        {
            int size = reader.Next();
            if (size <= 0)
            {
                return size == 0;
            }

            if (!reader.Skip(size))
            {
                return false;
            }
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
}
