namespace ProfileMedia.Core.Images;

/// <summary>What each <see cref="ImageFormat"/> is called in messages, and how it is sent and named as a file.</summary>
internal static class ImageFormatFacts
{
    /// <summary>The name people know the format by: "JPEG", "PNG", "GIF", "WebP", "BMP".</summary>
    public static string DisplayName(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        ImageFormat.Gif => "GIF",
        ImageFormat.WebP => "WebP",
        ImageFormat.Bmp => "BMP",
        _ => "an unknown format",
    };

    /// <summary>The media type an upload of the format is sent as.</summary>
    public static string MediaType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Gif => "image/gif",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Bmp => "image/bmp",
        _ => "application/octet-stream",
    };

    /// <summary>The file extension for the format, with the dot (".jpg" for JPEG: one image, one name).</summary>
    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ImageExtension.Jpeg,
        ImageFormat.Png => ImageExtension.Png,
        ImageFormat.Gif => ImageExtension.Gif,
        ImageFormat.WebP => ImageExtension.WebP,
        ImageFormat.Bmp => ".bmp",
        _ => string.Empty,
    };
}
