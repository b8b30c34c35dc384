namespace ProfileMedia.Core.Images;

/// <summary>
/// Why a picture cannot be uploaded as it is or prepared (-Fit, ConvertTo-ProfileImage): one list for both, since both
/// read the same files with the same checks first. The member names double as PowerShell error ids.
/// </summary>
public enum ImageProblem
{
    /// <summary>No problem: the picture can be used.</summary>
    None = 0,

    /// <summary>No file exists at the path.</summary>
    ImageFileNotFound,

    /// <summary>The path is a directory.</summary>
    ImageFileIsDirectory,

    /// <summary>The path names a FIFO, a device, a socket or a virtual file whose size is not its content.</summary>
    ImageFileNotRegular,

    /// <summary>The file has no bytes.</summary>
    ImageFileEmpty,

    /// <summary>The file could not be read (permissions, locked, I/O error).</summary>
    ImageFileUnreadable,

    /// <summary>The file is larger than the endpoint accepts (uploads as they are; -Fit makes it fit).</summary>
    ImageFileTooLarge,

    /// <summary>The bytes are not an image format the operation takes (GIF, JPEG, PNG to upload; also WebP and BMP to prepare), whatever the name says.</summary>
    UnsupportedImageFormat,

    /// <summary>The file ends before its format's structure does: it was cut short.</summary>
    TruncatedImage,

    /// <summary>The header declares more pixels than may be decoded (a decompression bomb, or simply too big).</summary>
    ImageTooManyPixels,

    /// <summary>The header or the compressed data is damaged (a JPEG's scans do not hold what its header declares, say).</summary>
    CorruptImage,

    /// <summary>The crop region given is empty or outside the picture.</summary>
    InvalidCropRegion,

    /// <summary>Even at the lowest JPEG quality the prepared picture is over the target's byte limit.</summary>
    ImageCannotFit,

    /// <summary>Image preparation cannot run here: Windows PowerShell 5.1, or a platform without the image library.</summary>
    ImageFittingNotSupported,
}
