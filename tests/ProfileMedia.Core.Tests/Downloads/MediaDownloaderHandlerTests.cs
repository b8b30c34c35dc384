using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Downloads;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

public sealed class MediaDownloaderHandlerTests
{
    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_retried_and_not_saved()
    {
        var handler = new StubHandler(_ =>
        {
            var content = new ByteArrayContent(TestImages.PngLike(10));
            content.Headers.ContentLength = 1000;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions { Handler = handler, MaxRetries = 1, RetryBaseDelay = TimeSpan.Zero });

        var outcome = await downloader.DownloadAsync(new DownloadRequest("https://pbs.example/a.png", new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Contains("the body ended after 10 of 1000 bytes", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task Requests_carry_no_credentials_and_name_the_module()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TestImages.PngLike(100)) });
        using var folder = new TempFolder();
        using (var downloader = new MediaDownloader(new MediaDownloaderOptions { Handler = handler }))
        {
            await downloader.DownloadAsync(new DownloadRequest("https://pbs.example/a.png", new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);
        }

        HttpRequestMessage request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.Headers.Authorization);
        Assert.Equal("ProfileMedia", request.Headers.UserAgent.First().Product!.Name);
        Assert.True(handler.Disposed);
    }

    [Fact]
    public async Task A_429_is_retried()
    {
        int calls = 0;
        var handler = new StubHandler(_ => Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage((HttpStatusCode)429)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TestImages.PngLike(100)) });
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions { Handler = handler, RetryBaseDelay = TimeSpan.Zero });

        var outcome = await downloader.DownloadAsync(new DownloadRequest("https://pbs.example/a.png", new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new MediaDownloader(new MediaDownloaderOptions { MaxConnections = 0 }));
        Assert.Throws<ArgumentException>(() => new MediaDownloader(new MediaDownloaderOptions { MaxRetries = -1 }));
        Assert.Throws<ArgumentException>(() => new MediaDownloader(new MediaDownloaderOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentNullException>(() => new MediaDownloader(null!));
    }
}
