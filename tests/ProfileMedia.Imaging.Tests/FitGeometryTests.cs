using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Imaging.Tests;

public class FitGeometryTests
{
    [Theory]
    [InlineData(4032, 3024, ImageTarget.Avatar, "3024x3024+504+0", 400, 400)]
    [InlineData(3024, 4032, ImageTarget.Avatar, "3024x3024+0+504", 400, 400)]
    [InlineData(4032, 3024, ImageTarget.Banner, "4032x1344+0+840", 1500, 500)]
    [InlineData(6000, 1000, ImageTarget.Banner, "3000x1000+1500+0", 1500, 500)]
    [InlineData(300, 300, ImageTarget.Avatar, "300x300+0+0", 300, 300)]
    [InlineData(900, 200, ImageTarget.Banner, "600x200+150+0", 600, 200)]
    [InlineData(1, 1, ImageTarget.Banner, "1x1+0+0", 1, 1)]
    public void The_crop_is_the_largest_centred_rectangle_of_the_shape_and_the_output_never_grows(int width, int height, ImageTarget target, string crop, int outWidth, int outHeight)
    {
        (ImageRegion box, int w, int h) = FitGeometry.Compute(width, height, FitTarget.For(target), null);
        Assert.Equal(crop, box.ToString());
        Assert.Equal((outWidth, outHeight), (w, h));
    }

    [Theory]
    [InlineData(-1, 0, 10, 10)]
    [InlineData(0, 0, 0, 10)]
    [InlineData(95, 0, 10, 10)]
    [InlineData(0, 60, 10, 50)]
    public void A_region_that_is_empty_or_outside_is_refused(int x, int y, int w, int h)
    {
        var e = Assert.Throws<ImageFitException>(() => FitGeometry.Compute(100, 100, FitTarget.Avatar, new ImageRegion(x, y, w, h)));
        Assert.Equal(ImageProblem.InvalidCropRegion, e.Problem);
    }
}
