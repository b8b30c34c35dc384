using System;
using System.Buffers.Binary;

namespace ProfileMedia.Emulator.Media;

/// <summary>The format and dimensions an uploaded file declares.</summary>
internal readonly record struct ImageInfo(ImageFormat Format, int Width, int Height);

/// <summary>
/// Recognises PNG, JPEG and GIF by their magic bytes and reads the declared dimensions, which is as far as the emulator
/// "decodes" an upload: a file whose header is cut short or declares no size is unreadable, as the service would find it.
/// </summary>
internal static class ImageInspector
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageInfo? Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return InspectPng(bytes);
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return InspectGif(bytes);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return InspectJpeg(bytes);
        }

        return null;
    }

    private static ImageInfo? InspectPng(ReadOnlySpan<byte> bytes)
    {
        // Signature, then the IHDR chunk: length (13), type, width, height.
        if (bytes.Length < 24 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(20, 4));
        return Sized(ImageFormat.Png, width, height);
    }

    private static ImageInfo? InspectGif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10)
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(6, 2));
        var height = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(8, 2));
        return Sized(ImageFormat.Gif, width, height);
    }

    /// <summary>Walks the marker segments up to the first start-of-frame, which holds the dimensions.</summary>
    private static ImageInfo? InspectJpeg(ReadOnlySpan<byte> bytes)
    {
        var position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2; // markers without a length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 2, 2));
            if (IsStartOfFrame(marker))
            {
                if (position + 9 > bytes.Length)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 7, 2));
                return Sized(ImageFormat.Jpeg, width, height);
            }

            position += 2 + length;
        }

        return null;
    }

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static ImageInfo? Sized(ImageFormat format, int width, int height) =>
        width > 0 && height > 0 ? new ImageInfo(format, width, height) : null;
}
