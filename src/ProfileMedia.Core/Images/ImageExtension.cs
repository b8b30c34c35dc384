using System;

namespace ProfileMedia.Core.Images;

/// <summary>
/// Tells which image format a download holds from its first bytes, so a saved file gets the extension its content
/// really has: banner URLs carry no extension at all, and when a URL's extension and the bytes disagree the bytes win,
/// because the bytes are what an image viewer will open.
/// </summary>
internal static class ImageExtension
{
    /// <summary>The extension of a PNG file.</summary>
    public const string Png = ".png";

    /// <summary>The extension of a JPEG file; ".jpeg" URLs are saved as ".jpg" too, so one image has one name.</summary>
    public const string Jpeg = ".jpg";

    /// <summary>The extension of a GIF file.</summary>
    public const string Gif = ".gif";

    /// <summary>The extension of a WebP file.</summary>
    public const string WebP = ".webp";

    /// <summary>How many leading bytes <see cref="FromBytes"/> needs to tell every format apart (WebP's "RIFF....WEBP").</summary>
    public const int HeaderLength = 12;

    /// <summary>
    /// The extension (".png", ".jpg", ".gif" or ".webp") that the first <paramref name="count"/> bytes of
    /// <paramref name="header"/> show, or null when they show none of these (too few bytes, HTML, another format).
    /// </summary>
    public static string? FromBytes(byte[] header, int count)
    {
        if (header == null)
        {
            throw new ArgumentNullException(nameof(header));
        }

        if (count < 0 || count > header.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "count must be between 0 and the length of header.");
        }

        // One definition of the upload formats' signatures (ImageSignature); downloads also meet WebP.
        switch (ImageSignature.Detect(header, count))
        {
            case ImageFormat.Png:
                return Png;
            case ImageFormat.Jpeg:
                return Jpeg;
            case ImageFormat.Gif:
                return Gif;
        }

        if (count >= 12 && header[0] == (byte)'R' && header[1] == (byte)'I' && header[2] == (byte)'F' && header[3] == (byte)'F'
            && header[8] == (byte)'W' && header[9] == (byte)'E' && header[10] == (byte)'B' && header[11] == (byte)'P')
        {
            return WebP;
        }

        return null;
    }
}
