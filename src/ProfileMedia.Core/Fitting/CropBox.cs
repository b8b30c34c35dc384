using System.Globalization;

namespace ProfileMedia.Core.Fitting;

/// <summary>A rectangle of a picture in pixels, measured on the picture as it is shown (after its EXIF orientation).</summary>
internal sealed class CropBox
{
    /// <summary>A rectangle <paramref name="width"/> by <paramref name="height"/> whose top-left corner is at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public CropBox(int x, int y, int width, int height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    /// <summary>Pixels from the left edge.</summary>
    public int X { get; }

    /// <summary>Pixels from the top edge.</summary>
    public int Y { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The ImageMagick geometry form, WxH+X+Y, which is also how -WhatIf shows it.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}x{1}+{2}+{3}", Width, Height, X, Y);
}
