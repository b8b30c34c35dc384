using System;
using System.Globalization;
using System.IO;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Uploads;
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
        // The same checks as a file uploaded as it is, and so the same errors: a directory, a FIFO, a device or a /proc
        // file is named as such, never opened as a picture.
        ImageProblem problem = ImageFile.CheckFile(path, out _, out string message);
        if (problem != ImageProblem.None)
        {
            throw new ImageFitException(problem, message);
        }

        // Mapped, not read: the codec reads the file where it lies, and no managed copy of a 20 MB photo is made.
        SKData? data;
        try
        {
            data = SKData.Create(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
        {
            throw new ImageFitException(ImageProblem.ImageFileUnreadable, "The image file '" + path + "' cannot be read: " + Core.Text.MessageText.Reason(e), e);
        }

        if (data == null)
        {
            throw new ImageFitException(ImageProblem.ImageFileUnreadable, "The image file '" + path + "' cannot be read.");
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
        if (ImageStructure.DeclaredJpegSize(data, format) is (int jpegWidth, int jpegHeight) && (long)jpegWidth * jpegHeight > DecodeLimits.MaxDeclaredPixels)
        {
            throw TooLarge(source, format, jpegWidth, jpegHeight, "declares", DecodeLimits.MaxDeclaredPixels);
        }

        ImageStructure.CheckScans(data, format, source);
        using SKCodec? codec = SKCodec.Create(data);
        if (codec == null)
        {
            throw new ImageFitException(ImageProblem.CorruptImage, "The " + format.DisplayName() + " header of '" + source + "' is damaged: it cannot be read.");
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

        bool mayHaveAlpha = declared.AlphaType != SKAlphaType.Opaque;
        using SKBitmap decoded = DecodeWithin(codec, swap, crop, width, height, mayHaveAlpha, source, format);
        using SKBitmap upright = CropUpright(decoded, origin, crop, uprightWidth, uprightHeight);
        using SKBitmap scaled = Downscaler.Scale(upright, width, height);
        bool transparent = mayHaveAlpha && HasTransparency(scaled);
        var encoded = Encoder.Encode(scaled, transparent, target, source);
        return new FittedImage(target, format, uprightWidth, uprightHeight, (int)origin == 0 ? 1 : (int)origin, crop,
            decoded.Width, decoded.Height, width, height, encoded.Format, encoded.Quality, encoded.Tried, encoded.Bytes);
    }

    /// <summary>
    /// Decodes within the memory bound (<see cref="DecodeLimits"/>): a JPEG at libjpeg's smallest scale that still has
    /// the pixels the output needs; anything else whole, and then only up to <see cref="DecodeLimits.MaxDecodedPixels"/>.
    /// The bitmap is made immutable, so that the crop shares its pixels instead of copying them.
    /// </summary>
    private static SKBitmap DecodeWithin(SKCodec codec, bool swap, ImageRegion crop, int width, int height, bool mayHaveAlpha, string source, ImageFormat format)
    {
        SKSizeI size = ChooseDecodeSize(codec, swap, crop, width, height);
        if ((long)size.Width * size.Height > DecodeLimits.MaxDecodedPixels)
        {
            throw TooLarge(source, format, codec.Info.Width, codec.Info.Height, "would have to be decoded whole at", DecodeLimits.MaxDecodedPixels);
        }

        return Decode(codec, Decoded(size.Width, size.Height, mayHaveAlpha), source, format);
    }

    // Decoded into sRGB: a source with another ICC profile is converted, and the profile itself is dropped.
    private static SKImageInfo Decoded(int width, int height, bool mayHaveAlpha) =>
        new SKImageInfo(width, height, SKColorType.Rgba8888, mayHaveAlpha ? SKAlphaType.Premul : SKAlphaType.Opaque, SKColorSpace.CreateSrgb());

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

    private static SKBitmap Decode(SKCodec codec, SKImageInfo info, string source, ImageFormat format)
    {
        var bitmap = new SKBitmap(info);
        SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            // Immutable: SKImage.FromBitmap then shares the pixels instead of copying them (a second full bitmap).
            bitmap.SetImmutable();
            return bitmap;
        }

        bitmap.Dispose();
        throw result == SKCodecResult.IncompleteInput
            ? new ImageFitException(ImageProblem.TruncatedImage, "The " + format.DisplayName() + " image '" + source + "' is incomplete: its data ends before its last pixel.")
            : new ImageFitException(ImageProblem.CorruptImage, "The " + format.DisplayName() + " image '" + source + "' cannot be decoded (" + result + ").");
    }

    /// <summary>
    /// The crop box, turned upright, at the decoded scale: a view of the decoded pixels when they are upright already,
    /// else a pure copy of pixels (nearest sampling, whole-pixel offsets).
    /// </summary>
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

        if (origin == SKEncodedOrigin.TopLeft || origin == SKEncodedOrigin.Default)
        {
            // Already upright: the crop is a view of the decoded pixels, not a second copy of most of them.
            var view = new SKBitmap();
            if (decoded.ExtractSubset(view, SKRectI.Create(x, y, w, h)))
            {
                return view;
            }

            view.Dispose();
        }

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
        new ImageFitException(ImageProblem.ImageTooManyPixels, string.Format(CultureInfo.InvariantCulture,
            "The {0} image '{1}' {2} {3}x{4} pixels ({5:N1} megapixels); the limit is {6:N0} megapixels. It was refused before any pixel was decoded.",
            format.DisplayName(), source, how, width, height, (double)width * height / 1e6, limit / 1_000_000));
}
