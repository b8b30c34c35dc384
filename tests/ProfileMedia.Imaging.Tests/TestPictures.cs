using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SkiaSharp;

namespace ProfileMedia.Imaging.Tests;

/// <summary>Pictures made by the tests themselves: quadrant-coloured photos, EXIF blocks, hand-written GIF and BMP.</summary>
internal static class TestPictures
{
    public static readonly SKColor TopLeft = new SKColor(220, 20, 20);
    public static readonly SKColor TopRight = new SKColor(20, 200, 20);
    public static readonly SKColor BottomLeft = new SKColor(20, 20, 220);
    public static readonly SKColor BottomRight = new SKColor(230, 230, 20);

    /// <summary>An upright picture whose four quadrants have four colours, so any turn or mirror shows.</summary>
    public static SKBitmap Quadrants(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        int midX = width / 2;
        int midY = height / 2;
        bitmap.Erase(TopLeft, new SKRectI(0, 0, midX, midY));
        bitmap.Erase(TopRight, new SKRectI(midX, 0, width, midY));
        bitmap.Erase(BottomLeft, new SKRectI(0, midY, midX, height));
        bitmap.Erase(BottomRight, new SKRectI(midX, midY, width, height));
        return bitmap;
    }

    /// <summary>The same pixels in a bitmap with an alpha channel (an opaque bitmap's PNG has none). Disposes <paramref name="opaque"/>.</summary>
    public static SKBitmap WithAlphaChannel(SKBitmap opaque)
    {
        var result = new SKBitmap(new SKImageInfo(opaque.Width, opaque.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKPixmap pixels = opaque.PeekPixels())
        {
            pixels.ReadPixels(result.Info, result.GetPixels(), result.RowBytes);
        }

        opaque.Dispose();
        return result;
    }

    /// <summary>
    /// The pixels a camera stores for the upright picture <paramref name="display"/> under EXIF orientation
    /// <paramref name="orientation"/>, written from the EXIF definitions of where row 0 and column 0 are shown.
    /// </summary>
    public static SKBitmap Stored(SKBitmap display, int orientation)
    {
        int dw = display.Width;
        int dh = display.Height;
        bool swap = orientation >= 5;
        var stored = new SKBitmap(new SKImageInfo(swap ? dh : dw, swap ? dw : dh, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < dh; y++)
        {
            for (int x = 0; x < dw; x++)
            {
                (int sx, int sy) = orientation switch
                {
                    1 => (x, y),
                    2 => (dw - 1 - x, y),               // row 0 top, column 0 right
                    3 => (dw - 1 - x, dh - 1 - y),      // row 0 bottom, column 0 right
                    4 => (x, dh - 1 - y),               // row 0 bottom, column 0 left
                    5 => (y, x),                        // row 0 left, column 0 top
                    6 => (y, dw - 1 - x),               // row 0 right, column 0 top
                    7 => (dh - 1 - y, dw - 1 - x),      // row 0 right, column 0 bottom
                    8 => (dh - 1 - y, x),               // row 0 left, column 0 bottom
                    _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
                };
                stored.SetPixel(sx, sy, display.GetPixel(x, y));
            }
        }

        return stored;
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 95)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Webp(SKBitmap bitmap)
    {
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))!;
        return data.ToArray();
    }

