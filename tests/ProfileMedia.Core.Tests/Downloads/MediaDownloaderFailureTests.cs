using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Tests.Net;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

public sealed class MediaDownloaderFailureTests
{
    private static MediaDownloader NewDownloader(int maxRetries = 3, TimeSpan? timeout = null) =>
        new(new MediaDownloaderOptions { MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.FromMilliseconds(1), Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_404_or_403_means_the_url_is_outdated_and_is_not_retried(int status)
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("gone"), status));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a/abc_400x400.jpg"), new DestinationFolder(folder.Path), "Twitter_400x400", ".jpg"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Outdated, outcome.Status);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, server.TotalRequests);
        Assert.Null(outcome.Path);
        Assert.Contains("refresh the URL", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task Two_500s_then_a_200_is_saved_on_the_third_attempt()
    {
        byte[] image = TestImages.PngLike(2_000);
        using var server = new TestMediaServer((context, count) =>
            count <= 2 ? TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("busy"), 500) : TestMediaServer.SendAsync(context, image));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        var lines = new ConcurrentQueue<string>();

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png") { Verbose = lines.Enqueue }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, server.TotalRequests);
        Assert.Equal(image, await File.ReadAllBytesAsync(outcome.Path!));
        Assert.Contains(lines, line => line.StartsWith("Retry 1 of 3", StringComparison.Ordinal) && line.Contains("500", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Retry 2 of 3", StringComparison.Ordinal));
        Assert.Equal(["Twitter_normal.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_500_every_time_fails_after_the_retries()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("busy"), 503));
        using var folder = new TempFolder();
        using var downloader = NewDownloader(maxRetries: 2);

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(503, outcome.HttpStatus);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, server.TotalRequests);
        Assert.Contains("after 3 attempts", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(418)]
    public async Task Another_4xx_fails_at_once(int status)
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("no"), status));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public async Task A_body_that_is_not_an_image_is_not_saved()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("<!DOCTYPE html><html>portal</html>"), contentType: "text/html"));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.jpg"), new DestinationFolder(folder.Path), "Twitter_normal", ".jpg"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Contains("not a PNG, JPEG, GIF or WebP", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.TotalRequests);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_not_saved()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(5_000)));
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions { MaxFileBytes = 4_000 });

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Contains("larger than the limit", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_fails_after_the_retries_and_leaves_no_file()
    {
        using var server = new RawHttpServer(async (stream, _, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 1000, stop);
            await stream.WriteAsync(TestImages.PngLike(10), stop);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader(maxRetries: 2);
        long total = 0;

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png") { BytesReceived = n => Interlocked.Add(ref total, n) }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, server.Connections);
        Assert.Null(outcome.Path);
        Assert.Equal(0, total);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_dropped_connection_leaves_an_existing_file_untouched_even_with_overwrite()
    {
        using var server = new RawHttpServer(async (stream, _, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 1000, stop);
            await stream.WriteAsync(TestImages.PngLike(10), stop);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader(maxRetries: 0);
        string existing = Path.Combine(folder.Path, "Twitter_normal.png");
        await File.WriteAllTextAsync(existing, "old");

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png") { Overwrite = true }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal("old", await File.ReadAllTextAsync(existing));
        Assert.Equal(["Twitter_normal.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_truncated_body_is_retried_and_the_byte_count_forgets_the_failed_attempt()
    {
        byte[] image = TestImages.PngLike(200_000);
        using var server = new RawHttpServer(async (stream, connection, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, image.Length, stop);
            await stream.WriteAsync(connection == 1 ? image.AsMemory(0, 100_000) : image, stop);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        long total = 0;

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a"), new DestinationFolder(folder.Path), "Twitter_banner_web", null) { BytesReceived = n => Interlocked.Add(ref total, n) }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(image.Length, total);
        Assert.Equal(image, await File.ReadAllBytesAsync(outcome.Path!));
        Assert.Equal(["Twitter_banner_web.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_stalled_body_times_out_is_retried_and_leaves_no_file()
    {
        using var server = new RawHttpServer(async (stream, _, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 1000, stop);
            await stream.WriteAsync(TestImages.PngLike(20), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader(maxRetries: 1, timeout: TimeSpan.FromMilliseconds(300));

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Contains("no data within 0.3 s", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_refused_connection_fails_after_the_retries()
    {
        // A port that was free a moment ago: nothing listens there now.
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var folder = new TempFolder();
        using var downloader = NewDownloader(maxRetries: 1);
        var lines = new ConcurrentQueue<string>();

        var outcome = await downloader.DownloadAsync(new DownloadRequest("http://127.0.0.1:" + port + "/a.png", new DestinationFolder(folder.Path), "Twitter_normal", ".png") { Verbose = lines.Enqueue }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Null(outcome.HttpStatus);
        Assert.Equal(2, outcome.Attempts);
        Assert.Contains("the connection failed", outcome.Message, StringComparison.Ordinal);
        Assert.Single(lines, line => line.StartsWith("Retry 1 of 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_mid_download_throws_and_leaves_no_file()
    {
        using var server = new RawHttpServer(async (stream, _, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 100_000, stop);
            await stream.WriteAsync(TestImages.PngLike(20), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        using var cancel = new CancellationTokenSource();
        string existing = Path.Combine(folder.Path, "Twitter_normal.png");
        await File.WriteAllTextAsync(existing, "old");
        long total = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png") { Overwrite = true, BytesReceived = n =>
            {
                Interlocked.Add(ref total, n);
                cancel.Cancel();
            } }, cancel.Token));

        Assert.Equal(0, total);
        Assert.Equal("old", await File.ReadAllTextAsync(existing));
        Assert.Equal(["Twitter_normal.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task Cancelling_during_the_retry_wait_throws()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("busy"), 500));
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions { RetryBaseDelay = TimeSpan.FromSeconds(20) });
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png") { Verbose = line => cancel.CancelAfter(50) }, cancel.Token));

        Assert.Equal(1, server.TotalRequests);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task An_already_cancelled_token_makes_no_request()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png"), new CancellationToken(canceled: true)));

        Assert.Equal(0, server.TotalRequests);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }
}
