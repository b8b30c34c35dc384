using System.IO;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Fitting;

/// <summary>Writes a prepared picture to disk for ConvertTo-ProfileImage, the one way files are written (<see cref="AtomicFile"/>).</summary>
internal static class PreparedImageWriter
{
    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> atomically: into a temporary file in the same folder,
    /// flushed to the disk and renamed onto the name when complete, so no reader ever sees half a file and a failure
    /// leaves nothing behind. Returns null, writing nothing, when the file exists and <paramref name="overwrite"/> is false.
    /// </summary>
    /// <exception cref="FileWriteException">The file could not be written: DiskFull, or DestinationNotWritable.</exception>
    public static PreparedImage? Write(FittedImage image, string source, string path, bool overwrite)
    {
        string folder = Path.GetDirectoryName(path) ?? ".";
        using AtomicFile file = AtomicFile.Create(folder, Path.GetFileName(path), name => Path.Combine(folder, name), asynchronous: false);
        file.Write(image.Bytes);
        file.Finish(toDisk: true);
        return file.Commit(path, overwrite) ? new PreparedImage(path, source, image) : null;
    }
}
