using ProfileMedia.Core.Images;

namespace ProfileMedia.Commands;

/// <summary>What ConvertTo-ProfileImage and -Fit share: -CropRegion as X, Y, width, height.</summary>
internal static class FitParameters
{
    /// <summary>The region, or null when none was given (the parameter's ValidateCount guarantees four numbers).</summary>
    public static ImageRegion? Region(int[]? region) => region == null ? null : new ImageRegion(region[0], region[1], region[2], region[3]);
}
