using System;
using System.IO;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>A fresh temporary folder to save into and a downloader for it; both go away with the test.</summary>
internal sealed class SaveFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pm-saver-" + Guid.NewGuid().ToString("N"));

    public MediaDownloader Downloader { get; } = new(new MediaDownloaderOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

    public void Dispose()
    {
        Downloader.Dispose();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
