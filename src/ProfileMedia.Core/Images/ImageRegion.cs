using System.Globalization;

namespace ProfileMedia.Core.Images;

/// <summary>
/// A rectangle of a picture in pixels: -CropRegion's crop, and the part of a banner X is told to use. One type, always
/// built in the same order (X, Y, width, height), so two features cannot take a rectangle's numbers in two orders.
/// </summary>
internal sealed class ImageRegion
{
    /// <summary>A rectangle <paramref name="width"/> by <paramref name="height"/> whose top-left corner is at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public ImageRegion(int x, int y, int width, int height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    /// <summary>Pixels from the left edge (X's offset_left).</summary>
    public int X { get; }

    /// <summary>Pixels from the top edge (X's offset_top).</summary>
    public int Y { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Null when the rectangle has an area and no negative offset; otherwise a sentence about <paramref name="what"/> naming the bad values.</summary>
    public string? ShapeProblem(string what)
    {
        if (Width <= 0 || Height <= 0)
        {
            return string.Format(CultureInfo.InvariantCulture, "The {0}'s width and height must be positive; got width {1} and height {2}.", what, Width, Height);
        }

        return X < 0 || Y < 0
            ? string.Format(CultureInfo.InvariantCulture, "The {0}'s offsets cannot be negative; got left {1}, top {2}.", what, X, Y)
            : null;
    }

    /// <summary>The ImageMagick geometry form, WxH+X+Y, which is also how -WhatIf shows it.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}x{1}+{2}+{3}", Width, Height, X, Y);
}
