using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// The one way a file is written, for downloads and prepared pictures alike: into a hidden temporary file beside its
/// final name (<see cref="PartialFiles.NewName"/>, deleted by <see cref="PartialFiles"/> if the process is told to
/// end), flushed, and renamed onto the final name only when complete (<see cref="FileCommit"/>). Every failure of the
/// file system is a <see cref="FileWriteException"/> naming the folder (<see cref="WriteFailure.Describe"/>: a full
/// disk is DiskFull). Disposing it deletes the temporary file unless it was committed, whatever failed before: at
/// write, at flush or at close.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _folder;
    private FileStream? _stream;
    private bool _committed;

    private AtomicFile(string folder, string temporaryPath, FileStream stream)
    {
        _folder = folder;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>The temporary file's full path.</summary>
    public string TemporaryPath { get; }

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>True once the file has its final name.</summary>
    public bool Committed => _committed;

    /// <summary>
    /// Creates a new temporary file for <paramref name="finalName"/> in <paramref name="folder"/> (which must exist);
    /// <paramref name="pathOf"/> turns the temporary name into a full path (a download checks it stays in its folder).
    /// </summary>
    /// <exception cref="FileWriteException">The file cannot be created.</exception>
    public static AtomicFile Create(string folder, string finalName, Func<string, string> pathOf, bool asynchronous)
    {
        try
        {
            string path = pathOf(PartialFiles.NewName(finalName));

            // Unbuffered (buffer size 1): every write reaches the system at once, so a full disk fails the write that
            // filled it, and closing has nothing left to flush (a buffered stream flushes in Dispose, throws there on a
            // full disk, and a delete after it never ran). FileShare.None also locks the file on Unix: the stale-file
            // sweep of another run leaves a locked file alone.
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, asynchronous);
            PartialFiles.Opened(path);
            return new AtomicFile(folder, path, stream);
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            // Nothing to delete: CreateNew either made the file and opened it, or made nothing.
            throw WriteFailure.Describe(e, folder);
        }
    }

    /// <summary>Appends <paramref name="count"/> bytes of <paramref name="buffer"/>.</summary>
    /// <exception cref="FileWriteException">They could not be written.</exception>
    public async Task WriteAsync(byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            await Stream.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e) && !(e is ObjectDisposedException && cancellationToken.IsCancellationRequested))
        {
            throw WriteFailure.Describe(e, _folder);
        }

        Length += count;
    }

    /// <summary>Writes all of <paramref name="bytes"/>.</summary>
    /// <exception cref="FileWriteException">They could not be written.</exception>
    public void Write(byte[] bytes)
    {
        try
        {
            Stream.Write(bytes, 0, bytes.Length);
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            throw WriteFailure.Describe(e, _folder);
        }

        Length += bytes.Length;
    }

    /// <summary>
    /// Flushes what was written; with <paramref name="toDisk"/> to the device too (fsync), where some file systems
    /// (network shares) only now say the disk is full. Then runs <paramref name="check"/> over the content from its
    /// first byte, when given, and returns its answer (true without one).
    /// </summary>
    /// <exception cref="FileWriteException">The flush or the read back failed.</exception>
    public bool Finish(bool toDisk, Func<Stream, bool>? check = null)
    {
        try
        {
            Stream.Flush(toDisk);
            if (check == null)
            {
                return true;
            }

            Stream.Position = 0;
            return check(Stream);
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            throw WriteFailure.Describe(e, _folder);
        }
    }

    /// <summary>
    /// Closes the file and renames it onto <paramref name="finalPath"/> (in the same folder): true when it took the
    /// name, false when the name is taken and <paramref name="overwrite"/> is false (the temporary file then goes on
    /// <see cref="Dispose"/>).
    /// </summary>
    /// <exception cref="FileWriteException">The file could not be closed or renamed.</exception>
    public bool Commit(string finalPath, bool overwrite)
    {
        try
        {
            FileStream stream = Stream;
            _stream = null;
            stream.Dispose();
            if (!FileCommit.MoveIntoPlace(TemporaryPath, finalPath, overwrite))
            {
                return false;
            }
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            throw WriteFailure.Describe(e, _folder);
        }

        _committed = true;
        PartialFiles.Closed(TemporaryPath);
        return true;
    }

    /// <summary>Unless committed: closes the file, ignoring any failure to, and deletes it.</summary>
    public void Dispose()
    {
        FileStream? stream = _stream;
        _stream = null;
        try
        {
            stream?.Dispose();
        }
        catch (Exception e) when (WriteFailure.IsFileSystemError(e))
        {
            // The failure that brought us here is what is reported; the file goes below either way.
        }

        if (!_committed)
        {
            DestinationFolder.TryDelete(TemporaryPath);
            PartialFiles.Closed(TemporaryPath);
        }
    }

    private FileStream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));
}
