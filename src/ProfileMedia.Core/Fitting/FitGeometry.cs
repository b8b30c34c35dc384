using System;
using System.Globalization;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Fitting;

/// <summary>
/// Where to crop and how big the result is: the largest rectangle of the target's shape, centred in the picture (or in
/// the region the user gave), scaled down to the target's size and never up. Measured on the upright picture.
/// </summary>
internal static class FitGeometry
{
    /// <summary>The crop box and the output size for an upright picture of <paramref name="width"/> x <paramref name="height"/>.</summary>
    /// <exception cref="ImageFitException"><paramref name="region"/> is empty or reaches outside the picture.</exception>
    public static (ImageRegion Crop, int OutputWidth, int OutputHeight) Compute(int width, int height, FitTarget target, ImageRegion? region)
    {
        ImageRegion area = region ?? new ImageRegion(0, 0, width, height);
        if (region != null && (region.X < 0 || region.Y < 0 || region.Width <= 0 || region.Height <= 0
            || (long)region.X + region.Width > width || (long)region.Y + region.Height > height))
        {
            throw new ImageFitException(ImageProblem.InvalidCropRegion, string.Format(CultureInfo.InvariantCulture,
                "The crop region {0} (X, Y, width, height: {1}, {2}, {3}, {4}) is not inside the {5}x{6} picture as shown.",
                region, region.X, region.Y, region.Width, region.Height, width, height));
        }

        // The widest rectangle of the target's shape that the area holds, centred in it.
        int cropWidth;
        int cropHeight;
        if ((long)area.Width * target.Height > (long)area.Height * target.Width)
        {
            cropHeight = area.Height;
            cropWidth = Math.Min(area.Width, Math.Max(1, (int)Math.Round((double)area.Height * target.Width / target.Height)));
        }
        else
        {
            cropWidth = area.Width;
            cropHeight = Math.Min(area.Height, Math.Max(1, (int)Math.Round((double)area.Width * target.Height / target.Width)));
        }

        var crop = new ImageRegion(area.X + ((area.Width - cropWidth) / 2), area.Y + ((area.Height - cropHeight) / 2), cropWidth, cropHeight);

        // Scale down to the target, never up: a small picture stays its own size.
        double scale = Math.Min(1.0, Math.Min((double)target.Width / cropWidth, (double)target.Height / cropHeight));
        int outputWidth = Math.Max(1, Math.Min(target.Width, (int)Math.Round(cropWidth * scale)));
        int outputHeight = Math.Max(1, Math.Min(target.Height, (int)Math.Round(cropHeight * scale)));
        return (crop, outputWidth, outputHeight);
    }
}
