namespace ProfileMedia.Core.Uploads;

/// <summary>Why a file cannot be uploaded; the member names double as PowerShell error ids.</summary>
internal enum ImageFileProblem
{
    /// <summary>The file can be uploaded.</summary>
    None = 0,

    /// <summary>No file exists at the path.</summary>
    ImageFileNotFound,

    /// <summary>The path is a directory.</summary>
    ImageFileIsDirectory,

    /// <summary>The path names a FIFO, a device, a socket or a virtual file whose size is not its content.</summary>
    ImageFileNotRegular,

    /// <summary>The file has no bytes.</summary>
    ImageFileEmpty,

    /// <summary>The file's first bytes are not GIF, JPEG or PNG, whatever its name says.</summary>
    UnsupportedImageFormat,

    /// <summary>The file starts like an image but its end marker is missing: it was cut short.</summary>
    TruncatedImage,

    /// <summary>The file is larger than the endpoint accepts.</summary>
    ImageFileTooLarge,

    /// <summary>The file could not be read (permissions, locked, I/O error).</summary>
    ImageFileUnreadable,
}
