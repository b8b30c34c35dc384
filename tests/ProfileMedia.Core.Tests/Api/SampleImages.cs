using System;
using System.IO;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>Image files on disk for upload tests: complete files of an exact size, and broken ones.</summary>
internal static class SampleImages
{
    /// <summary>A 1x1 PNG, 67 bytes, ending in its IEND chunk.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A complete PNG of exactly <paramref name="totalBytes"/>: a private padding chunk sits before IEND.</summary>
    public static byte[] PngOfSize(int totalBytes)
    {
        const int iendLength = 12;
        const int chunkOverhead = 12; // length, type, CRC
        int padding = totalBytes - TinyPng.Length - chunkOverhead;
        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalBytes), "Too small for a padded PNG.");
        }

        var bytes = new byte[totalBytes];
        int head = TinyPng.Length - iendLength;
        Array.Copy(TinyPng, bytes, head);
        bytes[head] = (byte)(padding >> 24);
        bytes[head + 1] = (byte)(padding >> 16);
        bytes[head + 2] = (byte)(padding >> 8);
        bytes[head + 3] = (byte)padding;
        "paDd"u8.CopyTo(bytes.AsSpan(head + 4));
        Array.Copy(TinyPng, head, bytes, totalBytes - iendLength, iendLength);
        return bytes;
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
}
