namespace ProfileMedia.Core.Images;

/// <summary>
/// The image formats this module recognises by their bytes: X accepts GIF, JPEG and PNG for uploads; downloads also meet
/// WebP, and a picture prepared for upload may also start as WebP or BMP. Public because PreparedImage shows it: one
/// type for a format from the bytes to the output, never its name as text.
/// </summary>
public enum ImageFormat
{
    /// <summary>Not one of the accepted formats.</summary>
    Unknown = 0,

    /// <summary>GIF87a or GIF89a.</summary>
    Gif,

    /// <summary>JPEG/JFIF/EXIF.</summary>
    Jpeg,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>WebP, in its RIFF container.</summary>
    WebP,

    /// <summary>Windows bitmap.</summary>
    Bmp,
}
