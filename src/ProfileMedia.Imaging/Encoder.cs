using System.Collections.Generic;
using System.Globalization;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging;

/// <summary>
/// Writes the prepared pixels as PNG when they have transparency, else as JPEG, stepping the JPEG quality down only
/// while the file is over the target's limit. The pixels carry no colour space, so no ICC profile, EXIF, XMP or
/// comment is written: nothing of the source's metadata can reach the output.
/// </summary>
internal static class Encoder
{
    /// <summary>The JPEG qualities tried, best first; the first whose file fits is kept.</summary>
    public static readonly IReadOnlyList<int> JpegQualities = new[] { 90, 85, 80, 75, 70, 60, 50, 40 };

    public static (byte[] Bytes, ImageFormat Format, int? Quality, IReadOnlyList<int> Tried) Encode(SKBitmap pixels, bool transparent, FitTarget target, string source)
    {
        using SKPixmap pixmap = pixels.PeekPixels();
        if (transparent)
        {
            byte[] png = ToArray(pixmap.Encode(SKPngEncoderOptions.Default));
            if (png.Length > target.MaxBytes)
            {
                throw CannotFit(source, target, "as PNG (kept for its transparency)", png.Length);
            }

            return (png, ImageFormat.Png, null, System.Array.Empty<int>());
        }

        var tried = new List<int>();
        byte[] jpeg = System.Array.Empty<byte>();
        foreach (int quality in JpegQualities)
        {
            tried.Add(quality);
            jpeg = ToArray(pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)));
            if (jpeg.Length <= target.MaxBytes)
            {
                return (jpeg, ImageFormat.Jpeg, quality, tried);
            }
        }

        throw CannotFit(source, target, "as JPEG even at quality " + JpegQualities[JpegQualities.Count - 1], jpeg.Length);
    }

    private static byte[] ToArray(SKData? data)
    {
        if (data == null)
        {
            throw new System.InvalidOperationException("Skia could not encode the prepared picture.");
        }

        using (data)
        {
            return data.ToArray();
        }
    }

    private static ImageFitException CannotFit(string source, FitTarget target, string how, long bytes) =>
        new ImageFitException(ImageProblem.ImageCannotFit, string.Format(CultureInfo.InvariantCulture,
            "'{0}' prepared as {1} is {2:N0} bytes {3}; the limit is {4:N0} bytes.", source, target.Kind.ToString().ToLowerInvariant(), bytes, how, target.MaxBytes));
}
