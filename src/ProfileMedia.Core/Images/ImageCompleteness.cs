using System;
using System.IO;

namespace ProfileMedia.Core.Images;

/// <summary>
/// Tells whether a whole file is a complete image of the format its first bytes claim, by walking its structure to the
/// end marker: PNG chunks to IEND, JPEG segments and entropy-coded data to EOI, GIF blocks to the trailer, WebP's RIFF
/// chunks to the length the header gives. A signature alone (<c>FF D8 FF</c>) or a GIF header followed by an HTML page is
/// not an image. Bytes after the end marker are allowed: padding and appended data (a phone's motion photo) are common.
/// </summary>
/// <remarks>No pixel is decoded: this finds a body that stopped early or is not the format at all, not a corrupt picture.</remarks>
internal static class ImageCompleteness
{
    private const int MaxChunkLength = int.MaxValue; // PNG's own limit: 2^31 - 1

    /// <summary>True when <paramref name="image"/>, read from its current position, is a complete image of the format that <paramref name="extension"/> names.</summary>
    /// <param name="image">A readable stream; read forward only (skipped parts are sought over when it can seek).</param>
    /// <param name="extension">One of the <see cref="ImageExtension"/> constants; any other is never complete.</param>
    public static bool IsComplete(Stream image, string? extension)
    {
        if (image == null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        var reader = new Reader(image);
        try
        {
            return extension switch
            {
                ImageExtension.Png => IsCompletePng(reader),
                ImageExtension.Jpeg => IsCompleteJpeg(reader),
                ImageExtension.Gif => IsCompleteGif(reader),
                ImageExtension.WebP => IsCompleteWebP(reader),
                _ => false,
            };
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private static bool IsCompletePng(Reader reader)
    {
        reader.Skip(8); // the signature, checked by whoever named the format
        bool first = true;
        while (true)
        {
            long length = reader.UInt32BigEndian();
            uint type = (uint)reader.UInt32BigEndian();
            if (length > MaxChunkLength || (first && type != 0x49484452)) // the first chunk is IHDR
            {
                return false;
            }

            if (type == 0x49454E44) // IEND
            {
                reader.Skip(4); // its CRC
                return true;
            }

            reader.Skip(length + 4); // data and CRC
            first = false;
        }
    }

    private static bool IsCompleteJpeg(Reader reader)
    {
        if (reader.Byte() != 0xFF || reader.Byte() != 0xD8)
        {
            return false;
        }

        int marker = NextMarker(reader);
        while (true)
        {
            switch (marker)
            {
                case -1:
                    return false; // not a marker where one must be
                case 0xD9: // EOI
                    return true;
                case 0x01:
                case int restart when restart >= 0xD0 && restart <= 0xD7:
                    marker = NextMarker(reader); // stand-alone markers
                    break;
                case 0xDA: // SOS: its header, then entropy-coded data up to the next marker
                    SkipSegment(reader);
                    marker = MarkerAfterScan(reader);
                    break;
                default:
                    SkipSegment(reader);
                    marker = NextMarker(reader);
                    break;
            }
        }
    }

    // A marker is 0xFF (any number of fill bytes) then a code; -1 when the next byte is not 0xFF.
    private static int NextMarker(Reader reader)
    {
        if (reader.Byte() != 0xFF)
        {
            return -1;
        }

        int code;
        while ((code = reader.Byte()) == 0xFF)
        {
        }

        return code == 0 ? -1 : code;
    }

    private static void SkipSegment(Reader reader)
    {
        int length = (reader.Byte() << 8) | reader.Byte();
        if (length < 2)
        {
            throw new EndOfStreamException(); // a broken segment: not complete
        }

        reader.Skip(length - 2);
    }

    // Entropy-coded data ends at the first 0xFF that is neither a stuffed 0x00 nor a restart marker.
    private static int MarkerAfterScan(Reader reader)
    {
        while (true)
        {
            if (reader.Byte() != 0xFF)
            {
                continue;
            }

            int code;
            while ((code = reader.Byte()) == 0xFF)
            {
            }

            if (code != 0x00 && (code < 0xD0 || code > 0xD7))
            {
                return code;
            }
        }
    }

    private static bool IsCompleteGif(Reader reader)
    {
        reader.Skip(6 + 4); // "GIF89a", then the logical screen's width and height
        int flags = reader.Byte();
        reader.Skip(2);
        SkipColorTable(reader, flags);
        while (true)
        {
            switch (reader.Byte())
            {
                case 0x3B: // trailer
                    return true;
                case 0x21: // extension: a label, then data sub-blocks
                    reader.Skip(1);
                    SkipSubBlocks(reader);
                    break;
                case 0x2C: // image: position and size, flags, a local colour table, the LZW code size, data sub-blocks
                    reader.Skip(8);
                    SkipColorTable(reader, reader.Byte());
                    reader.Skip(1);
                    SkipSubBlocks(reader);
                    break;
                default:
                    return false; // HTML after a GIF header lands here
            }
        }
    }

    private static void SkipColorTable(Reader reader, int flags)
    {
        if ((flags & 0x80) != 0)
        {
            reader.Skip(3 << ((flags & 0x07) + 1));
        }
    }

    private static void SkipSubBlocks(Reader reader)
    {
        int size;
        while ((size = reader.Byte()) != 0)
        {
            reader.Skip(size);
        }
    }

    private static bool IsCompleteWebP(Reader reader)
    {
        reader.Skip(4); // "RIFF"
        long riffEnd = 8 + reader.UInt32LittleEndian();
        reader.Skip(4); // "WEBP"
        long position = 12;
        bool first = true;
        while (position < riffEnd)
        {
            uint fourCc = (uint)reader.UInt32BigEndian();
            long size = reader.UInt32LittleEndian();
            if (first && fourCc != 0x56503820 && fourCc != 0x5650384C && fourCc != 0x56503858) // "VP8 ", "VP8L", "VP8X"
            {
                return false;
            }

            long padded = size + (size & 1);
            reader.Skip(padded);
            position += 8 + padded;
            first = false;
        }

        return !first && position == riffEnd;
    }

    // Reads forward and throws EndOfStreamException at the end, so each rule above reads as the format's description.
    private sealed class Reader
    {
        private readonly Stream _stream;

        public Reader(Stream stream) => _stream = stream;

        public int Byte()
        {
            int value = _stream.ReadByte();
            return value < 0 ? throw new EndOfStreamException() : value;
        }

        public long UInt32BigEndian() => ((long)Byte() << 24) | ((long)Byte() << 16) | ((long)Byte() << 8) | (long)Byte();

        public long UInt32LittleEndian() => (long)Byte() | ((long)Byte() << 8) | ((long)Byte() << 16) | ((long)Byte() << 24);

        public void Skip(long count)
        {
            if (_stream.CanSeek)
            {
                if (_stream.Length - _stream.Position < count)
                {
                    throw new EndOfStreamException();
                }

                _stream.Seek(count, SeekOrigin.Current);
                return;
            }

            for (long i = 0; i < count; i++)
            {
                Byte();
            }
        }
    }
}
