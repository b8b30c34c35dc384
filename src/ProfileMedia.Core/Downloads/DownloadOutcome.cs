using System;

namespace ProfileMedia.Core.Downloads;

/// <summary>What one <see cref="MediaDownloader.DownloadAsync"/> call did.</summary>
internal sealed class DownloadOutcome
{
    /// <summary>Creates an outcome; the downloader makes these, the cmdlet reads them.</summary>
    public DownloadOutcome(DownloadStatus status, string url, string? path, long bytes, int? httpStatus, string message, int attempts)
    {
        Status = status;
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Path = path;
        Bytes = bytes;
        HttpStatus = httpStatus;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Attempts = attempts;
    }

    /// <summary>How the download ended.</summary>
    public DownloadStatus Status { get; }

    /// <summary>The URL that was asked for, as given.</summary>
    public string Url { get; }

    /// <summary>The full path of the file: the saved file when Saved, the file already there when Exists, else null.</summary>
    public string? Path { get; }

    /// <summary>The file's length in bytes when Saved or Exists, else 0.</summary>
    public long Bytes { get; }

    /// <summary>The HTTP status of the last answer; null when no answer came (no request, dropped connection, time-out).</summary>
    public int? HttpStatus { get; }

    /// <summary>One sentence naming the URL and what happened, for the verbose stream or an error record.</summary>
    public string Message { get; }

    /// <summary>How many requests were made: 0 when none was needed (Exists before asking, an invalid URL).</summary>
    public int Attempts { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
