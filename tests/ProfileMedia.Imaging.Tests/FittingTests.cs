using System;
using System.Linq;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using SkiaSharp;

namespace ProfileMedia.Imaging.Tests;

public class FittingTests
{
    [Fact]
    public void A_12_megapixel_photo_becomes_a_400x400_avatar_decoded_at_a_quarter_scale()
    {
        using SKBitmap photo = TestPictures.Quadrants(4000, 3000);
        FittedImage fitted = ImageFitter.Fit(TestPictures.Jpeg(photo, 90), "photo.jpg", FitTarget.Avatar, null);

        Assert.Equal("3000x3000+500+0", fitted.Crop.ToString());
        Assert.Equal((400, 400), (fitted.Width, fitted.Height));
        Assert.Equal((1000, 750), (fitted.DecodedWidth, fitted.DecodedHeight)); // 1/4: never the 48 MB full bitmap
        Assert.True(fitted.Bytes.Length <= FitTarget.Avatar.MaxBytes);
        Assert.Equal(new[] { 90 }, fitted.QualitiesTried);
    }

    [Fact]
    public void A_12_megapixel_photo_becomes_a_1500x500_banner_cropped_3_to_1_in_the_middle()
    {
        using SKBitmap photo = TestPictures.Quadrants(4000, 3000);
        FittedImage fitted = ImageFitter.Fit(TestPictures.Jpeg(photo, 90), "photo.jpg", FitTarget.Banner, null);

        Assert.Equal("4000x1333+0+833", fitted.Crop.ToString());
        Assert.Equal((1500, 500), (fitted.Width, fitted.Height));
        // 1/2: at 3/8 the 1333-row crop would have 499 rows, one short of 500, and nothing is ever scaled up.
        Assert.Equal((2000, 1500), (fitted.DecodedWidth, fitted.DecodedHeight));
        Assert.True(fitted.Bytes.Length <= FitTarget.Banner.MaxBytes);
    }

    [Fact]
    public void A_small_picture_is_cropped_but_never_scaled_up()
    {
        using SKBitmap picture = TestPictures.Quadrants(300, 200);
        FittedImage avatar = ImageFitter.Fit(TestPictures.Jpeg(picture), "small.jpg", FitTarget.Avatar, null);
        FittedImage banner = ImageFitter.Fit(TestPictures.Jpeg(picture), "small.jpg", FitTarget.Banner, null);

        Assert.Equal((200, 200), (avatar.Width, avatar.Height));
        Assert.Equal((300, 100), (banner.Width, banner.Height));
    }

    [Fact]
    public void A_region_given_moves_the_crop_and_keeps_the_shape()
    {
        using SKBitmap picture = TestPictures.Quadrants(800, 600);
        // The top-left quadrant only: the avatar must be all of its colour.
        FittedImage fitted = ImageFitter.Fit(TestPictures.Jpeg(picture), "p.jpg", FitTarget.Avatar, new ImageRegion(0, 0, 400, 300));

        Assert.Equal("300x300+50+0", fitted.Crop.ToString());
        using SKBitmap output = SKBitmap.Decode(fitted.Bytes);
        SKColor corner = output.GetPixel(output.Width - 5, output.Height - 5);
        Assert.True(corner.Red > 180 && corner.Green < 60, "expected the top-left quadrant's red, got " + corner);
    }

