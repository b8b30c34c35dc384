using SkiaSharp;

namespace ProfileMedia.Imaging;

/// <summary>The EXIF orientation: how the stored pixels are turned to show the picture upright.</summary>
internal static class Orientation
{
    /// <summary>True for the orientations (5 to 8) that swap width and height.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => (int)origin >= 5;

    /// <summary>
    /// The matrix that maps the stored pixels (<paramref name="width"/> x <paramref name="height"/>) onto the upright
    /// picture; the same table as Skia's SkEncodedOriginToMatrix.
    /// </summary>
    public static SKMatrix ToUpright(SKEncodedOrigin origin, int width, int height)
    {
        float w = width;
        float h = height;
        return origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
    }
}
