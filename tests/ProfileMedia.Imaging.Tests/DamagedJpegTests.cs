using System;
using System.Buffers.Binary;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging.Tests;

/// <summary>
/// JPEGs whose structure is whole (every segment, EOI at the end) but whose scan data is not what the header says:
/// libjpeg fills what is missing with grey and decodes garbage as colours, and Skia reports Success for both, so
/// these are refused by checking the scan itself, before anything is decoded, written or sent.
/// </summary>
public class DamagedJpegTests
{
    [Fact]
    public void A_JPEG_whose_header_declares_10000x9999_but_holds_16x16_of_data_is_corrupt()
    {
        using SKBitmap small = TestPictures.Noise(16, 16, seed: 3);
        byte[] jpeg = WithDeclaredSize(TestPictures.Jpeg(small), 10_000, 9_999);

        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(jpeg, "liar.jpg", FitTarget.Avatar, null));

        Assert.Equal(ImageProblem.CorruptImage, e.Problem);
        Assert.Contains("liar.jpg", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_JPEG_with_2_KB_of_its_scan_data_overwritten_is_corrupt(int seed)
    {
        using SKBitmap picture = TestPictures.Noise(300, 300, seed: seed);
        byte[] jpeg = TestPictures.Jpeg(picture, 90);
        int scan = ScanDataStart(jpeg);
        Assert.True(jpeg.Length - scan > 8_000);

        // Random bytes, none 0xFF, so no marker appears: the structure stays whole and only the entropy-coded data is wrong.
        var random = new Random(seed);
        for (int i = scan + 2_000; i < scan + 4_000; i++)
        {
            jpeg[i] = (byte)random.Next(0, 255);
        }

        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(jpeg, "scratched.jpg", FitTarget.Avatar, null));

        Assert.Equal(ImageProblem.CorruptImage, e.Problem);
        Assert.Contains("scratched.jpg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JPEG_claiming_65535x65535_is_too_many_pixels_not_corrupt()
    {
        using SKBitmap small = TestPictures.Noise(16, 16, seed: 4);
        byte[] jpeg = WithDeclaredSize(TestPictures.Jpeg(small), 65_535, 65_535);

        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(jpeg, "huge.jpg", FitTarget.Avatar, null));

        Assert.Equal(ImageProblem.ImageTooManyPixels, e.Problem);
        Assert.Contains("65535x65535", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 9)]
    [InlineData(640, 480)]
    [InlineData(1203, 905)]
    public void A_whole_JPEG_still_prepares(int width, int height)
    {
        using SKBitmap picture = TestPictures.Noise(width, height, seed: width);
        byte[] jpeg = TestPictures.Jpeg(picture, 90);

        FittedImage fitted = ImageFitter.Fit(jpeg, "fine.jpg", FitTarget.Avatar, null);

        Assert.Equal(Math.Min(400, Math.Min(width, height)), fitted.Width);
    }

    /// <summary>The JPEG with its SOF0 header's height and width replaced.</summary>
    internal static byte[] WithDeclaredSize(byte[] jpeg, int width, int height)
    {
        byte[] copy = (byte[])jpeg.Clone();
        int at = Marker(copy, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 7), (ushort)width);
        return copy;
    }

    /// <summary>The offset of the first byte after the SOS header.</summary>
    internal static int ScanDataStart(byte[] jpeg)
    {
        int at = Marker(jpeg, 0xDA);
        return at + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
    }

    private static int Marker(byte[] jpeg, byte marker)
    {
        int pos = 2;
        while (jpeg[pos] == 0xFF && jpeg[pos + 1] != marker)
        {
            pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
        }

        Assert.Equal(marker, jpeg[pos + 1]);
        return pos;
    }
}
