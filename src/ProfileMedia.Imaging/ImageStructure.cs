using System;
using System.IO;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging;

/// <summary>
/// Names a file's format from its first bytes and checks, without decoding a pixel, that its structure is complete,
/// with Core's one walk (<see cref="ImageSignature"/>): a JPEG's segments and scans reach EOI, a PNG's chunks reach
/// IEND, a GIF's blocks reach its trailer, a WebP or BMP is as long as its header says. A cut-short file is refused
/// here, before the codec sees it.
/// </summary>
internal static class ImageStructure
{
    /// <summary>The format by the bytes; throws when it is none of JPEG, PNG, GIF, WebP and BMP, or is cut short.</summary>
    public static ImageFormat Check(SKData data, string source)
    {
        ReadOnlySpan<byte> bytes = data.AsSpan();
        byte[] header = bytes.Slice(0, Math.Min(bytes.Length, ImageSignature.HeaderLength)).ToArray();
        ImageFormat format = ImageSignature.Detect(header, header.Length);
        if (format == ImageFormat.Unknown)
        {
            throw new ImageFitException(ImageProblem.UnsupportedImageFormat,
                "'" + source + "' is not a JPEG, PNG, GIF, WebP or BMP image (judged by its content" + Describe(bytes) + ").");
        }

        // Over the mapped bytes where they lie: the stream reads them, it does not copy the file.
        using Stream content = data.AsStream();
        if (ImageSignature.FindEnd(format, content) < 0)
        {
            throw new ImageFitException(ImageProblem.TruncatedImage,
                "The " + format.DisplayName() + " image '" + source + "' is incomplete: its " + bytes.Length + " bytes end before the image does.");
        }

        return format;
    }

    /// <summary>
    /// A JPEG's size as its frame header declares it, read here because libjpeg refuses a header over 65,500 pixels a
    /// side before Skia can say what it declares (so such a file reads as too large, not as damaged); null for other formats.
    /// </summary>
    public static (int Width, int Height)? DeclaredJpegSize(SKData data, ImageFormat format)
    {
        if (format != ImageFormat.Jpeg)
        {
            return null;
        }

        using Stream content = data.AsStream();
        return JpegScanCheck.ReadSize(content);
    }

    /// <summary>
    /// Throws CorruptImage when a JPEG's scans do not hold the blocks its header declares (<see cref="JpegScanCheck"/>):
    /// Skia decodes such a file "successfully", as grey or as garbage. Other formats report damage from their decoder.
    /// </summary>
    public static void CheckScans(SKData data, ImageFormat format, string source)
    {
        if (format != ImageFormat.Jpeg)
        {
            return;
        }

        using Stream content = data.AsStream();
        string? damage = JpegScanCheck.FindDamage(content);
        if (damage != null)
        {
            throw new ImageFitException(ImageProblem.CorruptImage,
                "The JPEG image '" + source + "' is damaged: " + damage + ". It was refused before any pixel was decoded.");
        }
    }

    /// <summary>A hint for formats people try most often, so the error says what the file is.</summary>
    private static string Describe(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0)
        {
            return ": the file is empty";
        }

        if (b.Length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p')
        {
            return ": it looks like HEIC/AVIF (" + (char)b[8] + (char)b[9] + (char)b[10] + (char)b[11] + "), which is not supported";
        }

        if (b.Length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)))
        {
            return ": it looks like TIFF or a camera raw file, which is not supported";
        }

        return ", not its name";
    }
}
