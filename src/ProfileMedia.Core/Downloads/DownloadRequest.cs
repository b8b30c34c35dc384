using System;

namespace ProfileMedia.Core.Downloads;

/// <summary>One file for <see cref="MediaDownloader.DownloadAsync"/> to fetch: where from, where to, under which name.</summary>
internal sealed class DownloadRequest
{
    /// <param name="url">An absolute http or https URL; anything else fails without a request.</param>
    /// <param name="folder">The folder, made once per run.</param>
    /// <param name="fileNameWithoutExtension">A name from <see cref="MediaFileName"/>; any name <see cref="MediaFileName.IsSafeStem"/> rejects is an ArgumentException.</param>
    /// <param name="urlExtension">
    /// The URL's extension, or null (banners). When it is an image extension and the file exists without
    /// <see cref="Overwrite"/>, the outcome is Exists with no request; with no extension, a file of this name with
    /// any image extension counts. If the bytes show another format, the bytes win and the file is named after them.
    /// </param>
    public DownloadRequest(string url, DestinationFolder folder, string fileNameWithoutExtension, string? urlExtension)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Folder = folder ?? throw new ArgumentNullException(nameof(folder));
        FileNameWithoutExtension = fileNameWithoutExtension;
        UrlExtension = urlExtension;
    }

    /// <summary>The URL to fetch.</summary>
    public string Url { get; }

    /// <summary>The folder to save into.</summary>
    public DestinationFolder Folder { get; }

    /// <summary>The file name; the extension comes from the bytes.</summary>
    public string FileNameWithoutExtension { get; }

    /// <summary>The URL's own extension, or null.</summary>
    public string? UrlExtension { get; }

    /// <summary>Replace an existing file (atomically) instead of leaving it.</summary>
    public bool Overwrite { get; set; }

    /// <summary>
    /// Called on a thread-pool thread with the number of bytes that just arrived (a delta, so one running total can
    /// serve many concurrent downloads). When an attempt ends without saving its file it is called once with minus
    /// that attempt's bytes, so the running total counts only files saved and downloads under way.
    /// </summary>
    public Action<long>? BytesReceived { get; set; }

    /// <summary>Called on a thread-pool thread with a line for the verbose stream: each request and its status, each retry.</summary>
    public Action<string>? Verbose { get; set; }
}
