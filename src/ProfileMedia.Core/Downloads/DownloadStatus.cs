namespace ProfileMedia.Core.Downloads;

/// <summary>How one download ended.</summary>
internal enum DownloadStatus
{
    /// <summary>The file was downloaded and is in place.</summary>
    Saved = 0,

    /// <summary>The file was already there and overwriting was not asked for; it was left as it was.</summary>
    Exists,

    /// <summary>
    /// The media host answered 403, 404 or 410: it does that for an image URL that is no longer current (the user
    /// changed the image). Refresh the URL through the API and try again. Never retried here.
    /// </summary>
    Outdated,

    /// <summary>The download failed; <see cref="MediaSaveResult.Message"/> says why. No file was written.</summary>
    Failed,
}
