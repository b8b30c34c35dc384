using System;

namespace ProfileMedia.Emulator.Tests;

/// <summary>Small files that pass (or fail) the emulator's "is this a picture" check.</summary>
internal static class TestImages
{
    /// <summary>A well-known 1x1 PNG.</summary>
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

    /// <summary>A PNG padded with zeros to exactly <paramref name="totalBytes"/>.</summary>
    public static byte[] PngOfSize(int totalBytes)
    {
        var bytes = new byte[totalBytes];
        Png.CopyTo(bytes, 0);
        return bytes;
    }
}
