using System;
using System.Net.Http;

namespace ProfileMedia.Core.Downloads;

/// <summary>How a <see cref="MediaDownloader"/> behaves; read once, when the downloader is made.</summary>
internal sealed class MediaDownloaderOptions
{
    /// <summary>
    /// How long the host may stay silent: for the response headers, then for each read of the body. A stall timer,
    /// not a cap on the whole transfer, so a large original on a slow link that keeps arriving is never cut off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one file may take in all, retries included, however steadily its bytes arrive; null for ten times
    /// <see cref="Timeout"/>. Past it the file fails and is not retried.
    /// </summary>
    public TimeSpan? FileDeadline { get; set; }

    /// <summary>How many times a transient failure (5xx, 408, 429, dropped connection, truncated body, time-out) is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each later one doubles, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many connections to one host may be open at once (HttpClientHandler.MaxConnectionsPerServer).</summary>
    public int MaxConnections { get; set; } = 8;

    /// <summary>The largest file accepted; a longer body fails, so a wrong or hostile URL cannot fill the disk.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>For tests: the handler requests go through. The downloader owns and disposes it. Null makes a real one.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>A copy, so changing these options after the downloader is made changes nothing.</summary>
    public MediaDownloaderOptions Clone() => (MediaDownloaderOptions)MemberwiseClone();
}
