using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging.Tests;

public class HostileInputTests
{
    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header()
    {
        // 30000x30000 declared in a few hundred bytes: a complete PNG whose data could never fill it. Decoding would
        // fail as truncated or corrupt; the refusal as too large shows that the header alone decided.
        byte[] bomb = PngWithSize(30_000, 30_000);
        Assert.True(bomb.Length < 1000);

        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(bomb, "bomb.png", FitTarget.Avatar, null));

        Assert.Equal(ImageProblem.ImageTooManyPixels, e.Problem);
        Assert.Contains("30000x30000", e.Message, StringComparison.Ordinal);
        Assert.Contains("before any pixel was decoded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PNG_too_big_to_decode_whole_is_refused_although_a_JPEG_that_size_is_not()
    {
        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(PngWithSize(8000, 6000), "big.png", FitTarget.Avatar, null));
        Assert.Equal(ImageProblem.ImageTooManyPixels, e.Problem);
        Assert.Contains("decoded whole", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("gif")]
    public void A_truncated_file_is_refused_before_decoding(string format)
    {
        using SKBitmap picture = TestPictures.Noise(300, 300, seed: 1);
        byte[] whole = format switch
        {
            "jpeg" => TestPictures.Jpeg(picture),
            "png" => TestPictures.Png(picture),
            "webp" => TestPictures.Webp(picture),
            _ => TestPictures.TwoFrameGif(50, 50, SKColors.Red, SKColors.Blue),
        };
        byte[] cut = whole.AsSpan(0, whole.Length * 2 / 3).ToArray();

        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(cut, "cut." + format, FitTarget.Avatar, null));

        Assert.Equal(ImageProblem.TruncatedImage, e.Problem);
        Assert.Contains("cut." + format, e.Message, StringComparison.Ordinal);
        Assert.Contains("end before the image does", e.Message, StringComparison.Ordinal); // the structure check, not the decoder
    }

    [Theory]
    [InlineData(new byte[] { 0x49, 0x49, 42, 0, 8, 0, 0, 0, 0, 0, 0, 0 }, "TIFF")]
    [InlineData(new byte[] { 0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c' }, "HEIC")]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, "not its name")]
    [InlineData(new byte[0], "empty")]
    public void An_unsupported_file_names_what_it_is(byte[] bytes, string named)
    {
        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(bytes, "thing.jpg", FitTarget.Avatar, null));
        Assert.Equal(ImageProblem.UnsupportedImageFormat, e.Problem);
        Assert.Contains("thing.jpg", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_header_is_reported_as_corrupt()
    {
        byte[] png = PngWithSize(100, 100);
        png[16 + 8] = 77; // bit depth 77 in IHDR
        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(png, "bad.png", FitTarget.Avatar, null));
        Assert.Equal(ImageProblem.CorruptImage, e.Problem);
    }

    [Fact]
    public void A_missing_file_is_not_found_and_named_as_for_a_plain_upload()
    {
        string path = Path.Combine(Path.GetTempPath(), "profilemedia-missing-" + Guid.NewGuid().ToString("N") + ".jpg");
        var e = Assert.Throws<ImageFitException>(() => ImageFitter.FitFile(path, FitTarget.Avatar, null));
        Assert.Equal(ImageProblem.ImageFileNotFound, e.Problem);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A structurally complete RGBA PNG declaring any size, with one tiny IDAT.</summary>
    private static byte[] PngWithSize(int width, int height)
    {
        var output = new MemoryStream();
        output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        Chunk(output, "IHDR", header);
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(new byte[4096]);
        }

        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", Array.Empty<byte>());
        return output.ToArray();
    }

    private static uint Crc(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        byte[] length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        output.Write(typed);
        byte[] crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typed));
        output.Write(crc);
    }
}
