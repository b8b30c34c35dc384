using System;
using System.IO;
using System.Runtime.InteropServices;
using ProfileMedia.Core.Platform;

namespace ProfileMedia.Core.Downloads;

/// <summary>Moves a finished temporary file onto its final name in one step, so a reader sees the old file or the new one, never half of one.</summary>
internal static class FileCommit
{
    /// <summary>
    /// Renames <paramref name="source"/> to <paramref name="destination"/> (both in one folder). Without
    /// <paramref name="overwrite"/>: false, and nothing moved, when the destination exists — the existence check and
    /// the new name are one atomic step even against a concurrent writer (see <see cref="MoveUnlessTaken"/>).
    /// With it: one rename that replaces the destination (File.Move with overwrite; on .NET Framework, which lacks that
    /// overload, File.Replace when the destination exists, else File.Move, and a destination that appears between the
    /// check and the move is replaced). A symbolic link at the destination, even one whose target is missing, is itself
    /// replaced, never written through: its target may lie anywhere.
    /// </summary>
    public static bool MoveIntoPlace(string source, string destination, bool overwrite)
    {
        if (!overwrite)
        {
            return MoveUnlessTaken(source, destination);
        }

#if NET
        File.Move(source, destination, overwrite: true);
        return true;
#else
        return MoveReplacing(source, destination);
#endif
    }

#if !NET
    private static bool MoveReplacing(string source, string destination)
    {
        for (int tries = 1; ; tries++)
        {
            if (DestinationFolder.IsLink(destination))
            {
                // A link (dangling or not) is replaced by the file, never written through: its target may lie anywhere.
                File.Delete(destination);
            }
            else if (File.Exists(destination))
            {
                Replace(source, destination);
                return true;
            }

            try
            {
                File.Move(source, destination);
                return true;
            }
            catch (IOException) when (tries < 3 && DestinationFolder.IsOccupied(destination))
            {
                // Another download of the same name finished first: go round and replace it.
            }
        }
    }

    private static void Replace(string source, string destination)
    {
        try
        {
            // One rename on NTFS: the old file stays until the new one takes its name.
            File.Replace(source, destination, null, ignoreMetadataErrors: true);
        }
        catch (PlatformNotSupportedException)
        {
            // A file system without replace: delete then move leaves a short window with no file, but never a partial one.
            File.Delete(destination);
            File.Move(source, destination);
        }
    }
#endif

    // File.Move without overwrite is atomic on Windows (MoveFileEx), but on Unix .NET checks that the destination is
    // missing (lstat) and then calls rename(), which replaces: two downloads of one name can both pass the check, and
    // the second silently replaces the first while both report Saved. link() makes the new name only if it is free,
    // in one step; the temporary name is removed afterwards. Where links are refused (FAT, some shares) or the
    // runtime's native shim is not available (UnixNative's fallback), File.Move is the best there is.
    private static bool MoveUnlessTaken(string source, string destination)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            if (UnixNative.Shared.TryLink(source, destination))
            {
                DestinationFolder.TryDelete(source);
                return true;
            }

            if (DestinationFolder.IsOccupied(destination))
            {
                return false;
            }
        }

        try
        {
            File.Move(source, destination);
            return true;
        }
        catch (IOException) when (DestinationFolder.IsOccupied(destination))
        {
            return false;
        }
    }
}
