using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// The file side of one download attempt: an <see cref="AtomicFile"/> in the destination folder, written as the body
/// arrives and renamed into place only when complete. Each step answers the file system's own failures as "the file
/// could not be written" (or "the disk is full"), so they are never taken for network failures; disposing it leaves
/// nothing behind however the attempt ended.
/// </summary>
internal sealed class PartialCopy : IDisposable
{
    private readonly DownloadRequest _request;
    private AtomicFile? _file;

    public PartialCopy(DownloadRequest request) => _request = request;

    /// <summary>The bytes written so far.</summary>
    public long Received => _file?.Length ?? 0;

    /// <summary>The extension the bytes show, once known.</summary>
    public string? Extension { get; set; }

    /// <summary>Creates the temporary file; null when it could, else the failure.</summary>
    public AttemptResult? Create(CancellationToken cancellationToken)
    {
        try
        {
            // Hidden (leading dot), random (concurrent downloads of one name never share it), and in the destination
            // folder so the final rename never crosses a volume.
            _file = AtomicFile.Create(_request.Folder.FullPath, _request.FileNameWithoutExtension, _request.Folder.PathOf, asynchronous: true);
            return null;
        }
        catch (FileWriteException e) when (!cancellationToken.IsCancellationRequested)
        {
            return WriteFailed(e);
        }
    }

    /// <summary>Appends <paramref name="count"/> bytes and reports them; null when it could, else the failure.</summary>
    public async Task<AttemptResult?> WriteAsync(byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            await _file!.WriteAsync(buffer, count, cancellationToken).ConfigureAwait(false);
        }
        catch (FileWriteException e) when (!cancellationToken.IsCancellationRequested)
        {
            return WriteFailed(e);
        }

        _request.BytesReceived?.Invoke(count);
        return null;
    }

    /// <summary>
    /// Writes the file out and reads it back to check it is a complete image of the format its first bytes showed
    /// (<see cref="ImageSignature.IsComplete(Stream)"/>); null when all is well, else the failure.
    /// </summary>
    public AttemptResult? Finish(int httpStatus, CancellationToken cancellationToken)
    {
        bool complete;
        try
        {
            complete = _file!.Finish(toDisk: false, ImageSignature.IsComplete);
        }
        catch (FileWriteException e) when (!cancellationToken.IsCancellationRequested)
        {
            return WriteFailed(e);
        }

        // Not retried: a host that serves a cut or disguised image does it again, and the answer was read in full.
        return complete ? null : AttemptResult.Failure(httpStatus, string.Format(CultureInfo.InvariantCulture,
            "the answer ({0} bytes) starts like a {1} image but is not a complete one", Received, FormatName(Extension)));
    }

    /// <summary>Renames the complete file into place: Saved, or Exists when another file took the name meanwhile.</summary>
    public AttemptResult Commit(int httpStatus)
    {
        string finalPath;
        try
        {
            finalPath = _request.Folder.PathOf(_request.FileNameWithoutExtension + Extension);
        }
        catch (IOException e)
        {
            return WriteFailed(WriteFailure.Describe(e, _request.Folder.FullPath));
        }

        try
        {
            long length = _file!.Length;
            return _file.Commit(finalPath, _request.Overwrite) ? AttemptResult.Saved(httpStatus, finalPath, length) : AttemptResult.Exists(httpStatus, finalPath);
        }
        catch (FileWriteException e)
        {
            return WriteFailed(e);
        }
    }

    /// <summary>Unless committed: deletes the temporary file, and takes its bytes back from the running total.</summary>
    public void Dispose()
    {
        if (_file == null)
        {
            return;
        }

        bool saved = _file.Committed;
        long received = _file.Length;
        _file.Dispose();
        if (!saved && received > 0)
        {
            _request.BytesReceived?.Invoke(-received);
        }
    }

    private static string FormatName(string? extension) => extension == null ? "known" : extension.Substring(1).ToUpperInvariant();

    private static AttemptResult WriteFailed(FileWriteException e) => AttemptResult.Failure(null, e.Clause, e.ErrorId);
}
