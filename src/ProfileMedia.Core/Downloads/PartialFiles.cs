using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// The temporary files downloads write before the rename: their names, the ones this process has open, and the
/// stale ones a killed process left behind. A partial file must never outlive its download, however the run ends:
/// a stopped pipeline deletes its own (<see cref="PartialCopy"/>); SIGTERM, SIGHUP and a process exit are answered
/// here by deleting the ones still open; what a harder kill (SIGKILL, a power cut) leaves is swept by the next run
/// into that folder.
/// </summary>
internal static class PartialFiles
{
    private const string Suffix = ".partial";
    private const int IdLength = 32; // a Guid in "N" form

    // A stale file is one no live download holds (the lock test) and that nothing has written for a while: the lock
    // is the real test of ownership; the age covers the instant between creating a file and locking it.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private static readonly ConcurrentDictionary<string, byte> Open = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

    static PartialFiles()
    {
        // Downloads still running when the process is told to end are abandoned with it, so their files go now.
        // Deleting an open file is allowed on Unix, where the signals are sent.
        TerminationSignals.OnTerminate(DeleteOpen);
    }

    /// <summary>A new hidden, unique temporary name for <paramref name="stem"/>: <c>.Stem.0123...cdef.partial</c>.</summary>
    public static string NewName(string stem) => "." + stem + "." + Guid.NewGuid().ToString("N") + Suffix;

    /// <summary>True for a name <see cref="NewName"/> could have made; no other file is ever swept.</summary>
    public static bool IsPartialName(string name)
    {
        // "." + stem + "." + 32 hex digits + ".partial"
        int idStart = name.Length - Suffix.Length - IdLength;
        if (name.Length < 1 + 1 + 1 + IdLength + Suffix.Length || name[0] != '.' || !name.EndsWith(Suffix, StringComparison.Ordinal) || name[idStart - 1] != '.')
        {
            return false;
        }

        for (int i = idStart; i < idStart + IdLength; i++)
        {
            char c = name[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return MediaFileName.IsSafeStem(name.Substring(1, idStart - 2));
    }

    /// <summary>Notes a temporary file as open by a download of this process, until <see cref="Closed"/>.</summary>
    public static void Opened(string path) => Open.TryAdd(path, 0);

    /// <summary>The download is done with the file (renamed or deleted).</summary>
    public static void Closed(string path) => Open.TryRemove(path, out _);

    /// <summary>
    /// Deletes the temporary files of this module in <paramref name="folder"/> that no live download owns (one that is
    /// not locked, and not written for a minute) and returns their names. Other files are never touched, whatever
    /// they are called; a file that cannot be examined is left.
    /// </summary>
    public static IReadOnlyList<string> SweepStale(string folder)
    {
        var removed = new List<string>();
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(folder, "*" + Suffix);
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            return removed;
        }

        DateTime cutoff = DateTime.UtcNow - StaleAfter;
        foreach (string path in candidates)
        {
            string name = Path.GetFileName(path);
            if (IsPartialName(name) && !Open.ContainsKey(path) && IsStale(path, cutoff))
            {
                removed.Add(name);
            }
        }

        return removed;
    }

    private static bool IsStale(string path, DateTime cutoff)
    {
        try
        {
            if (File.GetLastWriteTimeUtc(path) > cutoff || (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0)
            {
                return false;
            }

            // A live download holds its file with FileShare.None (an exclusive lock on Unix too), so this open fails
            // for it. Deleting while holding the lock means no download can take the file in between.
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                return true;
            }
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            return false; // locked, gone meanwhile, or not ours to open
        }
    }

    private static void DeleteOpen()
    {
        foreach (string path in Open.Keys)
        {
            DestinationFolder.TryDelete(path);
        }
    }
}
