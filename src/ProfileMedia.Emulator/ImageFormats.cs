using System;

namespace ProfileMedia.Emulator;

/// <summary>File extensions and content types of <see cref="ImageFormat"/>, as the media host uses them.</summary>
internal static class ImageFormats
{
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Gif => "gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Gif => "image/gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
