namespace ProfileMedia.Core.Images;

/// <summary>The image formats X accepts for profile images and banners.</summary>
internal enum ImageFormat
{
    /// <summary>Not one of the accepted formats.</summary>
    Unknown = 0,

    /// <summary>GIF87a or GIF89a.</summary>
    Gif,

    /// <summary>JPEG/JFIF/EXIF.</summary>
    Jpeg,

    /// <summary>PNG.</summary>
    Png,
}
