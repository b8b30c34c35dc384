using System;
using System.Buffers.Binary;
using ProfileMedia.Core.Fitting;

namespace ProfileMedia.Imaging;

/// <summary>
/// Names a file's format from its first bytes and checks, without decoding a pixel, that its structure is complete:
/// a JPEG's segments and scans reach EOI, a PNG's chunks reach IEND, a GIF ends with its trailer, a WebP or BMP is as
/// long as its header says. A cut-short file is refused here, before the codec sees it.
/// </summary>
internal static class ImageStructure
{
    private static ReadOnlySpan<byte> PngSignature => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /// <summary>The format's name ("JPEG", "PNG", "GIF", "WebP", "BMP"); throws when it is none of them or is cut short.</summary>
    public static string Check(ReadOnlySpan<byte> bytes, string source)
    {
        string format = Detect(bytes);
        bool complete = format switch
        {
            "JPEG" => JpegComplete(bytes),
            "PNG" => PngComplete(bytes),
            "GIF" => GifComplete(bytes),
            "WebP" => bytes.Length >= 12 && 8L + BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(4, 4)) <= bytes.Length,
            "BMP" => BmpComplete(bytes),
            _ => throw new ImageFitException(ImageFitProblem.UnsupportedImageFormat,
                "'" + source + "' is not a JPEG, PNG, GIF, WebP or BMP image (judged by its content" + Describe(bytes) + ")."),
        };
        if (!complete)
        {
            throw new ImageFitException(ImageFitProblem.TruncatedImage,
                "The " + format + " image '" + source + "' is incomplete: its " + bytes.Length + " bytes end before the image does.");
        }

        return format;
    }

    private static string Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b.Slice(0, 8).SequenceEqual(PngSignature))
        {
            return "PNG";
        }

        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "JPEG";
        }

        if (b.Length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a')
        {
            return "GIF";
        }

        if (b.Length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
        {
            return "WebP";
        }

        return b.Length >= 26 && b[0] == 'B' && b[1] == 'M' ? "BMP" : string.Empty;
    }

    /// <summary>A hint for formats people try most often, so the error says what the file is.</summary>
    private static string Describe(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0)
        {
            return ": the file is empty";
        }

        if (b.Length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p')
        {
            return ": it looks like HEIC/AVIF (" + (char)b[8] + (char)b[9] + (char)b[10] + (char)b[11] + "), which is not supported";
        }

        if (b.Length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)))
        {
            return ": it looks like TIFF or a camera raw file, which is not supported";
        }

        return ", not its name";
    }

    /// <summary>Walks the marker segments and the entropy-coded scans between them until EOI.</summary>
    private static bool JpegComplete(ReadOnlySpan<byte> b)
    {
        int pos = 2;
        while (true)
        {
            // Skip stray bytes and fill bytes up to the next marker, as decoders do.
            while (pos < b.Length && b[pos] != 0xFF)
            {
                pos++;
            }

            while (pos + 1 < b.Length && b[pos + 1] == 0xFF)
            {
                pos++;
            }

            if (pos + 1 >= b.Length)
            {
                return false;
            }

            byte marker = b[pos + 1];
            if (marker == 0xD9)
            {
                return true;
            }

            if (marker == 0x01 || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD8))
            {
                pos += 2;
                continue;
            }

            if (pos + 4 > b.Length)
            {
                return false;
            }

            int end = pos + 2 + BinaryPrimitives.ReadUInt16BigEndian(b.Slice(pos + 2, 2));
            if (end > b.Length)
            {
                return false;
            }

            pos = end;
            if (marker == 0xDA)
            {
                pos = SkipEntropyCodedData(b, pos);
            }
        }
    }

    /// <summary>The position of the marker that ends a scan (an 0xFF not followed by 0x00 or a restart marker).</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> b, int pos)
    {
        while (true)
        {
            int next = b.Slice(pos).IndexOf((byte)0xFF);
            if (next < 0)
            {
                return b.Length;
            }

            pos += next;
            if (pos + 1 >= b.Length)
            {
                return b.Length;
            }

            byte following = b[pos + 1];
            if (following == 0x00 || (following >= 0xD0 && following <= 0xD7))
            {
                pos += 2;
                continue;
            }

            return pos;
        }
    }

    private static bool PngComplete(ReadOnlySpan<byte> b)
    {
        long pos = 8;
        while (pos + 8 <= b.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(b.Slice((int)pos, 4));
            bool isEnd = b[(int)pos + 4] == 'I' && b[(int)pos + 5] == 'E' && b[(int)pos + 6] == 'N' && b[(int)pos + 7] == 'D';
            pos += 12L + length;
            if (pos > b.Length)
            {
                return false;
            }

            if (isEnd)
            {
                return true;
            }
        }

        return false;
    }

    private static bool GifComplete(ReadOnlySpan<byte> b)
    {
        int end = b.Length;
        while (end > 0 && b[end - 1] == 0)
        {
            end--;
        }

        return end > 13 && b[end - 1] == 0x3B;
    }

    private static bool BmpComplete(ReadOnlySpan<byte> b)
    {
        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(2, 4));
        uint pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(10, 4));
        // Some writers leave the file size 0; the pixel data must still start inside the file.
        return (declared == 0 || declared <= b.Length) && pixelOffset < b.Length;
    }
}
