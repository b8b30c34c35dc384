using System;
using System.Globalization;
using System.IO;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Uploads;

/// <summary>
/// A local image checked before upload: it exists, is not empty, is GIF, JPEG or PNG by its first bytes (not its
/// name), is complete (its format's end marker is there) and is within the endpoint's size limit.
/// </summary>
internal sealed class ImageFile
{
    /// <summary>The largest profile image X accepts: 700 KB.</summary>
    public const long MaxProfileImageBytes = 716_800;

    /// <summary>The largest banner X accepts: 5 MB.</summary>
    public const long MaxBannerBytes = 5L * 1024 * 1024;

    private const int HeaderLength = 16;
    private const int TrailerLength = 16;

    private readonly byte[]? _prepared;

    private ImageFile(string path, long length, ImageFormat format, byte[]? prepared = null)
    {
        Path = path;
        Length = length;
        Format = format;
        _prepared = prepared;
    }

    /// <summary>A picture prepared in memory (-Fit): uploaded from its bytes; <see cref="Path"/> names its source.</summary>
    public static ImageFile FromPrepared(string sourcePath, Fitting.FittedImage prepared) =>
        new ImageFile(sourcePath, prepared.Bytes.Length, prepared.Format == "PNG" ? ImageFormat.Png : ImageFormat.Jpeg, prepared.Bytes);

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>Its size in bytes when it was checked.</summary>
    public long Length { get; }

    /// <summary>The format its bytes show.</summary>
    public ImageFormat Format { get; }

    /// <summary>The media type to send it as.</summary>
    public string MediaType => Format == ImageFormat.Gif ? "image/gif" : Format == ImageFormat.Jpeg ? "image/jpeg" : "image/png";

    /// <summary>A file name to send in the multipart part: fixed, so no local name (or its encoding) leaves the machine.</summary>
    public string UploadFileName => Format == ImageFormat.Gif ? "image.gif" : Format == ImageFormat.Jpeg ? "image.jpg" : "image.png";

    /// <summary>Checks the file at <paramref name="path"/>; returns the problem, and a message naming the file and the limit.</summary>
    public static ImageFileProblem Inspect(string path, long maxBytes, out ImageFile? file, out string message)
    {
        file = null;
        try
        {
            if (Directory.Exists(path))
            {
                return Fail(ImageFileProblem.ImageFileIsDirectory, "'{0}' is a directory, not an image file.", path, out message);
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(ImageFileProblem.ImageFileNotFound, "The image file '{0}' does not exist.", path, out message);
            }

            if (info.Length == 0)
            {
                return Fail(ImageFileProblem.ImageFileEmpty, "The image file '{0}' is empty.", path, out message);
            }

            if (info.Length > maxBytes)
            {
                message = string.Format(CultureInfo.InvariantCulture, "The image file '{0}' is {1:N0} bytes; the limit is {2:N0} bytes.", path, info.Length, maxBytes);
                return ImageFileProblem.ImageFileTooLarge;
            }

            byte[] header = new byte[HeaderLength];
            byte[] trailer = new byte[TrailerLength];
            int headerRead;
            int trailerRead;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096))
            {
                headerRead = ReadFully(stream, header);
                stream.Seek(Math.Max(0, info.Length - TrailerLength), SeekOrigin.Begin);
                trailerRead = ReadFully(stream, trailer);
            }

            ImageFormat format = ImageSignature.Detect(header, headerRead);
            if (format == ImageFormat.Unknown)
            {
                return Fail(ImageFileProblem.UnsupportedImageFormat, "The file '{0}' is not a GIF, JPEG or PNG image (judged by its content, not its name).", path, out message);
            }

            if (!ImageSignature.HasEndMarker(format, trailer, trailerRead))
            {
                return Fail(ImageFileProblem.TruncatedImage, "The image file '{0}' is incomplete: it ends before its format's end marker.", path, out message);
            }

            file = new ImageFile(info.FullName, info.Length, format);
            message = string.Empty;
            return ImageFileProblem.None;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
        {
            return Fail(ImageFileProblem.ImageFileUnreadable, "The image file '{0}' cannot be read: " + e.Message, path, out message);
        }
    }

    /// <summary>Opens the file (or the prepared bytes) for streaming into a request; a fresh stream per attempt.</summary>
    public Stream OpenRead() => _prepared != null ? new MemoryStream(_prepared, writable: false) : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);

    private static ImageFileProblem Fail(ImageFileProblem problem, string format, string path, out string message)
    {
        message = string.Format(CultureInfo.InvariantCulture, format, path);
        return problem;
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        int total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total;
    }
}
