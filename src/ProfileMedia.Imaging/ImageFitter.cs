using System;
using System.Globalization;
using System.IO;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging;

/// <summary>
/// Prepares any photo for upload, in this order: check the structure and the declared size (no pixel decoded yet),
/// decode (a JPEG at the smallest reduced scale that still has enough pixels), apply the EXIF orientation, crop to the
/// target's shape, scale down with a high-quality filter, and encode without metadata under the target's byte limit.
/// </summary>
internal static class ImageFitter
{
    /// <summary>Prepares the file at <paramref name="path"/>; <paramref name="region"/> (on the upright picture) limits the crop.</summary>
    /// <exception cref="ImageFitException">The file cannot be read, is not a supported image, is cut short, too large, or cannot fit.</exception>
    public static FittedImage FitFile(string path, FitTarget target, ImageRegion? region)
    {
        // Mapped, not read: the codec reads the file where it lies, and no managed copy of a 20 MB photo is made.
        SKData? data;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new ImageFitException(ImageFitProblem.ImageFileUnreadable, "The image file '" + path + "' does not exist.");
            }

            data = file.Length == 0 ? null : SKData.Create(path);
            if (data == null && file.Length > 0)
            {
                throw new ImageFitException(ImageFitProblem.ImageFileUnreadable, "The image file '" + path + "' cannot be read.");
            }
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
        {
            throw new ImageFitException(ImageFitProblem.ImageFileUnreadable, "The image file '" + path + "' cannot be read: " + e.Message, e);
        }

        if (data == null)
        {
            return Fit(Array.Empty<byte>(), path, target, region); // empty: refused, named as such
        }

