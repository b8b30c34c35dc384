using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace ProfileMedia.Emulator.Tests;

/// <summary>
/// Checks a PNG properly: signature, every chunk's CRC, IHDR first, IDAT inflating to exactly the declared pixels, and
/// row filters that undo to the emulator's design (every row one colour), so a filter bug cannot hide behind valid framing.
/// </summary>
internal static class PngCheck
{
    public static (int Width, int Height) Dimensions(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        var position = 8;
        int width = 0, height = 0, colourType = 0;
        using var idat = new MemoryStream();
        var sawEnd = false;
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.Equal(Crc(png.AsSpan(position + 4, 4 + length)), crc);
            if (position == 8)
            {
                Assert.Equal("IHDR", type);
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                colourType = data[9];
            }

            if (type == "IDAT")
            {
                idat.Write(data);
            }

            sawEnd = type == "IEND";
            position += 12 + length;
        }

        Assert.True(sawEnd, "IEND last");
        Assert.Equal(2, colourType);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal((long)height * (1 + (width * 3)), inflated.Length);
        AssertRowsAreUniform(inflated.ToArray(), width, height);
        return (width, height);
    }

    /// <summary>Undoes the None, Sub and Up filters (the only ones the emulator writes) and checks each row is one colour.</summary>
    private static void AssertRowsAreUniform(byte[] data, int width, int height)
    {
        var stride = width * 3;
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var source = data.AsSpan((y * (stride + 1)) + 1, stride);
            for (var x = 0; x < stride; x++)
            {
                var left = x >= 3 ? row[x - 3] : 0;
                row[x] = filter switch
                {
                    0 => source[x],
                    1 => (byte)(source[x] + left),
                    2 => (byte)(source[x] + previous[x]),
                    _ => throw new InvalidDataException($"row {y} uses filter {filter}"),
                };
            }

            var uniform = true;
            for (var x = 3; x < stride && uniform; x++)
            {
                uniform = row[x] == row[x - 3];
            }

            Assert.True(uniform, $"row {y} is not one colour");

            (previous, row) = (row, previous);
        }
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
