using System;
using System.IO;
using System.Linq;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>Bodies that start like real images (the downloader only reads the signature) and a throw-away folder.</summary>
internal static class DownloadTestData
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly byte[] JpegSignature = { 0xFF, 0xD8, 0xFF, 0xE0 };

    /// <summary>A PNG signature and <paramref name="length"/> bytes in all, patterned by <paramref name="seed"/> so bodies differ.</summary>
    public static byte[] Png(int length, int seed = 1) => WithSignature(PngSignature, length, seed);

    public static byte[] Jpeg(int length, int seed = 1) => WithSignature(JpegSignature, length, seed);

    /// <summary>Every file in the folder, hidden temporary files included.</summary>
    public static string[] FilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal).ToArray() : [];

    private static byte[] WithSignature(byte[] signature, int length, int seed)
    {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++)
        {
            body[i] = (byte)((i * 31) + (seed * 7) + (i >> 8));
        }

        signature.CopyTo(body, 0);
        return body;
    }
}

/// <summary>A new empty folder under the temp directory, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pm-dl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
