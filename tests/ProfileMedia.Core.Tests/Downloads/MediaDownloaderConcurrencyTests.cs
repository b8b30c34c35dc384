using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Downloads;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

public sealed class MediaDownloaderConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_concurrent_downloads_are_all_saved_correctly()
    {
        const int count = 200;
        byte[][] images = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? TestImages.PngLike(1_000 + (i * 397), i) : TestImages.JpegLike(1_000 + (i * 397), i)).ToArray();
        using var server = new TestMediaServer((context, _) =>
        {
            int index = int.Parse(context.Request.Path.Value!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            return TestMediaServer.SendAsync(context, images[index]);
        });
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1) });
        long total = 0;

        MediaSaveResult[] outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            downloader.DownloadAsync(new DownloadRequest(server.Url("banners/" + i), new DestinationFolder(folder.Path), MediaFileName.ForBanner("user" + i, null, "1500x500"), null) { BytesReceived = n => Interlocked.Add(ref total, n) }, CancellationToken.None))));

        Assert.All(outcomes, outcome => Assert.Equal(DownloadStatus.Saved, outcome.Status));
        for (int i = 0; i < count; i++)
        {
            string expected = Path.Combine(folder.Path, "user" + i + "_banner_1500x500" + (i % 2 == 0 ? ".png" : ".jpg"));
            Assert.Equal(expected, outcomes[i].Path);
            Assert.Equal(images[i], await File.ReadAllBytesAsync(expected));
        }

        Assert.Equal(count, DownloadFolder.FilesIn(folder.Path).Length);
        Assert.Equal(images.Sum(image => (long)image.Length), total);
    }

    [Fact]
    public async Task Concurrent_downloads_of_one_name_save_it_once_and_the_rest_find_it()
    {
        byte[] image = TestImages.PngLike(50_000);
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, image));
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions());

        MediaSaveResult[] outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            downloader.DownloadAsync(new DownloadRequest(server.Url("banner"), new DestinationFolder(folder.Path), "Twitter_banner_web", null), CancellationToken.None))));

        Assert.All(outcomes, outcome => Assert.Contains(outcome.Status, new[] { DownloadStatus.Saved, DownloadStatus.Exists }));
        Assert.Single(outcomes, outcome => outcome.Status == DownloadStatus.Saved);
        Assert.Equal(["Twitter_banner_web.png"], DownloadFolder.FilesIn(folder.Path));
        Assert.Equal(image, await File.ReadAllBytesAsync(Path.Combine(folder.Path, "Twitter_banner_web.png")));
    }

    [Fact]
    public async Task Concurrent_overwrites_of_one_name_leave_one_whole_file()
    {
        byte[] image = TestImages.PngLike(50_000);
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, image));
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions());

        MediaSaveResult[] outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            downloader.DownloadAsync(new DownloadRequest(server.Url("a.png"), new DestinationFolder(folder.Path), "Twitter_normal", ".png") { Overwrite = true }, CancellationToken.None))));

        Assert.All(outcomes, outcome => Assert.Equal(DownloadStatus.Saved, outcome.Status));
        Assert.Equal(["Twitter_normal.png"], DownloadFolder.FilesIn(folder.Path));
        Assert.Equal(image, await File.ReadAllBytesAsync(Path.Combine(folder.Path, "Twitter_normal.png")));
    }
}
