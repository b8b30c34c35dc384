using System;
using System.IO;
using ProfileMedia.Core.Fitting;

namespace ProfileMedia.Core.Downloads;

/// <summary>Writes a prepared picture to disk for ConvertTo-ProfileImage.</summary>
internal static class PreparedImageWriter
{
    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> atomically: into a temporary file in the same folder,
    /// renamed onto the name when complete, so no reader ever sees half a file and a failure leaves nothing behind.
    /// Returns null, writing nothing, when the file exists and <paramref name="overwrite"/> is false.
    /// </summary>
    public static PreparedImage? Write(FittedImage image, string source, string path, bool overwrite)
    {
        string directory = System.IO.Path.GetDirectoryName(path) ?? ".";
        string temporary = System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(image.Bytes, 0, image.Bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            return FileCommit.MoveIntoPlace(temporary, path, overwrite) ? new PreparedImage(path, source, image) : null;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
