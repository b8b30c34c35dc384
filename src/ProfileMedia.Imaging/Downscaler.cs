using SkiaSharp;

namespace ProfileMedia.Imaging;

/// <summary>
/// Scales a bitmap down with a high-quality filter: halvings with a 2x2 box average while the picture is still more
/// than twice the target (a cubic filter alone would skip pixels and alias), then one Mitchell cubic step to the exact size
/// (a plain copy when the size is right already). The source may be a view of a larger bitmap; it is never changed.
/// </summary>
internal static class Downscaler
{
    private static readonly SKSamplingOptions Box = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
    private static readonly SKSamplingOptions Cubic = new SKSamplingOptions(SKCubicResampler.Mitchell);

    /// <summary>A new bitmap of <paramref name="width"/> x <paramref name="height"/>; <paramref name="source"/> is left as it is.</summary>
    public static SKBitmap Scale(SKBitmap source, int width, int height)
    {
        SKBitmap current = source;
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            SKBitmap half = Resize(current, current.Width / 2, current.Height / 2, Box);
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }

            current = half;
        }

        if (current.Width == width && current.Height == height && !ReferenceEquals(current, source))
        {
            return current;
        }

        // At the same size, linear sampling on pixel centres is an exact copy; Mitchell is not interpolating and would blur.
        SKBitmap result = Resize(current, width, height, current.Width == width && current.Height == height ? Box : Cubic);
        if (!ReferenceEquals(current, source))
        {
            current.Dispose();
        }

        return result;
    }

    private static SKBitmap Resize(SKBitmap source, int width, int height, SKSamplingOptions sampling)
    {
        // No colour space on the result (the decoded pixels are sRGB already): the encoder then writes no ICC profile.
        var result = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        if (!source.ScalePixels(result, sampling))
        {
            result.Dispose();
            throw new System.InvalidOperationException("Skia could not scale " + source.Width + "x" + source.Height + " to " + width + "x" + height + ".");
        }

        return result;
    }
}
