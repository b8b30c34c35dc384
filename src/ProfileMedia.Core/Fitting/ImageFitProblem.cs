namespace ProfileMedia.Core.Fitting;

/// <summary>Why a picture cannot be prepared; the member names double as PowerShell error ids.</summary>
public enum ImageFitProblem
{
    /// <summary>The bytes are not JPEG, PNG, GIF, WebP or BMP, whatever the file's name says.</summary>
    UnsupportedImageFormat,

    /// <summary>The file ends before its format's structure does: it was cut short.</summary>
    TruncatedImage,

    /// <summary>The header declares more pixels than may be decoded (a decompression bomb, or simply too big).</summary>
    ImageTooManyPixels,

    /// <summary>The header or the compressed data is damaged.</summary>
    CorruptImage,

    /// <summary>The crop region given is empty or outside the picture.</summary>
    InvalidCropRegion,

    /// <summary>Even at the lowest JPEG quality the prepared picture is over the target's byte limit.</summary>
    ImageCannotFit,

    /// <summary>The file could not be read.</summary>
    ImageFileUnreadable,

    /// <summary>Image preparation needs PowerShell 7 (its own AssemblyLoadContext), on a platform the module ships the native library for; Windows PowerShell 5.1 has no such context.</summary>
    ImageFittingNotSupported,
}
