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

    /// <summary>How many leading bytes <see cref="FromBytes"/> needs to tell these formats apart (WebP's "RIFF....WEBP").</summary>
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

        // One definition of the signatures (ImageSignature); a bitmap is no web image, so it gets no extension here.
        switch (ImageSignature.Detect(header, count))
        {
            case ImageFormat.Png:
                return Png;
            case ImageFormat.Jpeg:
                return Jpeg;
            case ImageFormat.Gif:
                return Gif;
            case ImageFormat.WebP:
                return WebP;
        }

        return null;
    }
}