        using (data)
        {
            return Fit(data, path, target, region);
        }
    }

    /// <summary>Prepares the picture in <paramref name="bytes"/>; <paramref name="source"/> names it in errors.</summary>
    public static FittedImage Fit(byte[] bytes, string source, FitTarget target, ImageRegion? region)
    {
        using SKData data = SKData.CreateCopy(bytes);
        return Fit(data, source, target, region);
    }

    private static FittedImage Fit(SKData data, string source, FitTarget target, ImageRegion? region)
    {
        ImageFormat format = ImageStructure.Check(data, source);
        using SKCodec? codec = SKCodec.Create(data);
        if (codec == null)
        {
            throw new ImageFitException(ImageFitProblem.CorruptImage, "The " + format.DisplayName() + " header of '" + source + "' is damaged: it cannot be read.");
        }

        SKImageInfo declared = codec.Info;
        long declaredPixels = (long)declared.Width * declared.Height;
        if (declaredPixels > DecodeLimits.MaxDeclaredPixels)
        {
            throw TooLarge(source, format, declared.Width, declared.Height, "declares", DecodeLimits.MaxDeclaredPixels);
        }

        SKEncodedOrigin origin = codec.EncodedOrigin;
        bool swap = Orientation.SwapsAxes(origin);
        int uprightWidth = swap ? declared.Height : declared.Width;
        int uprightHeight = swap ? declared.Width : declared.Height;
        (ImageRegion crop, int width, int height) = FitGeometry.Compute(uprightWidth, uprightHeight, target, region);

        SKSizeI decodeSize = ChooseDecodeSize(codec, swap, crop, width, height);
        if ((long)decodeSize.Width * decodeSize.Height > DecodeLimits.MaxDecodedPixels)
        {
            throw TooLarge(source, format, declared.Width, declared.Height, "would have to be decoded whole at", DecodeLimits.MaxDecodedPixels);
        }

        bool mayHaveAlpha = declared.AlphaType != SKAlphaType.Opaque;
        using SKBitmap decoded = Decode(codec, decodeSize, mayHaveAlpha, source, format);
        using SKBitmap upright = CropUpright(decoded, origin, crop, uprightWidth, uprightHeight);
        using SKBitmap scaled = Downscaler.Scale(upright, width, height);
        bool transparent = mayHaveAlpha && HasTransparency(scaled);
        var encoded = Encoder.Encode(scaled, transparent, target, source);
        return new FittedImage(target, format, uprightWidth, uprightHeight, (int)origin == 0 ? 1 : (int)origin, crop,
            decodeSize.Width, decodeSize.Height, width, height, encoded.Format, encoded.Quality, encoded.Tried, encoded.Bytes);
    }

    /// <summary>
    /// For a JPEG, the smallest of libjpeg's scales (1/8 to 8/8) at which the crop still has at least the output's
    /// pixels, so a 50-megapixel photo never exists in memory at full size; other formats decode whole.
    /// </summary>
    private static SKSizeI ChooseDecodeSize(SKCodec codec, bool swap, ImageRegion crop, int width, int height)
    {
        SKSizeI full = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if (codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
        {
            return full;
        }

        int uprightFull = swap ? full.Height : full.Width;
        for (int eighths = 1; eighths < 8; eighths++)
        {
            SKSizeI size = codec.GetScaledDimensions(eighths / 8f);
            int uprightScaled = swap ? size.Height : size.Width;
            double factor = (double)uprightScaled / uprightFull;
            if (Math.Floor(crop.Width * factor) >= width && Math.Floor(crop.Height * factor) >= height)
            {
                return size;
            }
        }

        return full;
    }

    private static SKBitmap Decode(SKCodec codec, SKSizeI size, bool mayHaveAlpha, string source, ImageFormat format)
    {
        // Decoded into sRGB: a source with another ICC profile is converted, and the profile itself is dropped.
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, mayHaveAlpha ? SKAlphaType.Premul : SKAlphaType.Opaque, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        throw result == SKCodecResult.IncompleteInput
            ? new ImageFitException(ImageFitProblem.TruncatedImage, "The " + format.DisplayName() + " image '" + source + "' is incomplete: its data ends before its last pixel.")
            : new ImageFitException(ImageFitProblem.CorruptImage, "The " + format.DisplayName() + " image '" + source + "' cannot be decoded (" + result + ").");
    }

    /// <summary>The crop box, turned upright, at the decoded scale: a pure copy of pixels (nearest sampling, whole-pixel offsets).</summary>
    private static SKBitmap CropUpright(SKBitmap decoded, SKEncodedOrigin origin, ImageRegion crop, int uprightWidth, int uprightHeight)
    {
        bool swap = Orientation.SwapsAxes(origin);
        int decodedUprightWidth = swap ? decoded.Height : decoded.Width;
        int decodedUprightHeight = swap ? decoded.Width : decoded.Height;
        double sx = (double)decodedUprightWidth / uprightWidth;
        double sy = (double)decodedUprightHeight / uprightHeight;
        int x = (int)Math.Floor(crop.X * sx);
        int y = (int)Math.Floor(crop.Y * sy);
        int w = Math.Max(1, Math.Min(decodedUprightWidth - x, (int)Math.Round(crop.Width * sx)));
        int h = Math.Max(1, Math.Min(decodedUprightHeight - y, (int)Math.Round(crop.Height * sy)));

        var result = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, decoded.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        SKMatrix matrix = SKMatrix.CreateTranslation(-x, -y).PreConcat(Orientation.ToUpright(origin, decoded.Width, decoded.Height));
        canvas.SetMatrix(matrix);
        using SKImage image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None), null);
        canvas.Flush();
        return result;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        for (int i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return true;
            }
        }

        return false;
    }

    private static ImageFitException TooLarge(string source, ImageFormat format, int width, int height, string how, long limit) =>
        new ImageFitException(ImageFitProblem.ImageTooManyPixels, string.Format(CultureInfo.InvariantCulture,
            "The {0} image '{1}' {2} {3}x{4} pixels ({5:N1} megapixels); the limit is {6:N0} megapixels. It was refused before any pixel was decoded.",
            format.DisplayName(), source, how, width, height, (double)width * height / 1e6, limit / 1_000_000));
}