    /// <summary>Random noise: the hardest picture for JPEG, used to push a file over a limit.</summary>
    public static SKBitmap Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        byte[] pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (int i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    /// <summary>Inserts segments (each a marker and its payload) right after a JPEG's SOI.</summary>
    public static byte[] WithSegments(byte[] jpeg, params (byte Marker, byte[] Payload)[] segments)
    {
        var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        foreach ((byte marker, byte[] payload) in segments)
        {
            int length = payload.Length + 2;
            output.Write(new byte[] { 0xFF, marker, (byte)(length >> 8), (byte)length });
            output.Write(payload);
        }

        output.Write(jpeg, 2, jpeg.Length - 2);
        return output.ToArray();
    }

    /// <summary>An EXIF APP1 payload: orientation, camera make, model and serial number, and a GPS position.</summary>
    public static byte[] Exif(int orientation)
    {
        // Little-endian TIFF: header, IFD0 (5 entries), then the GPS IFD (2 entries), then the values too long to inline.
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(int v) { U16(v & 0xFFFF); U16(v >> 16); }
        byte[] make = Encoding.ASCII.GetBytes("TestCamera\0");
        byte[] model = Encoding.ASCII.GetBytes("Model-X100\0");
        byte[] serial = Encoding.ASCII.GetBytes("SERIAL-8675309\0");
        const int ifd0 = 8;
        const int ifd0Size = 2 + (5 * 12) + 4;
        const int gpsIfd = ifd0 + ifd0Size;
        const int gpsSize = 2 + (2 * 12) + 4;
        int data = gpsIfd + gpsSize;
        int makeAt = data;
        int modelAt = makeAt + make.Length;
        int serialAt = modelAt + model.Length;
        int latitudeAt = serialAt + serial.Length;

        tiff.AddRange(new byte[] { (byte)'I', (byte)'I', 42, 0 });
        U32(ifd0);
        U16(5);
        void Entry(int tag, int type, int count, int value) { U16(tag); U16(type); U32(count); U32(value); }
        Entry(0x010F, 2, make.Length, makeAt);
        Entry(0x0110, 2, model.Length, modelAt);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        Entry(0x8825, 4, 1, gpsIfd);
        Entry(0xA431, 2, serial.Length, serialAt);
        U32(0);
        U16(2);
        Entry(0x0001, 2, 2, 'N');
        Entry(0x0002, 5, 3, latitudeAt);
        U32(0);
        tiff.AddRange(make);
        tiff.AddRange(model);
        tiff.AddRange(serial);
        foreach (int part in new[] { 48, 1, 51, 1, 2400, 100 })
        {
            U32(part);
        }

        var payload = new List<byte>(Encoding.ASCII.GetBytes("Exif\0\0"));
        payload.AddRange(tiff);
        return payload.ToArray();
    }

    public static byte[] Xmp() => Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description exif:GPSLatitude='48,51.24N'/></rdf:RDF></x:xmpmeta>");

    /// <summary>A 24-bit bottom-up BMP, written by hand (Skia encodes no BMP).</summary>
    public static byte[] Bmp(SKBitmap bitmap)
    {
        int rowSize = ((bitmap.Width * 3) + 3) & ~3;
        int imageSize = rowSize * bitmap.Height;
        var output = new BinaryWriter(new MemoryStream());
        output.Write((byte)'B');
        output.Write((byte)'M');
        output.Write(54 + imageSize);
        output.Write(0);
        output.Write(54);
        output.Write(40);
        output.Write(bitmap.Width);
        output.Write(bitmap.Height);
        output.Write((short)1);
        output.Write((short)24);
        output.Write(0);
        output.Write(imageSize);
        output.Write(2835);
        output.Write(2835);
        output.Write(0);
        output.Write(0);
        for (int y = bitmap.Height - 1; y >= 0; y--)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                output.Write(c.Blue);
                output.Write(c.Green);
                output.Write(c.Red);
            }

            output.Write(new byte[rowSize - (bitmap.Width * 3)]);
        }

        return ((MemoryStream)output.BaseStream).ToArray();
    }

    /// <summary>
    /// A two-frame GIF of solid colours (the first <paramref name="first"/>, the second <paramref name="second"/>), written
    /// by hand: 8-bit LZW codes sent as literals, with a clear code often enough that the code size stays 9 bits.
    /// </summary>
    public static byte[] TwoFrameGif(int width, int height, SKColor first, SKColor second)
    {
        var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes("GIF89a"));
        output.Write(new[] { (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), (byte)0xF7, (byte)0, (byte)0 });
        var palette = new byte[256 * 3];
        palette[0] = first.Red; palette[1] = first.Green; palette[2] = first.Blue;
        palette[3] = second.Red; palette[4] = second.Green; palette[5] = second.Blue;
        output.Write(palette);
        foreach (byte index in new byte[] { 0, 1 })
        {
            output.Write(new byte[] { 0x21, 0xF9, 4, 0, 10, 0, 0, 0 });
            output.Write(new byte[] { 0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0 });
            output.WriteByte(8);
            byte[] codes = LiteralLzw(index, width * height);
            for (int i = 0; i < codes.Length; i += 255)
            {
                int n = Math.Min(255, codes.Length - i);
                output.WriteByte((byte)n);
                output.Write(codes, i, n);
            }

            output.WriteByte(0);
        }

        output.WriteByte(0x3B);
        return output.ToArray();
    }

    private static byte[] LiteralLzw(byte index, int count)
    {
        var bytes = new List<byte>();
        int buffer = 0;
        int bits = 0;
        void Emit(int code)
        {
            buffer |= code << bits;
            bits += 9;
            while (bits >= 8)
            {
                bytes.Add((byte)buffer);
                buffer >>= 8;
                bits -= 8;
            }
        }

        for (int i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                Emit(256);
            }

            Emit(index);
        }

        Emit(257);
        if (bits > 0)
        {
            bytes.Add((byte)buffer);
        }

        return bytes.ToArray();
    }
}
