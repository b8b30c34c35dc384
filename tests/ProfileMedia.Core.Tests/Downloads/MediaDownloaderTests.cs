using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Downloads;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

public sealed class MediaDownloaderTests
{
    private static MediaDownloader NewDownloader(int maxRetries = 3) =>
        new(new MediaDownloaderOptions { MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(10) });

    private static Task<MediaSaveResult> DownloadAsync(MediaDownloader downloader, string url, string folder, string stem, bool overwrite = false,
        Action<long>? bytes = null, Action<string>? verbose = null, CancellationToken cancellationToken = default) =>
        downloader.DownloadAsync(new DownloadRequest(url, new DestinationFolder(folder), stem, MediaFileName.ExtensionOfUrl(url)) { Overwrite = overwrite, BytesReceived = bytes, Verbose = verbose }, cancellationToken);

    [Fact]
    public async Task The_saved_file_holds_exactly_the_served_bytes()
    {
        byte[] image = TestImages.PngLike(300_000);
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, image, contentType: "image/png"));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        string url = server.Url("profile_images/1/abc_400x400.png");
        long total = 0;

        var outcome = await DownloadAsync(downloader, url, folder.Path, MediaFileName.ImageStem("Twitter", "783214", "400x400"), bytes: n => Interlocked.Add(ref total, n));

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(Path.Combine(folder.Path, "Twitter_400x400.png"), outcome.Path);
        Assert.Equal(image, await File.ReadAllBytesAsync(outcome.Path!));
        Assert.Equal(image.Length, outcome.Bytes);
        Assert.Equal(image.Length, total);
        Assert.Equal(200, outcome.HttpStatus);
        Assert.Equal(1, outcome.Attempts);
        Assert.Contains(url, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(["Twitter_400x400.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task An_extensionless_banner_gets_the_extension_its_bytes_show()
    {
        byte[] banner = TestImages.JpegLike(5_000);
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, banner));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await DownloadAsync(downloader, server.Url("profile_banners/783214/1600000000/1500x500"), folder.Path, MediaFileName.ForBanner("Twitter", null, "1500x500"));

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(["Twitter_banner_1500x500.jpg"], DownloadFolder.FilesIn(folder.Path));
        Assert.Equal(banner, await File.ReadAllBytesAsync(outcome.Path!));
    }

    [Fact]
    public async Task When_the_url_extension_and_the_bytes_disagree_the_bytes_win()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        var lines = new ConcurrentQueue<string>();

        var outcome = await DownloadAsync(downloader, server.Url("profile_images/1/abc_normal.jpg"), folder.Path, "Twitter_normal", verbose: lines.Enqueue);

        Assert.Equal(Path.Combine(folder.Path, "Twitter_normal.png"), outcome.Path);
        Assert.Contains(lines, line => line.Contains("saving as .png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_file_is_left_alone_without_a_request()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        string existing = Path.Combine(folder.Path, "Twitter_400x400.jpg");
        await File.WriteAllTextAsync(existing, "old");

        var outcome = await DownloadAsync(downloader, server.Url("profile_images/1/abc_400x400.jpg"), folder.Path, "Twitter_400x400");

        Assert.Equal(DownloadStatus.Exists, outcome.Status);
        Assert.Equal(existing, outcome.Path);
        Assert.Equal(3, outcome.Bytes);
        Assert.Null(outcome.HttpStatus);
        Assert.Equal(0, outcome.Attempts);
        Assert.Equal(0, server.TotalRequests);
        Assert.Equal("old", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task A_banner_saved_earlier_with_any_image_extension_is_left_alone_without_a_request()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.JpegLike(100)));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "Twitter_banner_web.png"), "old");

        var outcome = await DownloadAsync(downloader, server.Url("profile_banners/1/2/web"), folder.Path, "Twitter_banner_web");

        Assert.Equal(DownloadStatus.Exists, outcome.Status);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public async Task A_file_saved_under_the_extension_the_bytes_showed_is_found_without_a_request()
    {
        // A rerun where the URL says .jpg and an earlier run saved the PNG bytes as .png: the help promises no request.
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "Twitter_normal.png"), "old");
        long total = 0;

        var outcome = await DownloadAsync(downloader, server.Url("a/abc_normal.jpg"), folder.Path, "Twitter_normal", bytes: n => Interlocked.Add(ref total, n));

        Assert.Equal(DownloadStatus.Exists, outcome.Status);
        Assert.Equal(0, server.TotalRequests);
        Assert.Equal(0, total);
        Assert.Equal("old", await File.ReadAllTextAsync(Path.Combine(folder.Path, "Twitter_normal.png")));
        Assert.Equal(["Twitter_normal.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task Overwrite_replaces_an_existing_file()
    {
        byte[] image = TestImages.PngLike(70_000);
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, image));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        string existing = Path.Combine(folder.Path, "Twitter_400x400.png");
        await File.WriteAllTextAsync(existing, "old");

        var outcome = await DownloadAsync(downloader, server.Url("a/abc_400x400.png"), folder.Path, "Twitter_400x400", overwrite: true);

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(image, await File.ReadAllBytesAsync(existing));
        Assert.Equal(["Twitter_400x400.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task A_missing_destination_folder_is_created()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        using var downloader = NewDownloader();
        string nested = Path.Combine(folder.Path, "a", "b");

        var outcome = await DownloadAsync(downloader, server.Url("x.png"), nested, "Twitter_normal");

        Assert.Equal(Path.Combine(nested, "Twitter_normal.png"), outcome.Path);
    }

    [Fact]
    public async Task A_hostile_screen_name_still_saves_inside_the_folder()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(100)));
        using var folder = new TempFolder();
        string inner = Path.Combine(folder.Path, "inner");
        using var downloader = NewDownloader();

        var outcome = await DownloadAsync(downloader, server.Url("x.png"), inner, MediaFileName.ImageStem("../../..\\evil\u2215x", null, "..\0/"));

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(inner, Path.GetDirectoryName(outcome.Path));
        Assert.Equal(["_________evil_x_____.png"], DownloadFolder.FilesIn(folder.Path));
    }

    [Fact]
    public async Task Following_a_redirect_is_allowed()
    {
        byte[] image = TestImages.PngLike(1_000);
        using var server = new TestMediaServer((context, _) =>
        {
            if (context.Request.Path.Value == "/old.png")
            {
                context.Response.Redirect("/new.png");
                return Task.CompletedTask;
            }

            return TestMediaServer.SendAsync(context, image);
        });
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await DownloadAsync(downloader, server.Url("old.png"), folder.Path, "Twitter_normal");

        Assert.Equal(DownloadStatus.Saved, outcome.Status);
        Assert.Equal(1, server.RequestsTo("/new.png"));
        Assert.Equal(image, await File.ReadAllBytesAsync(outcome.Path!));
    }

    [Theory]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/a.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task A_url_that_is_not_absolute_http_fails_without_a_request(string url)
    {
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        var outcome = await downloader.DownloadAsync(new DownloadRequest(url, new DestinationFolder(folder.Path), "Twitter_normal", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, outcome.Status);
        Assert.Equal(0, outcome.Attempts);
        Assert.Null(outcome.HttpStatus);
        Assert.Contains("not an absolute http or https URL", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(DownloadFolder.FilesIn(folder.Path));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a.png")]
    [InlineData("CON")]
    [InlineData("")]
    public async Task An_unsafe_file_name_is_refused(string stem)
    {
        using var folder = new TempFolder();
        using var downloader = NewDownloader();

        await Assert.ThrowsAsync<ArgumentException>(() => downloader.DownloadAsync(new DownloadRequest("http://127.0.0.1:1/a.png", new DestinationFolder(folder.Path), stem, null), CancellationToken.None));
    }

    [Fact]
    public async Task A_relative_folder_is_refused()
    {
        using var downloader = NewDownloader();

        await Assert.ThrowsAsync<ArgumentException>(() => downloader.DownloadAsync(new DownloadRequest("http://127.0.0.1:1/a.png", new DestinationFolder("relative"), "x", null), CancellationToken.None));
    }
}
