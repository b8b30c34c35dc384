namespace ProfileMedia.Core.Platform;

/// <summary>
/// Whether a path names a regular file, asked of the system before the file is opened: opening a FIFO for reading
/// waits for a writer, and devices (/dev/zero, /dev/urandom) report no size and never end. .NET shows neither in
/// FileInfo, so on Unix this asks stat() (see <see cref="UnixNative"/>).
/// </summary>
internal static class FileKind
{
    /// <summary>What the path names, following symbolic links; Unknown when the system cannot say (Windows, no shim).</summary>
    public static FileKindResult Of(string path) => UnixNative.Shared.KindOf(path);
}

/// <summary>What <see cref="FileKind.Of"/> found at a path.</summary>
internal enum FileKindResult
{
    /// <summary>The system could not say; treat the file with care (never open one that reports no size).</summary>
    Unknown = 0,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, a device or a socket.</summary>
    Special,
}
