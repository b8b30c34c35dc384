using System;
using System.IO;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// The folder downloads go to, made once per run, and the paths inside it. Every path is checked to lie directly
/// inside the folder: the names are already safe (<see cref="MediaFileName"/>), this is defence in depth against a
/// rule being loosened one day.
/// </summary>
internal sealed class DestinationFolder
{
    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    // Windows file systems ignore case; elsewhere two spellings are two folders.
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Creates the folder when missing (IO exceptions when it cannot be made).</summary>
    /// <param name="path">An absolute path: resolve PowerShell paths first, the process's current directory is not $PWD.</param>
    public DestinationFolder(string path)
    {
        if (path == null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!Path.IsPathRooted(path))
        {
            throw new ArgumentException("The destination folder must be an absolute path.", nameof(path));
        }

        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        FullPath = full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || full.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? full
            : full + Path.DirectorySeparatorChar;
    }

    /// <summary>The folder's full path, ending in a separator.</summary>
    public string FullPath { get; }

    /// <summary>The full path of <paramref name="fileName"/> in the folder; an IOException when it would land anywhere else.</summary>
    public string PathOf(string fileName)
    {
        string full = Path.GetFullPath(Path.Combine(FullPath, fileName));
        if (full.Length <= FullPath.Length || !full.StartsWith(FullPath, PathComparison) || full.IndexOfAny(Separators, FullPath.Length) >= 0)
        {
            throw new IOException("The file name '" + fileName + "' resolves outside the folder " + FullPath + ".");
        }

        return full;
    }

    /// <inheritdoc />
    public override string ToString() => FullPath;

    /// <summary>
    /// The file a download would produce, when one is already there: the name with <paramref name="extension"/> when
    /// the URL gave one, else the name with any image extension (a banner saved on an earlier run).
    /// </summary>
    public string? FindExisting(string stem, string? extension)
    {
        string[] candidates = extension != null
            ? new[] { extension }
            : new[] { ImageExtension.Jpeg, ImageExtension.Png, ImageExtension.Gif, ImageExtension.WebP };
        foreach (string candidate in candidates)
        {
            string path = PathOf(stem + candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The length of a file, or 0 when it cannot be read (it may be gone already).</summary>
    public static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Deletes a file, quietly: used on the way out of a failure, where the failure is what to report.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            // Nothing better to do: the partial name is hidden and random, and the original failure is what matters.
        }
    }
}
