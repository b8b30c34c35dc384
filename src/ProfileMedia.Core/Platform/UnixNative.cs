using System;
#if NET
using System.Runtime.InteropServices;
using System.Text;
#endif

namespace ProfileMedia.Core.Platform;

/// <summary>
/// The module's only native calls: the two file-system questions .NET has no public API for, asked of the runtime's
/// own native shim, libSystem.Native, which ships with every .NET 8 and later on Unix. stat() tells what kind of file
/// a path names (FileInfo shows a FIFO or a device as an ordinary file); link() makes a new name only if it is free,
/// in one step (File.Move without overwrite checks, then renames).
/// <para>
/// Checked once, at first use: the shim must load, export both functions, and answer stat() for "/" as a directory
/// and for "/dev/null" as a device (which checks the layout of the runtime's FileStatus that this reads). The
/// documented fallback, when the check fails, on Windows and on .NET Framework (Windows PowerShell 5.1):
/// <see cref="KindOf"/> answers <see cref="FileKindResult.Unknown"/> (the caller then never opens a file that reports
/// no size) and <see cref="TryLink"/> answers false (the caller looks at the destination and moves with File.Move,
/// atomic on Windows, a check-then-rename on Unix).
/// </para>
/// </summary>
internal sealed unsafe class UnixNative
{
    /// <summary>The runtime's native shim, by the name the runtime itself loads it.</summary>
    public const string RuntimeShim = "libSystem.Native";

    private static readonly Lazy<UnixNative> LazyShared = new Lazy<UnixNative>(() => new UnixNative(RuntimeShim));

#if NET
    // SystemNative_Stat fills the runtime's FileStatus, which starts with two int32 fields, Flags and Mode; Mode carries
    // the S_IFMT bits, which the runtime keeps equal to the native ones on every Unix it supports. The buffer is larger
    // than the whole struct.
    private const int StatusLength = 512;
    private const int ModeOffset = 4;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    private readonly delegate* unmanaged<byte*, byte*, int> _stat;
    private readonly delegate* unmanaged<byte*, byte*, int> _link;
#endif

    /// <summary>
    /// Loads <paramref name="library"/> and checks it; <see cref="IsAvailable"/> says whether it passed. Searched in the
    /// safe directories (the runtime's own and the system's), not in the assembly's folder.
    /// </summary>
    public UnixNative(string library)
    {
#if NET
        if (OperatingSystem.IsWindows()
            || !NativeLibrary.TryLoad(library, typeof(UnixNative).Assembly, DllImportSearchPath.SafeDirectories, out IntPtr handle)
            || !NativeLibrary.TryGetExport(handle, "SystemNative_Stat", out IntPtr stat)
            || !NativeLibrary.TryGetExport(handle, "SystemNative_Link", out IntPtr link))
        {
            return;
        }

        _stat = (delegate* unmanaged<byte*, byte*, int>)stat;
        _link = (delegate* unmanaged<byte*, byte*, int>)link;
        IsAvailable = Stat("/") == FileKindResult.Directory && Stat("/dev/null") == FileKindResult.Special;
#else
        _ = library;
#endif
    }

    /// <summary>The shim of this process, loaded and checked on first use.</summary>
    public static UnixNative Shared => LazyShared.Value;

    /// <summary>True when the shim loaded and passed its check; false means every answer is the fallback.</summary>
    public bool IsAvailable { get; }

#if !NET
#pragma warning disable CA1822 // .NET Framework runs on Windows only and never loads the shim; the .NET 8 build reads its state.
#endif

    /// <summary>What <paramref name="path"/> names, following symbolic links; Unknown when the system cannot say.</summary>
    public FileKindResult KindOf(string path)
    {
#if NET
        return IsAvailable ? Stat(path) : FileKindResult.Unknown;
#else
        _ = path;
        return FileKindResult.Unknown;
#endif
    }

    /// <summary>
    /// Makes <paramref name="newName"/> a second name of the file <paramref name="existing"/>, only if that name is
    /// free, in one step. False when it is taken, when the file system refuses links (FAT, some shares), or when the
    /// shim is not available: the caller then tells these apart by looking at the destination.
    /// </summary>
    public bool TryLink(string existing, string newName)
    {
#if NET
        if (!IsAvailable)
        {
            return false;
        }

        fixed (byte* source = NullTerminatedUtf8(existing))
        fixed (byte* link = NullTerminatedUtf8(newName))
        {
            return _link(source, link) == 0;
        }
#else
        _ = existing;
        _ = newName;
        return false;
#endif
    }
#if !NET
#pragma warning restore CA1822
#endif

#if NET
    private FileKindResult Stat(string path)
    {
        byte* status = stackalloc byte[StatusLength];
        fixed (byte* name = NullTerminatedUtf8(path))
        {
            if (_stat(name, status) != 0)
            {
                return FileKindResult.Unknown;
            }
        }

        int type = *(int*)(status + ModeOffset) & TypeMask;
        return type == RegularFile ? FileKindResult.Regular : type == Directory ? FileKindResult.Directory : FileKindResult.Special;
    }

    // Unix paths are bytes; UTF-8 is what .NET itself passes to the shim.
    private static byte[] NullTerminatedUtf8(string path)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }
#endif
}
