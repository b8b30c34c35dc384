namespace ProfileMedia.Emulator;

/// <summary>The picture formats the service accepts for profile images and banners.</summary>
internal enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
}
