using System;
using System.Globalization;
using System.IO;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// The file side of one download attempt: a hidden temporary file in the destination folder, written as the body
/// arrives and renamed into place only when complete. Each step catches the file system's own failures and answers
/// them as "the file could not be written", so they are never taken for network failures; disposing it leaves
/// nothing behind however the attempt ended.
/// </summary>
internal sealed class PartialCopy : IDisposable
{
    private const int BufferSize = 81920;
    private readonly DownloadRequest _request;
    private string? _tempPath;
    private FileStream? _file;
    private bool _committed;

    public PartialCopy(DownloadRequest request) => _request = request;

    /// <summary>The bytes written so far.</summary>
    public long Received { get; private set; }

    /// <summary>The extension the bytes show, once known.</summary>
    public string? Extension { get; set; }

    /// <summary>Picks the temporary name; null when it could, else the failure.</summary>
    public AttemptResult? Prepare()
    {
        // Hidden (leading dot), random (concurrent downloads of one name never share it), and in the destination
        // folder so the final rename never crosses a volume.
        try
        {
            _tempPath = _request.Folder.PathOf(PartialFiles.NewName(_request.FileNameWithoutExtension));
            return null;
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return WriteFailed(e);
        }
    }

    /// <summary>Creates the temporary file; null when it could, else the failure.</summary>
    public AttemptResult? Create(CancellationToken cancellationToken)
    {
        try
        {
            // FileShare.None also locks the file on Unix: the stale-file sweep of another run leaves a locked file alone.
            _file = new FileStream(_tempPath!, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, useAsync: true);
            PartialFiles.Opened(_tempPath!);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsFileSystemError(e))
        {
            return WriteFailed(e);
        }
    }

    /// <summary>Appends <paramref name="count"/> bytes and reports them; null when it could, else the failure.</summary>
    public async Task<AttemptResult?> WriteAsync(byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            await _file!.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsFileSystemError(e))
        {
            return WriteFailed(e);
        }

        Received += count;
        _request.BytesReceived?.Invoke(count);
        return null;
    }

    /// <summary>
    /// Writes the file out, reads it back to check it is a complete image of the format its first bytes showed
    /// (<see cref="ImageSignature.IsComplete(Stream)"/>), and closes it; null when all is well, else the failure.
    /// </summary>
    public async Task<AttemptResult?> FinishAsync(int httpStatus, CancellationToken cancellationToken)
    {
        bool complete;
        try
        {
            await _file!.FlushAsync(cancellationToken).ConfigureAwait(false);
            _file.Position = 0;
            complete = ImageSignature.IsComplete(_file);
            _file.Dispose();
            _file = null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsFileSystemError(e))
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
        try
        {
            string finalPath = _request.Folder.PathOf(_request.FileNameWithoutExtension + Extension);
            if (!FileCommit.MoveIntoPlace(_tempPath!, finalPath, _request.Overwrite))
            {
                return AttemptResult.Exists(httpStatus, finalPath);
            }

            _committed = true;
            PartialFiles.Closed(_tempPath!);
            return AttemptResult.Saved(httpStatus, finalPath, Received);
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return WriteFailed(e);
        }
    }

    /// <summary>Unless committed: closes and deletes the temporary file, and takes its bytes back from the running total.</summary>
    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        if (_committed)
        {
            return;
        }

        if (_tempPath != null)
        {
            DestinationFolder.TryDelete(_tempPath);
            PartialFiles.Closed(_tempPath);
        }

        if (Received > 0)
        {
            _request.BytesReceived?.Invoke(-Received);
        }
    }

    /// <summary>The exceptions the file system throws for a file that cannot be written.</summary>
    public static bool IsFileSystemError(Exception e) =>
        e is IOException || e is UnauthorizedAccessException || e is SecurityException || e is NotSupportedException || e is ArgumentException;

    private static string FormatName(string? extension) => extension == null ? "known" : extension.Substring(1).ToUpperInvariant();

    private AttemptResult WriteFailed(Exception e) =>
        AttemptResult.Failure(null, "the file could not be written in " + _request.Folder + ": " + e.Message);
}
