using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Whether two paths name one file, by the file itself rather than by spelling: a symbolic link either way, a hard
/// link, a linked folder on the way, another case on a case-insensitive disk. There is no public .NET API for a file's
/// identity (device and inode, the Windows file id) in netstandard2.0, so the system is asked another way it answers
/// by identity: while the first file is held with an exclusive lock (FileShare.None: a share mode on Windows, flock on
/// Unix), the second name cannot be opened exactly when it is the same file. Where locks are not enforced (the runtime's
/// DOTNET_SYSTEM_IO_DISABLEFILELOCKING, some network shares), this is found by the first file refusing a second open of
/// its own name, and the answer falls back to comparing full paths.
/// </summary>
internal static class FileIdentity
{
    private static readonly StringComparison PathComparison =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when <paramref name="first"/> and <paramref name="second"/> are one existing file.</summary>
    public static bool IsSameFile(string first, string second)
    {
        string a = Path.GetFullPath(first);
        string b = Path.GetFullPath(second);
        if (!File.Exists(a) || !File.Exists(b))
        {
            return false;
        }

        if (string.Equals(a, b, PathComparison))
        {
            return true;
        }

        // Opened before the lock: a second name that cannot be opened now is held by someone else, and says nothing.
        if (!CanOpen(b))
        {
            return false;
        }

        FileStream held;
        try
        {
            held = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.None);
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            return false; // held by someone else: no way to tell, the spellings differ
        }

        using (held)
        {
            return !CanOpen(a) && !CanOpen(b);
        }
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                return true;
            }
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            return false;
        }
    }
}
