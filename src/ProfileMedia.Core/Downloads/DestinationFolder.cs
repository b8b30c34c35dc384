using System;
using System.IO;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Resolves the folder downloads go to and the paths inside it. Every path is checked to lie directly inside the
/// folder: the names are already safe (<see cref="MediaFileName"/>), this is defence in depth against a rule being
/// loosened one day.
/// </summary>
internal static class DestinationFolder
{
    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    // Windows file systems ignore case; elsewhere two spellings are two folders.
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Creates the folder when missing; returns its full path ending in a separator.</summary>
    public static string Prepare(string folder)
    {
        string full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || full.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? full
            : full + Path.DirectorySeparatorChar;
    }

    /// <summary>The full path of <paramref name="fileName"/> in the folder; an IOException when it would land anywhere else.</summary>
    public static string PathOf(string folder, string fileName)
    {
        string full = Path.GetFullPath(Path.Combine(folder, fileName));
        if (full.Length <= folder.Length || !full.StartsWith(folder, PathComparison) || full.IndexOfAny(Separators, folder.Length) >= 0)
        {
            throw new IOException("The file name '" + fileName + "' resolves outside the folder " + folder + ".");
        }

        return full;
    }

    /// <summary>
    /// The file a download would produce, when one is already there: the name with <paramref name="extension"/> when
    /// the URL gave one, else the name with any image extension (a banner saved on an earlier run).
    /// </summary>
    public static string? FindExisting(string folder, string stem, string? extension)
    {
        string[] candidates = extension != null
            ? new[] { extension }
            : new[] { ImageExtension.Jpeg, ImageExtension.Png, ImageExtension.Gif, ImageExtension.WebP };
        foreach (string candidate in candidates)
        {
            string path = PathOf(folder, stem + candidate);
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
