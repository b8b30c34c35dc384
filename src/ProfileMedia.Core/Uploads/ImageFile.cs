using System;
using System.Globalization;
using System.IO;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Uploads;

/// <summary>
/// A local image checked before upload: it exists, is a regular file (not a device, FIFO or /proc file), is not empty, is GIF, JPEG or PNG by its first bytes (not its
/// name), is complete (its format's structure reaches its end marker; bytes after it do no harm) and is within the endpoint's size limit.
/// </summary>
internal sealed class ImageFile
{
    /// <summary>The largest profile image X accepts: 700 KB.</summary>
    public const long MaxProfileImageBytes = 716_800;

    /// <summary>The largest banner X accepts: 5 MB.</summary>
    public const long MaxBannerBytes = 5L * 1024 * 1024;

    private const string NotRegularMessage =
        "'{0}' is not a regular file (a device, a pipe, a socket or a virtual file such as those in /proc, whose size is not its content): a picture must be a regular file.";

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
        new ImageFile(sourcePath, prepared.Bytes.Length, prepared.Format, prepared.Bytes);

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>Its size in bytes when it was checked.</summary>
    public long Length { get; }

    /// <summary>The format its bytes show.</summary>
    public ImageFormat Format { get; }

    /// <summary>The media type to send it as.</summary>
    public string MediaType => Format.MediaType();

    /// <summary>A file name to send in the multipart part: fixed, so no local name (or its encoding) leaves the machine.</summary>
    public string UploadFileName => "image" + Format.Extension();

    /// <summary>
    /// The checks every picture read from disk passes first, whether it is uploaded as it is or prepared (-Fit,
    /// ConvertTo-ProfileImage): it exists, is not a directory, is a regular file (not a device, FIFO or /proc file,
    /// asked before it is opened: a FIFO would block the open, and a device reports no size but never ends), is not
    /// empty, and can be read. Returns the problem and a message naming the file; <paramref name="length"/> is its size.
    /// </summary>
    public static ImageProblem CheckFile(string path, out long length, out string message)
    {
        length = 0;
        try
        {
            if (Directory.Exists(path))
            {
                return Fail(ImageProblem.ImageFileIsDirectory, "'{0}' is a directory, not an image file.", path, out message);
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(ImageProblem.ImageFileNotFound, "The image file '{0}' does not exist.", path, out message);
            }

            FileKindResult kind = FileKind.Of(path);
            if (kind == FileKindResult.Special || (kind == FileKindResult.Regular && info.Length == 0 && HasContent(path)))
            {
                return Fail(ImageProblem.ImageFileNotRegular, NotRegularMessage, path, out message);
            }

            if (info.Length == 0)
            {
                return Fail(ImageProblem.ImageFileEmpty, "The image file '{0}' is empty.", path, out message);
            }

            length = info.Length;
            message = string.Empty;
            return ImageProblem.None;
        }
        catch (Exception e) when (IsReadError(e))
        {
            return Unreadable(path, e, out message);
        }
    }

    /// <summary>
    /// Checks the file at <paramref name="path"/> for upload as it is (<see cref="CheckFile"/>, then the size limit,
    /// the format and completeness); returns the problem, and a message naming the file and the limit.
    /// </summary>
    public static ImageProblem Inspect(string path, long maxBytes, out ImageFile? file, out string message)
    {
        file = null;
        ImageProblem problem = CheckFile(path, out long length, out message);
        if (problem != ImageProblem.None)
        {
            return problem;
        }

        try
        {
            if (length > maxBytes)
            {
                message = string.Format(CultureInfo.InvariantCulture, "The image file '{0}' is {1:N0} bytes; the limit is {2:N0} bytes.", MessageText.Escape(path), length, maxBytes);
                return ImageProblem.ImageFileTooLarge;
            }

            ImageFormat format;
            bool accepted;
            long end;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                byte[] header = new byte[ImageSignature.HeaderLength];
                format = ImageSignature.Detect(header, ReadFully(stream, header));
                accepted = format == ImageFormat.Gif || format == ImageFormat.Jpeg || format == ImageFormat.Png;
                stream.Position = 0;
                end = accepted ? ImageSignature.FindEnd(format, stream) : -1;
            }

            if (!accepted)
            {
                return Fail(ImageProblem.UnsupportedImageFormat, "The file '{0}' is not a GIF, JPEG or PNG image (judged by its content, not its name).", path, out message);
            }

            // Bytes after the end marker (padding, a motion photo's video) do no harm; a missing end marker means a cut.
            if (end < 0)
            {
                return Fail(ImageProblem.TruncatedImage, "The image file '{0}' is incomplete: its data ends before its format's end marker, so it was cut short or is damaged.", path, out message);
            }

            file = new ImageFile(System.IO.Path.GetFullPath(path), length, format);
            message = string.Empty;
            return ImageProblem.None;
        }
        catch (Exception e) when (IsReadError(e))
        {
            return Unreadable(path, e, out message);
        }
    }

    /// <summary>Opens the file (or the prepared bytes) for streaming into a request; a fresh stream per attempt.</summary>
    public Stream OpenRead() => _prepared != null ? new MemoryStream(_prepared, writable: false) : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);

    private static bool IsReadError(Exception e) =>
        e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException;

    private static ImageProblem Unreadable(string path, Exception e, out string message) =>
        Fail(ImageProblem.ImageFileUnreadable, "The image file '{0}' cannot be read: " + MessageText.Reason(e).Replace("{", "{{").Replace("}", "}}"), path, out message);

    private static ImageProblem Fail(ImageProblem problem, string format, string path, out string message)
    {
        message = string.Format(CultureInfo.InvariantCulture, format, MessageText.Escape(path));
        return problem;
    }

    // A regular file that says it is empty but is not: procfs and sysfs files report size 0 and make their content
    // when read. Reading one byte of a regular file cannot block.
    private static bool HasContent(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        return stream.ReadByte() >= 0;
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
