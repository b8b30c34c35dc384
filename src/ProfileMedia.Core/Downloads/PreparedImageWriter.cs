using System.IO;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Downloads;

/// <summary>Writes a prepared picture to disk for ConvertTo-ProfileImage, the one way files are written (<see cref="AtomicFile"/>).</summary>
internal static class PreparedImageWriter
{
    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> atomically: into a temporary file in the same folder,
    /// flushed to the disk and renamed onto the name when complete, so no reader ever sees half a file and a failure
    /// leaves nothing behind. Returns null, writing nothing, when the file exists and <paramref name="overwrite"/> is false.
    /// </summary>
    /// <exception cref="FileWriteException">
    /// The file could not be written: DiskFull, DestinationNotWritable, or DestinationIsSource when <paramref name="path"/>
    /// is <paramref name="source"/> itself by any name (<see cref="FileIdentity"/>): the photo is never replaced by its avatar.
    /// </exception>
    public static PreparedImage? Write(FittedImage image, string source, string path, bool overwrite)
    {
        string folder = Path.GetDirectoryName(path) ?? ".";
        if (FileIdentity.IsSameFile(source, path))
        {
            throw new FileWriteException(ErrorIds.DestinationIsSource, folder, "the destination " + MessageText.Quote(path) + " is the picture being prepared, "
                + MessageText.Quote(source) + (string.Equals(Path.GetFullPath(source), Path.GetFullPath(path), System.StringComparison.Ordinal) ? string.Empty : ", by another name (a link)")
                + "; nothing was written. Give another file name, or a folder");
        }

        using AtomicFile file = AtomicFile.Create(folder, Path.GetFileName(path), name => Path.Combine(folder, name), asynchronous: false);
        file.Write(image.Bytes);
        file.Finish(toDisk: true);
        return file.Commit(path, overwrite) ? Describe(image, source, path) : null;
    }

    private static PreparedImage Describe(FittedImage image, string source, string path) =>
        new PreparedImage(path, source, image.Target.Kind, image.SourceFormat, image.SourceWidth, image.SourceHeight, image.Crop.ToString(),
            image.Width, image.Height, image.Format, image.Quality, image.Bytes.Length);
}