    [Fact]
    public void A_region_outside_the_picture_is_refused_naming_both()
    {
        using SKBitmap picture = TestPictures.Quadrants(800, 600);
        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(TestPictures.Jpeg(picture), "p.jpg", FitTarget.Avatar, new ImageRegion(700, 0, 200, 200)));
        Assert.Equal(ImageProblem.InvalidCropRegion, e.Problem);
        Assert.Contains("200x200+700+0", e.Message, StringComparison.Ordinal);
        Assert.Contains("800x600", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transparency_keeps_PNG_and_an_opaque_PNG_becomes_JPEG()
    {
        using SKBitmap picture = TestPictures.WithAlphaChannel(TestPictures.Quadrants(500, 500));
        byte[] opaque = TestPictures.Png(picture); // an alpha channel, but every pixel opaque
        using SKBitmap holed = picture.Copy();
        holed.Erase(SKColors.Transparent, new SKRectI(200, 200, 300, 300));

        FittedImage fromOpaque = ImageFitter.Fit(opaque, "opaque.png", FitTarget.Avatar, null);
        FittedImage fromTransparent = ImageFitter.Fit(TestPictures.Png(holed), "holed.png", FitTarget.Avatar, null);

        Assert.Equal(ImageFormat.Jpeg, fromOpaque.Format);
        Assert.Equal(ImageFormat.Png, fromTransparent.Format);
        Assert.Null(fromTransparent.Quality);
        using SKBitmap output = SKBitmap.Decode(fromTransparent.Bytes);
        Assert.Equal(0, output.GetPixel(200, 200).Alpha);
        Assert.Equal(255, output.GetPixel(10, 10).Alpha);
    }

    [Fact]
    public void GIF_takes_its_first_frame_and_WebP_and_BMP_decode()
    {
        var red = new SKColor(200, 0, 0);
        FittedImage gif = ImageFitter.Fit(TestPictures.TwoFrameGif(120, 90, red, new SKColor(0, 200, 0)), "anim.gif", FitTarget.Avatar, null);
        using SKBitmap gifOut = SKBitmap.Decode(gif.Bytes);
        Assert.Equal(ImageFormat.Gif, gif.SourceFormat);
        Assert.True(gifOut.GetPixel(45, 45).Red > 150 && gifOut.GetPixel(45, 45).Green < 50, "first frame is red, got " + gifOut.GetPixel(45, 45));

        using SKBitmap picture = TestPictures.Quadrants(300, 300);
        FittedImage webp = ImageFitter.Fit(TestPictures.Webp(picture), "p.webp", FitTarget.Avatar, null);
        FittedImage bmp = ImageFitter.Fit(TestPictures.Bmp(picture), "p.bmp", FitTarget.Avatar, null);
        Assert.Equal((ImageFormat.WebP, ImageFormat.Jpeg), (webp.SourceFormat, webp.Format));
        Assert.Equal((ImageFormat.Bmp, ImageFormat.Jpeg), (bmp.SourceFormat, bmp.Format));
        using SKBitmap bmpOut = SKBitmap.Decode(bmp.Bytes);
        Assert.True(bmpOut.GetPixel(10, 10).Red > 180, "BMP rows are stored bottom-up; the top-left must stay red");
    }

    [Fact]
    public void Quality_is_stepped_down_only_while_the_file_is_over_the_limit()
    {
        using SKBitmap noise = TestPictures.Noise(400, 400, seed: 14);
        byte[] source = TestPictures.Png(noise);
        FittedImage roomy = ImageFitter.Fit(source, "noise.png", new FitTarget(ImageTarget.Avatar, 400, 400, 10_000_000), null);
        Assert.Equal(new[] { 90 }, roomy.QualitiesTried);

        // One byte under what quality 90 needs: exactly one step down, to 85.
        FittedImage tight = ImageFitter.Fit(source, "noise.png", new FitTarget(ImageTarget.Avatar, 400, 400, roomy.Bytes.Length - 1), null);
        Assert.Equal(new[] { 90, 85 }, tight.QualitiesTried);
        Assert.Equal(85, tight.Quality);
        Assert.True(tight.Bytes.Length < roomy.Bytes.Length);

        // The real avatar limit needs no step even for noise.
        FittedImage real = ImageFitter.Fit(source, "noise.png", FitTarget.Avatar, null);
        Assert.Equal(new[] { 90 }, real.QualitiesTried);
        Assert.True(real.Bytes.Length <= FitTarget.Avatar.MaxBytes);
    }

    [Fact]
    public void A_picture_that_cannot_fit_even_at_the_lowest_quality_is_a_clear_error()
    {
        using SKBitmap noise = TestPictures.Noise(400, 400, seed: 7);
        var e = Assert.Throws<ImageFitException>(() => ImageFitter.Fit(TestPictures.Png(noise), "noise.png", new FitTarget(ImageTarget.Avatar, 400, 400, 5_000), null));
        Assert.Equal(ImageProblem.ImageCannotFit, e.Problem);
        Assert.Contains("quality 40", e.Message, StringComparison.Ordinal);
        Assert.Contains("5,000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_output_is_under_its_limit()
    {
        using SKBitmap noise = TestPictures.Noise(2400, 1800, seed: 3);
        byte[] source = TestPictures.Jpeg(noise, 100);
        foreach (FitTarget target in new[] { FitTarget.Avatar, FitTarget.Banner })
        {
            FittedImage fitted = ImageFitter.Fit(source, "noise.jpg", target, null);
            Assert.True(fitted.Bytes.Length <= target.MaxBytes, target + ": " + fitted.Bytes.Length);
            Assert.Equal(fitted.QualitiesTried[fitted.QualitiesTried.Count - 1], fitted.Quality);
        }
    }
}
