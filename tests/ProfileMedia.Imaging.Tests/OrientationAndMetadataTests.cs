using System.Linq;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging.Tests;

public class OrientationAndMetadataTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Every_EXIF_orientation_ends_upright(int orientation)
    {
        using SKBitmap upright = TestPictures.Quadrants(320, 240);
        using SKBitmap stored = TestPictures.Stored(upright, orientation);
        byte[] jpeg = TestPictures.WithSegments(TestPictures.Jpeg(stored), (0xE1, TestPictures.Exif(orientation)));

        FittedImage fitted = ImageFitter.Fit(jpeg, "oriented.jpg", FitTarget.Avatar, null);

        Assert.Equal(orientation, fitted.Orientation);
        Assert.Equal((320, 240), (fitted.SourceWidth, fitted.SourceHeight));
        Assert.Equal((240, 240), (fitted.Width, fitted.Height));
        using SKBitmap output = SKBitmap.Decode(fitted.Bytes);
        AssertNear(TestPictures.TopLeft, output.GetPixel(20, 20));
        AssertNear(TestPictures.TopRight, output.GetPixel(220, 20));
        AssertNear(TestPictures.BottomLeft, output.GetPixel(20, 220));
        AssertNear(TestPictures.BottomRight, output.GetPixel(220, 220));
    }

    [Fact]
    public void EXIF_GPS_XMP_comments_and_the_ICC_profile_are_gone_from_the_output()
    {
        using SKBitmap picture = TestPictures.Quadrants(600, 400);
        byte[] plain = TestPictures.Jpeg(picture);
        byte[] jpeg = TestPictures.WithSegments(plain,
            (0xE1, TestPictures.Exif(1)),
            (0xE1, TestPictures.Xmp()),
            (0xE2, System.Text.Encoding.ASCII.GetBytes("ICC_PROFILE\0\u0001\u0001not-a-real-profile")),
            (0xFE, System.Text.Encoding.ASCII.GetBytes("a private comment")));
        Assert.True(Segments.Contains(jpeg, "SERIAL-8675309")); // the input does carry them

        FittedImage fitted = ImageFitter.Fit(jpeg, "camera.jpg", FitTarget.Avatar, null);

        Assert.Equal(ImageFormat.Jpeg, fitted.Format);
        var markers = Segments.JpegMarkers(fitted.Bytes);
        Assert.DoesNotContain(markers, m => m >= 0xE1 && m <= 0xEF); // no APP1 (EXIF, XMP) .. APP15, no APP2 (ICC)
        Assert.DoesNotContain((byte)0xFE, markers);                // no comment
        Assert.Contains((byte)0xDA, markers);
        foreach (string secret in new[] { "Exif", "TestCamera", "Model-X100", "SERIAL-8675309", "GPSLatitude", "ICC_PROFILE", "private comment", "xmpmeta" })
        {
            Assert.False(Segments.Contains(fitted.Bytes, secret), secret + " is still in the output");
        }
    }

    [Fact]
    public void A_wide_gamut_source_is_converted_to_sRGB_and_its_profile_dropped()
    {
        using var p3 = new SKBitmap(new SKImageInfo(200, 200, SKColorType.Rgba8888, SKAlphaType.Opaque, SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3)));
        // Raw P3 values, written as they are (Erase would convert an sRGB colour into P3 first).
        byte[] pixels = new byte[200 * 200 * 4];
        for (int i = 0; i < pixels.Length; i += 4)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (100, 200, 100, 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, p3.GetPixels(), pixels.Length);
        byte[] jpeg = TestPictures.Jpeg(p3);
        Assert.Contains((byte)0xE2, Segments.JpegMarkers(jpeg)); // Skia wrote the Display P3 profile

        FittedImage fitted = ImageFitter.Fit(jpeg, "p3.jpg", FitTarget.Avatar, null);

        Assert.DoesNotContain((byte)0xE2, Segments.JpegMarkers(fitted.Bytes));
        using SKBitmap output = SKBitmap.Decode(fitted.Bytes);
        SKColor centre = output.GetPixel(100, 100);
        // P3 (100, 200, 100) is about sRGB (44, 203, 85); unconverted it would stay (100, 200, 100).
        Assert.True(centre.Red < 70 && centre.Blue < 95 && centre.Green > 185, "expected about (44, 203, 85), got " + centre);
    }

    [Fact]
    public void A_PNG_keeps_no_text_chunks()
    {
        using SKBitmap picture = TestPictures.WithAlphaChannel(TestPictures.Quadrants(100, 100));
        picture.SetPixel(0, 0, SKColors.Transparent);
        FittedImage fitted = ImageFitter.Fit(TestPictures.Png(picture), "alpha.png", FitTarget.Avatar, null);

        Assert.Equal(ImageFormat.Png, fitted.Format);
        // Pixel data and its layout only (sBIT: how many bits per channel are significant); no tEXt, eXIf, iCCP, tIME.
        Assert.All(Segments.PngChunks(fitted.Bytes), chunk => Assert.Contains(chunk, new[] { "IHDR", "sBIT", "PLTE", "tRNS", "IDAT", "IEND" }));
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        int distance = new[] { expected.Red - actual.Red, expected.Green - actual.Green, expected.Blue - actual.Blue }.Max(System.Math.Abs);
        Assert.True(distance < 40, "expected about " + expected + ", got " + actual);
    }
}
