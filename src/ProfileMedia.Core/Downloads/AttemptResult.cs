using System;
using System.Globalization;

namespace ProfileMedia.Core.Downloads;

/// <summary>How one request went; <see cref="MediaDownloader"/> retries the retryable ones and turns the last into a <see cref="MediaSaveResult"/>.</summary>
internal sealed class AttemptResult
{
    private AttemptResult(DownloadStatus status, bool retryable, string? path, long bytes, int? httpStatus, string reason, TimeSpan? retryAfter, string? errorId = null)
    {
        ErrorId = errorId;
        Status = status;
        Retryable = retryable;
        Path = path;
        Bytes = bytes;
        HttpStatus = httpStatus;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    public DownloadStatus Status { get; }

    /// <summary>True for a transient failure: 5xx, 408, 429, a dropped connection, a truncated body, a time-out.</summary>
    public bool Retryable { get; }

    public string? Path { get; }

    public long Bytes { get; }

    public int? HttpStatus { get; }

    /// <summary>What went wrong, as a clause: "HTTP 500 (InternalServerError)".</summary>
    public string Reason { get; }

    /// <summary>A more specific error id than the status gives (a folder in the way), or null.</summary>
    public string? ErrorId { get; }

    /// <summary>The wait the host asked for (Retry-After), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    public static AttemptResult Saved(int httpStatus, string path, long bytes) =>
        new AttemptResult(DownloadStatus.Saved, false, path, bytes, httpStatus, string.Empty, null);

    public static AttemptResult Exists(int? httpStatus, string path) =>
        new AttemptResult(DownloadStatus.Exists, false, path, DestinationFolder.LengthOf(path), httpStatus, string.Empty, null);

    public static AttemptResult Outdated(int httpStatus, string reason) =>
        new AttemptResult(DownloadStatus.Outdated, false, null, 0, httpStatus, reason, null);

    public static AttemptResult Failure(int? httpStatus, string reason, string? errorId = null) =>
        new AttemptResult(DownloadStatus.Failed, false, null, 0, httpStatus, reason, null, errorId);

    public static AttemptResult Transient(int? httpStatus, string reason, TimeSpan? retryAfter = null) =>
        new AttemptResult(DownloadStatus.Failed, true, null, 0, httpStatus, reason, retryAfter);

    public MediaSaveResult ToOutcome(string url, int attempts)
    {
        // Quoted and shortened like every URL in a message (a 100 KB URL must not flood the console), without credentials.
        string shown = Text.UrlText.Shown(url);
        string message;
        switch (Status)
        {
            case DownloadStatus.Saved:
                message = string.Format(CultureInfo.InvariantCulture, "Saved {0} to {1} ({2} bytes).", shown, Path, Bytes);
                break;
            case DownloadStatus.Exists:
                message = string.Format(CultureInfo.InvariantCulture, "{0} already exists; {1} was not saved again because overwriting was not requested.", Path, shown);
                break;
            case DownloadStatus.Outdated:
                message = string.Format(CultureInfo.InvariantCulture,
                    "{0} answered {1}: the media host answers this for a URL that is no longer current (the image was changed); refresh the URL and try again.", shown, Reason);
                break;
            default:
                message = string.Format(CultureInfo.InvariantCulture, "Could not download {0}: {1}{2}.", shown, Reason,
                    attempts > 1 ? string.Format(CultureInfo.InvariantCulture, " (after {0} attempts)", attempts) : string.Empty);
                break;
        }

        return new MediaSaveResult(Status, url, Path, Bytes, HttpStatus, message, attempts, ErrorId);
    }
}
