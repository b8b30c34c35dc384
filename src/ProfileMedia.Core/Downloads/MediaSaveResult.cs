using System;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// How saving one file ended: what <see cref="MediaDownloader.DownloadAsync"/> gives for one URL, and what
/// <see cref="MediaSaver.SaveAsync"/> gives for one request once refreshes and fallbacks are done.
/// </summary>
internal sealed class MediaSaveResult
{
    /// <summary>
    /// Creates the downloader's result; <see cref="For"/> adds what the saver knows. The error id is
    /// <paramref name="errorId"/> when given (a more specific one), else the status's own.
    /// </summary>
    public MediaSaveResult(DownloadStatus status, string url, string? path, long bytes, int? httpStatus, string message, int attempts, string? errorId = null)
        : this(status, url, path, bytes, httpStatus, message, attempts, errorId ?? ErrorIdOf(status), null, null, false, AdviceKind.None)
    {
    }

    private MediaSaveResult(DownloadStatus status, string url, string? path, long bytes, int? httpStatus, string message, int attempts,
        string? errorId, MediaRequest? request, string? savedSize, bool refreshed, AdviceKind advice)
    {
        Advice = advice;
        Status = status;
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Path = path;
        Bytes = bytes;
        HttpStatus = httpStatus;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Attempts = attempts;
        ErrorId = errorId;
        Request = request;
        SavedSize = savedSize;
        Refreshed = refreshed;
    }

    /// <summary>Saved, Exists (left alone), Outdated (no current URL could be found) or Failed.</summary>
    public DownloadStatus Status { get; }

    /// <summary>The URL the file came from (after any refresh or fallback), as given.</summary>
    public string Url { get; }

    /// <summary>The full path of the file: the saved file when Saved, the file already there when Exists, else null.</summary>
    public string? Path { get; }

    /// <summary>The file's length in bytes when Saved or Exists, else 0.</summary>
    public long Bytes { get; }

    /// <summary>The HTTP status of the last answer; null when no answer came (no request, dropped connection, time-out).</summary>
    public int? HttpStatus { get; }

    /// <summary>One sentence naming the URL and what happened, for the verbose stream or an error record.</summary>
    public string Message { get; }

    /// <summary>What the cmdlets add after <see cref="Message"/> when it did not save (connect, say, so an outdated URL can be refreshed).</summary>
    public AdviceKind Advice { get; }

    /// <summary>How many requests were made: 0 when none was needed (Exists before asking, an invalid URL).</summary>
    public int Attempts { get; }

    /// <summary>The error id when it did not save: FileExists, MediaUrlOutdated, DownloadFailed, RefreshFailed.</summary>
    public string? ErrorId { get; }

    /// <summary>What was asked for, when the result came from <see cref="MediaSaver"/>.</summary>
    public MediaRequest? Request { get; }

    /// <summary>The size actually saved, when the result came from <see cref="MediaSaver"/>: differs from the request's when -Fallback stepped down.</summary>
    public string? SavedSize { get; }

    /// <summary>True when the URL was outdated and was derived again from users/show.</summary>
    public bool Refreshed { get; }

    /// <summary>This result as the saver reports it for <paramref name="request"/>; an id of an outdated URL makes it Outdated.</summary>
    public MediaSaveResult For(MediaRequest request, string savedSize, string? errorId, string message, bool refreshed, AdviceKind advice = AdviceKind.None) =>
        new MediaSaveResult(errorId == ErrorIds.RefreshFailed || errorId == ErrorIds.MediaUrlOutdated ? DownloadStatus.Outdated : Status,
            Url, Path, Bytes, HttpStatus, message, Attempts, errorId, request, savedSize, refreshed, advice);

    /// <inheritdoc />
    public override string ToString() => Message;

    private static string? ErrorIdOf(DownloadStatus status) => status switch
    {
        DownloadStatus.Saved => null,
        DownloadStatus.Exists => ErrorIds.FileExists,
        DownloadStatus.Outdated => ErrorIds.MediaUrlOutdated,
        _ => ErrorIds.DownloadFailed,
    };
}
