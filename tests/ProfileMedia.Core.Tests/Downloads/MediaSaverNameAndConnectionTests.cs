using System;
using System.Threading.Tasks;
using System.Threading;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Errors;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>The saver's own rules, against a plain test host: names shared by two inputs, and a connection closed during a refresh.</summary>
public sealed class MediaSaverNameAndConnectionTests
{
    [Fact]
    public async Task Two_users_whose_safe_names_collide_never_overwrite_each_other_in_one_run()
    {
        using var server = new TestMediaServer((context, count) => TestMediaServer.SendAsync(context, TestImages.PngLike(200, seed: context.Request.Path.Value!.Length)));
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions());
        using var saver = new MediaSaver(downloader, folder.Path, overwrite: true, fallback: false, maxConcurrency: 2, lookUpUsers: null);
        MediaRequest first = ImageOf("a.b", "1", server.Url("profile_images/1/first.png"));
        MediaRequest second = ImageOf("a/b", "2", server.Url("profile_images/2/second_image.png"));

        MediaSaveResult saved = await saver.SaveAsync(first, null, null, CancellationToken.None);
        MediaSaveResult refused = await saver.SaveAsync(second, null, null, CancellationToken.None);

        Assert.Equal(DownloadStatus.Saved, saved.Status);
        Assert.Equal(ErrorIds.FileNameCollision, refused.ErrorId);
        Assert.Contains("a_b_original", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.TotalRequests);
        Assert.Equal(TestImages.PngLike(200, seed: "/profile_images/1/first.png".Length), await System.IO.File.ReadAllBytesAsync(saved.Path!));
    }

    [Fact]
    public async Task A_connection_closed_during_a_refresh_is_named_not_a_disposed_object()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, System.Text.Encoding.ASCII.GetBytes("gone"), 404));
        using var folder = new TempFolder();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions());
        using var saver = new MediaSaver(downloader, folder.Path, overwrite: false, fallback: false, maxConcurrency: 1,
            lookUpUsers: (_, _) => throw new ObjectDisposedException("XApiClient"));

        MediaSaveResult result = await saver.SaveAsync(ImageOf("EmulatedUser", "1000001", server.Url("profile_images/1/old.png")), null, null, CancellationToken.None);

        Assert.Equal(ErrorIds.ConnectionClosed, result.ErrorId);
        Assert.Contains("connection was closed", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("disposed", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static MediaRequest ImageOf(string screenName, string userId, string url) =>
        MediaRequest.ImageOf(new ProfileUser(userId, screenName, screenName, null, url, null, false), "original")!;
}
