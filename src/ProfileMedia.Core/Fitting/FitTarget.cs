using System;

namespace ProfileMedia.Core.Fitting;

/// <summary>
/// What a picture is prepared for: the largest size the service shows of it, and the largest file it accepts.
/// The shape (square, 3:1) is the ratio of <see cref="Width"/> to <see cref="Height"/>.
/// </summary>
internal sealed class FitTarget
{
    /// <summary>A profile image: shown at most 400x400, accepted up to 700 KB.</summary>
    public static readonly FitTarget Avatar = new FitTarget(ImageTarget.Avatar, 400, 400, 716_800);

    /// <summary>A profile banner: shown at most 1500x500, accepted up to 5 MB.</summary>
    public static readonly FitTarget Banner = new FitTarget(ImageTarget.Banner, 1500, 500, 5_242_880);

    /// <summary>A target of any size and limit (the tests use a small byte limit to force the quality steps).</summary>
    public FitTarget(ImageTarget kind, int width, int height, long maxBytes)
    {
        if (width <= 0 || height <= 0 || maxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A fit target needs a positive width, height and byte limit.");
        }

        Kind = kind;
        Width = width;
        Height = height;
        MaxBytes = maxBytes;
    }

    /// <summary>Avatar or Banner.</summary>
    public ImageTarget Kind { get; }

    /// <summary>The widest the prepared picture may be.</summary>
    public int Width { get; }

    /// <summary>The tallest the prepared picture may be.</summary>
    public int Height { get; }

    /// <summary>The largest prepared file, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The service's own target for <paramref name="kind"/>: the one place a bound -Target becomes sizes and limits.</summary>
    public static FitTarget For(ImageTarget kind) => kind switch
    {
        ImageTarget.Avatar => Avatar,
        ImageTarget.Banner => Banner,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fit target."),
    };

    /// <inheritdoc />
    public override string ToString() => Kind + " (" + Width + "x" + Height + ", at most " + MaxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes)";
}
