using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Tests.Net;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>
/// What a hostile or broken media host may do, and what the downloader answers: redirects only to http(s), a deadline
/// for the whole file, a body kept only when it is a whole image, credentials in a URL never repeated in a message.
/// </summary>
public sealed class MediaDownloaderHostileHostTests
{
    [Theory]
    [InlineData("ftp://127.0.0.1:21/a.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1:70/a.png")]
    [InlineData("javascript:alert(1)")]
    public async Task A_redirect_to_a_scheme_but_http_or_https_is_refused_with_its_url_in_the_message(string location)
    {
        using var server = new TestMediaServer((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await Download(downloader, server.Url("a/abc_400x400.png"), folder);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, server.TotalRequests);
        Assert.Contains("redirects to '" + location + "'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("not an http or https URL", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_redirect_loop_ends_with_an_error_after_ten_hops()
    {
        using var server = new TestMediaServer((context, count) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "/loop.png";
            return Task.CompletedTask;
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await Download(downloader, server.Url("loop.png"), folder);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Contains("redirects more than 10 times", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(11, server.TotalRequests);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task One_byte_every_so_often_times_out_at_the_file_deadline_and_is_not_retried()
    {
        // Never silent for as long as the per-read time-out, never done: only a deadline for the whole file ends it.
        using var server = new RawHttpServer(async (stream, _, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 4096, stop);
            byte[] start = TestImages.PngLike(100);
            for (int i = 0; i < 4096; i++)
            {
                await stream.WriteAsync(start.AsMemory(i % 100, 1), stop);
                await stream.FlushAsync(stop);
                await Task.Delay(100, stop);
            }
        });
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions
        {
            Timeout = TimeSpan.FromSeconds(2), FileDeadline = TimeSpan.FromSeconds(1), MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

        var outcome = await Download(downloader, server.Url("a/abc_400x400.png"), folder);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(1, server.Connections);
        Assert.Contains("did not arrive within 1 s", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public void A_file_deadline_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MediaDownloader(new MediaDownloaderOptions { FileDeadline = TimeSpan.Zero }));
    }

    public static TheoryData<string, byte[]> Disguised => new()
    {
        { "a JPEG signature alone", new byte[] { 0xFF, 0xD8, 0xFF } },
        { "a JPEG cut before its end", TestImages.JpegLike(5_000).AsSpan(0, 4_000).ToArray() },
        { "a PNG cut before IEND", TestImages.PngLike(5_000).AsSpan(0, 4_990).ToArray() },
        { "a GIF header then an HTML page", Encoding.ASCII.GetBytes("GIF89a<html><body>Over capacity</body></html>") },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task A_body_that_only_starts_like_an_image_is_not_kept(string what, byte[] body)
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, body));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await Download(downloader, server.Url("a/abc_400x400.png"), folder);

        Assert.True(outcome.Status == DownloadStatus.Failed, what + ": " + outcome.Message);
        Assert.Equal(1, server.TotalRequests);
        Assert.Contains("is not a complete one", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_password_in_the_url_is_in_no_message_nor_verbose_line()
    {
        using var server = new TestMediaServer((context, count) =>
        {
            if (context.Request.Path.Value! == "/a/abc_400x400.png")
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "ftp://other:hunter2@127.0.0.1/x.png";
                return Task.CompletedTask;
            }

            return TestMediaServer.SendAsync(context, Encoding.ASCII.GetBytes("busy"), 503);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        var lines = new ConcurrentQueue<string>();
        string secretUrl = server.Url("a/abc_400x400.png").Replace("http://", "http://user:s3cr3t@", StringComparison.Ordinal);
        string failingUrl = server.Url("b/abc_400x400.png").Replace("http://", "http://user:s3cr3t@", StringComparison.Ordinal);

        var redirected = await Download(downloader, secretUrl, folder, lines.Enqueue);
        var retried = await Download(downloader, failingUrl, folder, lines.Enqueue);

        string all = string.Join("\n", lines.Append(redirected.Message).Append(retried.Message));
        Assert.Equal(DownloadStatus.Failed, redirected.Status);
        Assert.Equal(DownloadStatus.Failed, retried.Status);
        Assert.Contains(lines, line => line.StartsWith("Retry 1", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t", all, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", all, StringComparison.Ordinal);
        Assert.Contains("***@", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_at_the_name_is_told_before_any_request_even_with_overwrite()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "Twitter_400x400.png"));
        using var downloader = NewDownloader();

        var outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("a/abc_400x400.jpg"), new DestinationFolder(folder.Path), "Twitter_400x400", ".jpg") { Overwrite = true }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(ErrorIds.TargetIsDirectory, outcome.ErrorId);
        Assert.Equal(0, server.TotalRequests);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "Twitter_400x400.png")));
    }

    [Fact]
    public async Task A_dangling_link_at_the_name_is_an_existing_file_and_is_replaced_with_overwrite_never_followed()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating a symbolic link needs a privilege there; the rule is the same
        }

        byte[] image = TestImages.PngLike(1_000);
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, image));
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        string target = Path.Combine(outside.Path, "elsewhere.png");
        string link = Path.Combine(folder.Path, "Twitter_400x400.png");
        File.CreateSymbolicLink(link, target);
        using var downloader = NewDownloader();

        var kept = await Download(downloader, server.Url("a/abc_400x400.png"), folder);
        var replaced = await downloader.DownloadAsync(new DownloadRequest(server.Url("a/abc_400x400.png"), new DestinationFolder(folder.Path), "Twitter_400x400", ".png") { Overwrite = true }, CancellationToken.None);

        Assert.Equal(DownloadStatus.Exists, kept.Status);
        Assert.Equal(DownloadStatus.Saved, replaced.Status);
        Assert.Equal(1, server.TotalRequests);
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal(image, await File.ReadAllBytesAsync(link));
        Assert.False(File.Exists(target), "the link's target, outside the folder, was never written");
    }

    private static MediaDownloader NewDownloader() =>
        new(new MediaDownloaderOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(10) });

    private static Task<MediaSaveResult> Download(MediaDownloader downloader, string url, TempFolder folder, Action<string>? verbose = null) =>
        downloader.DownloadAsync(new DownloadRequest(url, new DestinationFolder(folder.Path), "Twitter_400x400", ".png") { Verbose = verbose }, CancellationToken.None);
}
