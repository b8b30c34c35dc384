namespace ProfileMedia.Core.Downloads;

/// <summary>How saving one <see cref="MediaRequest"/> ended.</summary>
internal sealed class MediaSaveResult
{
    internal MediaSaveResult(MediaRequest request, DownloadStatus status, string? path, string savedSize, string url, string? errorId, string message, bool refreshed)
    {
        Request = request;
        Status = status;
        Path = path;
        SavedSize = savedSize;
        Url = url;
        ErrorId = errorId;
        Message = message;
        Refreshed = refreshed;
    }

    /// <summary>What was asked for.</summary>
    public MediaRequest Request { get; }

    /// <summary>Saved, Exists (left alone), Outdated (no current URL could be found) or Failed.</summary>
    public DownloadStatus Status { get; }

    /// <summary>The file written, or the existing file left alone.</summary>
    public string? Path { get; }

    /// <summary>The size actually saved: differs from the request's when -Fallback stepped down.</summary>
    public string SavedSize { get; }

    /// <summary>The URL the file came from (after any refresh or fallback).</summary>
    public string Url { get; }

    /// <summary>The PowerShell error id when it did not save: FileExists, MediaUrlOutdated, DownloadFailed, RefreshFailed.</summary>
    public string? ErrorId { get; }

    /// <summary>What happened, naming the URL.</summary>
    public string Message { get; }

    /// <summary>True when the URL was outdated and was derived again from users/show.</summary>
    public bool Refreshed { get; }
}
