namespace ProfileMedia.Imaging;

/// <summary>How much a picture may declare and how much may be decoded, so a hostile file cannot exhaust memory.</summary>
internal static class DecodeLimits
{
    /// <summary>
    /// The most pixels a header may declare: 100 megapixels (a 200-megapixel phone sensor's JPEG is the largest
    /// real photo seen; above this a file is refused from its header, before any pixel is decoded).
    /// </summary>
    public const long MaxDeclaredPixels = 100_000_000;

    /// <summary>
    /// The most pixels decoded at once: 40 megapixels, 160 MB as RGBA. A JPEG is decoded at a reduced scale (1/8 to
    /// 8/8) and stays far below this; PNG, GIF, WebP and BMP are decoded whole (this Skia has no scanline decoder for
    /// PNG), so this is their size limit, and their memory bound is this bitmap, the mapped file and a quarter of the
    /// crop for the first halving: the crop is a view of the decoded pixels and no image copy is made.
    /// </summary>
    public const long MaxDecodedPixels = 40_000_000;
}
