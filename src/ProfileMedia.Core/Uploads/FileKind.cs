using System;
using System.Runtime.InteropServices;
using System.Text;

namespace ProfileMedia.Core.Uploads;

/// <summary>
/// Whether a path names a regular file, asked of the system before the file is opened: opening a FIFO for reading
/// waits for a writer, and devices (/dev/zero, /dev/urandom) report no size and never end. .NET shows neither in
/// FileInfo, so on Unix this asks stat() through the runtime's own native shim.
/// </summary>
internal static class FileKind
{
    // The shim's FileStatus starts with two int32 fields, Flags and Mode; Mode carries the S_IFMT bits, which the
    // runtime keeps equal to the native ones on every Unix it supports. The buffer is larger than the whole struct.
    private const int StatusBufferLength = 512;
    private const int ModeOffset = 4;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>What the path names, following symbolic links; Unknown when the system cannot say (Windows, no shim).</summary>
    public static FileKindResult Of(string path)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return FileKindResult.Unknown;
        }

        byte[] status = new byte[StatusBufferLength];
        try
        {
            if (SystemNative_Stat(NullTerminatedUtf8(path), status) != 0)
            {
                return FileKindResult.Unknown;
            }
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException)
        {
            return FileKindResult.Unknown;
        }

        int type = BitConverter.ToInt32(status, ModeOffset) & TypeMask;
        return type == RegularFile ? FileKindResult.Regular : type == Directory ? FileKindResult.Directory : FileKindResult.Special;
    }

    /// <summary>A path as the runtime's native shim takes it: Unix paths are bytes, UTF-8 is what .NET itself passes (netstandard2.0 has no UTF-8 string marshalling).</summary>
    internal static byte[] NullTerminatedUtf8(string path)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNative_Stat(byte[] path, [Out] byte[] output);
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
