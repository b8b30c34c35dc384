using System;
using System.IO;

namespace ProfileMedia.TestSupport;

/// <summary>
/// The tests' one image builder: complete images of an exact size for uploads and the emulator, patterned bodies the
/// downloader takes for complete images (it walks their structure to the end marker), and broken files.
/// </summary>
internal static class TestImages
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF, 0xE0];

    /// <summary>A well-known 1x1 PNG, 70 bytes, ending in its IEND chunk. A fresh copy each time.</summary>
    public static byte[] Png => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A well-known 1x1 GIF.</summary>
    public static byte[] Gif => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>A JPEG's headers up to its frame header (16x16), which is all the emulator reads.</summary>
    public static byte[] Jpeg =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];

    public static byte[] NotAnImage => "this is plain text, not a picture"u8.ToArray();

    /// <summary>A complete PNG of exactly <paramref name="totalBytes"/>: a private padding chunk sits before IEND.</summary>
    public static byte[] PngOfSize(int totalBytes)
    {
        const int iendLength = 12;
        const int chunkOverhead = 12; // length, type, CRC
        byte[] tiny = Png;
        int padding = totalBytes - tiny.Length - chunkOverhead;
        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalBytes), "Too small for a padded PNG.");
        }

        var bytes = new byte[totalBytes];
        int head = tiny.Length - iendLength;
        Array.Copy(tiny, bytes, head);
        bytes[head] = (byte)(padding >> 24);
        bytes[head + 1] = (byte)(padding >> 16);
        bytes[head + 2] = (byte)(padding >> 8);
        bytes[head + 3] = (byte)padding;
        "paDd"u8.CopyTo(bytes.AsSpan(head + 4));
        Array.Copy(tiny, head, bytes, totalBytes - iendLength, iendLength);
        return bytes;
    }

    /// <summary>
    /// A PNG of exactly <paramref name="length"/> bytes, patterned by <paramref name="seed"/> so bodies differ, that the
    /// downloader takes for complete (signature, IHDR, one IDAT chunk, IEND; it walks the chunks, it decodes no pixel).
    /// Shorter than 57 bytes, the first <paramref name="length"/> bytes of one: the start of a body cut short.
    /// </summary>
    public static byte[] PngLike(int length, int seed = 1)
    {
        const int Overhead = 8 + 25 + 12 + 12; // signature, IHDR chunk, the IDAT chunk's own 12 bytes, IEND chunk
        if (length < Overhead)
        {
            return PngLike(Overhead, seed).AsSpan(0, length).ToArray();
        }

        byte[] body = Patterned(length, seed);
        PngSignature.CopyTo(body, 0);
        WriteChunkHead(body, 8, 13, "IHDR");
        WriteChunkHead(body, 33, length - Overhead, "IDAT");
        byte[] iend = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        iend.CopyTo(body, length - iend.Length);
        return body;
    }

    /// <summary>
    /// A JPEG of exactly <paramref name="length"/> bytes that the downloader takes for complete: SOI, patterned comment
    /// segments, EOI. Shorter than 8 bytes, the first <paramref name="length"/> bytes of one.
    /// </summary>
    public static byte[] JpegLike(int length, int seed = 1)
    {
        if (length < 8)
        {
            return JpegLike(8, seed).AsSpan(0, length).ToArray();
        }

        byte[] body = Patterned(length, seed);
        JpegSignature.AsSpan(0, 2).CopyTo(body);
        int at = 2;
        int left = length - 4; // between SOI and EOI
        while (left > 0)
        {
            // COM segments of at most 65535 bytes (their length counts itself); none shorter than 4.
            int segment = Math.Min(left, 65_000);
            if (left - segment is > 0 and < 4)
            {
                segment -= 4;
            }

            body[at] = 0xFF;
            body[at + 1] = 0xFE;
            body[at + 2] = (byte)((segment - 2) >> 8);
            body[at + 3] = (byte)(segment - 2);
            at += segment;
            left -= segment;
        }

        body[length - 2] = 0xFF;
        body[length - 1] = 0xD9;
        return body;
    }

    /// <summary>Writes <paramref name="bytes"/> to a new file in a fresh temporary folder and returns its path.</summary>
    public static string WriteTemp(byte[] bytes, string name = "image.png")
    {
        string folder = Path.Combine(Path.GetTempPath(), "profilemedia-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Patterned(int length, int seed)
    {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++)
        {
            body[i] = (byte)((i * 31) + (seed * 7) + (i >> 8));
        }

        return body;
    }

    private static void WriteChunkHead(byte[] body, int at, int dataLength, string type)
    {
        body[at] = (byte)(dataLength >> 24);
        body[at + 1] = (byte)(dataLength >> 16);
        body[at + 2] = (byte)(dataLength >> 8);
        body[at + 3] = (byte)dataLength;
        for (int i = 0; i < 4; i++)
        {
            body[at + 4 + i] = (byte)type[i];
        }
    }
}
