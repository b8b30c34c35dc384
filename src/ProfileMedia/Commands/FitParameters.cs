using ProfileMedia.Core.Fitting;

namespace ProfileMedia.Commands;

/// <summary>What ConvertTo-ProfileImage and -Fit share: -CropRegion as X, Y, width, height, and the target by name.</summary>
internal static class FitParameters
{
    /// <summary>The region, or null when none was given (the parameter's ValidateCount guarantees four numbers).</summary>
    public static CropBox? Region(int[]? region) => region == null ? null : new CropBox(region[0], region[1], region[2], region[3]);

    /// <summary>Avatar or Banner.</summary>
    public static FitTarget Target(string name) => name == "Banner" ? FitTarget.Banner : FitTarget.Avatar;
}
