using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;

namespace ProfileMedia;

/// <summary>A prepared picture written to disk by ConvertTo-ProfileImage: where it is and what was done to it.</summary>
public sealed class PreparedImage
{
    internal PreparedImage(string path, string source, FittedImage image)
    {
        Path = path;
        Source = source;
        Target = image.Target.Kind;
        SourceFormat = image.SourceFormat;
        SourceWidth = image.SourceWidth;
        SourceHeight = image.SourceHeight;
        Crop = image.Crop.ToString();
        Width = image.Width;
        Height = image.Height;
        Format = image.Format;
        Quality = image.Quality;
        Length = image.Bytes.Length;
    }

    /// <summary>The prepared file.</summary>
    public string Path { get; }

    /// <summary>The picture it was made from.</summary>
    public string Source { get; }

    /// <summary>Avatar or Banner.</summary>
    public ImageTarget Target { get; }

    /// <summary>The source's format, by its content.</summary>
    public ImageFormat SourceFormat { get; }

    /// <summary>The source's width as shown.</summary>
    public int SourceWidth { get; }

    /// <summary>The source's height as shown.</summary>
    public int SourceHeight { get; }

    /// <summary>The part of the source kept, WxH+X+Y.</summary>
    public string Crop { get; }

    /// <summary>The prepared width.</summary>
    public int Width { get; }

    /// <summary>The prepared height.</summary>
    public int Height { get; }

    /// <summary>Jpeg, or Png when the picture has transparency.</summary>
    public ImageFormat Format { get; }

    /// <summary>The JPEG quality, or null for PNG.</summary>
    public int? Quality { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; }
}
