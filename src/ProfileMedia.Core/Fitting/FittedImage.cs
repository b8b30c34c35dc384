using System.Collections.Generic;
using System.Globalization;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Fitting;

/// <summary>
/// A picture prepared for upload, and the plan that made it: what the source was, where it was cropped, how it was
/// decoded and encoded. -WhatIf prints <see cref="Describe"/>; the upload sends <see cref="Bytes"/>.
/// </summary>
internal sealed class FittedImage
{
    /// <summary>Everything the preparation decided, and its result.</summary>
    public FittedImage(FitTarget target, ImageFormat sourceFormat, int sourceWidth, int sourceHeight, int orientation, ImageRegion crop,
        int decodedWidth, int decodedHeight, int width, int height, ImageFormat format, int? quality, IReadOnlyList<int> qualitiesTried, byte[] bytes)
    {
        Target = target;
        SourceFormat = sourceFormat;
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        Orientation = orientation;
        Crop = crop;
        DecodedWidth = decodedWidth;
        DecodedHeight = decodedHeight;
        Width = width;
        Height = height;
        Format = format;
        Quality = quality;
        QualitiesTried = qualitiesTried;
        Bytes = bytes;
    }

    /// <summary>What the picture was prepared for.</summary>
    public FitTarget Target { get; }

    /// <summary>The source's format by its content: JPEG, PNG, GIF, WebP or BMP.</summary>
    public ImageFormat SourceFormat { get; }

    /// <summary>The source's width as shown (after its EXIF orientation).</summary>
    public int SourceWidth { get; }

    /// <summary>The source's height as shown.</summary>
    public int SourceHeight { get; }

    /// <summary>The EXIF orientation applied, 1 (none) to 8.</summary>
    public int Orientation { get; }

    /// <summary>The part of the source kept, on the picture as shown.</summary>
    public ImageRegion Crop { get; }

    /// <summary>The width the codec decoded (less than the source's when a JPEG is decoded at a reduced scale).</summary>
    public int DecodedWidth { get; }

    /// <summary>The height the codec decoded.</summary>
    public int DecodedHeight { get; }

    /// <summary>The prepared picture's width.</summary>
    public int Width { get; }

    /// <summary>The prepared picture's height.</summary>
    public int Height { get; }

    /// <summary>JPEG, or PNG when the picture has transparency.</summary>
    public ImageFormat Format { get; }

    /// <summary>The JPEG quality used; null for PNG.</summary>
    public int? Quality { get; }

    /// <summary>Every JPEG quality tried, in order: more than one only when the first was over the limit.</summary>
    public IReadOnlyList<int> QualitiesTried { get; }

    /// <summary>The prepared file.</summary>
    public byte[] Bytes { get; }

    /// <summary>The media type to upload it as.</summary>
    public string MediaType => Format.MediaType();

    /// <summary>The file extension for it, with the dot.</summary>
    public string Extension => Format.Extension();

    /// <summary>The plan in one line, as -WhatIf shows it.</summary>
    public string Describe() => string.Format(CultureInfo.InvariantCulture,
        "{0} {1}x{2}{3}, crop {4}, scale to {5}x{6}, {7}{8}, {9:N0} bytes (limit {10:N0})",
        SourceFormat.DisplayName(), SourceWidth, SourceHeight, Orientation > 1 ? " (EXIF orientation " + Orientation + " applied)" : string.Empty,
        Crop, Width, Height, Format.DisplayName(), Quality.HasValue ? " quality " + Quality.Value : string.Empty, Bytes.Length, Target.MaxBytes);
}
