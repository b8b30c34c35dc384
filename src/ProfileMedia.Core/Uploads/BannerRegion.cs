using System.Globalization;

namespace ProfileMedia.Core.Uploads;

/// <summary>The part of an uploaded banner to use: all four values together, as the endpoint requires.</summary>
internal sealed class BannerRegion
{
    /// <summary>Creates a region; <see cref="Validate"/> says whether X would accept it.</summary>
    public BannerRegion(int width, int height, int offsetLeft, int offsetTop)
    {
        Width = width;
        Height = height;
        OffsetLeft = offsetLeft;
        OffsetTop = offsetTop;
    }

    /// <summary>Width of the region in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of the region in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels from the image's left edge.</summary>
    public int OffsetLeft { get; }

    /// <summary>Pixels from the image's top edge.</summary>
    public int OffsetTop { get; }

    /// <summary>Null when the values can be sent; otherwise a sentence naming the bad value.</summary>
    public string? Validate()
    {
        if (Width <= 0 || Height <= 0)
        {
            return string.Format(CultureInfo.InvariantCulture, "The banner region's width and height must be positive; got width {0} and height {1}.", Width, Height);
        }

        return OffsetLeft < 0 || OffsetTop < 0
            ? string.Format(CultureInfo.InvariantCulture, "The banner region's offsets cannot be negative; got left {0}, top {1}.", OffsetLeft, OffsetTop)
            : null;
    }
}
