using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace ProfileMedia.Emulator.Media;

/// <summary>A colour as three 8-bit channels.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B);

/// <summary>
/// Writes a valid 8-bit RGB PNG of any size: a vertical gradient between two colours, so each picture is recognisable
/// and rows repeat enough to compress to a few kilobytes.
/// </summary>
internal static class PngWriter
{
    private const byte ColourTypeRgb = 2;
    private const byte FilterSub = 1;
    private const byte FilterUp = 2;

    public static byte[] VerticalGradient(int width, int height, Rgb top, Rgb bottom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(output, "IHDR"u8, Header(width, height));
        WriteChunk(output, "IDAT"u8, CompressedRows(width, height, top, bottom));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Header(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = ColourTypeRgb;
        // compression, filter and interlace methods stay 0
        return header;
    }

    /// <summary>
    /// PNG row filters make the data almost all zeros, which deflates several times faster than raw pixels: the first row
    /// uses "Sub" (each byte minus the pixel to its left), every later row "Up" (each byte minus the one above it).
    /// </summary>
    private static byte[] CompressedRows(int width, int height, Rgb top, Rgb bottom)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            var previous = Blend(top, bottom, 0);
            row[0] = FilterSub;
            row[1] = previous.R;
            row[2] = previous.G;
            row[3] = previous.B;
            zlib.Write(row);

            row[0] = FilterUp;
            for (var y = 1; y < height; y++)
            {
                var colour = Blend(top, bottom, (double)y / (height - 1));
                FillRepeating(row.AsSpan(1), (byte)(colour.R - previous.R), (byte)(colour.G - previous.G), (byte)(colour.B - previous.B));
                zlib.Write(row);
                previous = colour;
            }
        }

        return compressed.ToArray();
    }

    private static void FillRepeating(Span<byte> pixels, byte r, byte g, byte b)
    {
        if (r == 0 && g == 0 && b == 0)
        {
            pixels.Clear();
            return;
        }

        for (var x = 0; x + 2 < pixels.Length; x += 3)
        {
            pixels[x] = r;
            pixels[x + 1] = g;
            pixels[x + 2] = b;
        }
    }

    private static Rgb Blend(Rgb from, Rgb to, double amount) => new(
        (byte)Math.Round(from.R + ((to.R - from.R) * amount)),
        (byte)Math.Round(from.G + ((to.G - from.G) * amount)),
        (byte)Math.Round(from.B + ((to.B - from.B) * amount)));

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(data, Crc32.Compute(type)));
        output.Write(number);
    }
}
