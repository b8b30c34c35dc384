using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace ProfileMedia.Imaging.Tests;

/// <summary>Reads the structure of an output file: a JPEG's markers up to its first scan, a PNG's chunk types.</summary>
internal static class Segments
{
    public static List<byte> JpegMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        int pos = 2;
        while (pos + 4 <= jpeg.Length && jpeg[pos] == 0xFF)
        {
            byte marker = jpeg[pos + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2, 2));
        }

        return markers;
    }

    public static List<string> PngChunks(byte[] png)
    {
        var chunks = new List<string>();
        int pos = 8;
        while (pos + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos, 4));
            chunks.Add(Encoding.ASCII.GetString(png, pos + 4, 4));
            pos += 12 + length;
        }

        return chunks;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
