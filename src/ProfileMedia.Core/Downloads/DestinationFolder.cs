using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
    private static readonly string[] ImageExtensions = { ImageExtension.Jpeg, ImageExtension.Png, ImageExtension.Gif, ImageExtension.WebP };

    // Windows file systems ignore case; elsewhere two spellings are two folders.
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly ConcurrentDictionary<string, string> _claims = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

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
    /// The file a download of <paramref name="stem"/> would produce, when one is already there: the name with the URL's
    /// <paramref name="extension"/> first, then with any image extension, since the bytes name the file and may show
    /// another format than the URL (or there is no extension: banners). A symbolic link counts, even a dangling one.
    /// </summary>
    public string? FindExisting(string stem, string? extension)
    {
        foreach (string path in Candidates(stem, extension))
        {
            if (IsOccupied(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>A folder at a name a download of <paramref name="stem"/> could take, or null: no file can be saved there, even with -Force.</summary>
    public string? FindFolderInTheWay(string stem, string? extension)
    {
        foreach (string path in Candidates(stem, extension))
        {
            if (Directory.Exists(path) && !IsLink(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// Reserves <paramref name="stem"/> for <paramref name="owner"/> (the URL asked for) for the rest of the run: false
    /// when another owner holds it, so two inputs whose safe names collide (@a.b and @a/b) never overwrite each other.
    /// Case is ignored: screen names are, and so are the file systems of Windows and macOS.
    /// </summary>
    public bool Claim(string stem, string owner, out string holder)
    {
        holder = _claims.GetOrAdd(stem, owner);
        return string.Equals(holder, owner, StringComparison.Ordinal);
    }

    /// <summary>True when the path is a symbolic link (or another reparse point), whether or not its target exists.</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            return false;
        }
    }

    /// <summary>True when a file or a link (dangling or not, to a file or a folder) has the name: what -Force replaces.</summary>
    public static bool IsOccupied(string path) => IsLink(path) || File.Exists(path);

    private IEnumerable<string> Candidates(string stem, string? extension)
    {
        if (extension != null)
        {
            yield return PathOf(stem + extension);
        }

        foreach (string other in ImageExtensions)
        {
            if (!string.Equals(other, extension, StringComparison.Ordinal))
            {
                yield return PathOf(stem + other);
            }
        }
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
