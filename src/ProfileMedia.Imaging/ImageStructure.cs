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
            throw new ImageFitException(ImageFitProblem.UnsupportedImageFormat,
                "'" + source + "' is not a JPEG, PNG, GIF, WebP or BMP image (judged by its content" + Describe(bytes) + ").");
        }

        // Over the mapped bytes where they lie: the stream reads them, it does not copy the file.
        using Stream content = data.AsStream();
        if (ImageSignature.FindEnd(format, content) < 0)
        {
            throw new ImageFitException(ImageFitProblem.TruncatedImage,
                "The " + format.DisplayName() + " image '" + source + "' is incomplete: its " + bytes.Length + " bytes end before the image does.");
        }

        return format;
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
