using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Core.Uploads;
using ProfileMedia.Emulator;
using ProfileMedia.TestSupport;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>Saving with refresh and fallback, against the emulator's media host and v1.1 users/lookup.</summary>
public sealed class MediaSaverTests : IClassFixture<ClientHarness>, IDisposable
{
    private readonly ClientHarness _harness;
    private readonly SaveFolder _save = new();

    public MediaSaverTests(ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    public void Dispose() => _save.Dispose();

    private MediaSaver Saver(XApiClient? client, bool fallback = false) =>
        new(_save.Downloader, _save.Path, overwrite: false, fallback, maxConcurrency: 4,
            client == null ? null : (users, token) => client.LookupUsersAsync(users, ApiCallOptions.Quiet, token));

    private static UserReference Uploader => UserReference.ForScreenName("EmulatedUser", out _)!;

    private static async Task<ProfileUser> ReplaceImageAsync(XApiClient client)
    {
        string path = TestImages.WriteTemp(TestImages.Png);
        ImageFile.Inspect(path, ImageFile.MaxProfileImageBytes, out ImageFile? image, out _);
        ProfileUser updated = await client.UpdateProfileImageAsync(image!, false, false, ApiCallOptions.Quiet, CancellationToken.None);
        await client.WaitForProfileImageAsync(updated.ProfileImageUrlHttps!, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), ApiCallOptions.Quiet, CancellationToken.None);
        return updated;
    }

    [Fact]
    public async Task Every_outdated_size_of_a_user_is_refreshed_with_one_users_lookup_call()
    {
        using XApiClient client = _harness.Client();
        ProfileUser before = await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None);
        var requests = new[] { "mini", "normal", "bigger", "200x200", "400x400" }.Select(size => MediaRequest.ImageOf(before, size)!).ToList();
        await ReplaceImageAsync(client);
        _harness.Server.ClearRequests();

        using MediaSaver saver = Saver(client);
        MediaSaveResult[] results = await Task.WhenAll(requests.Select(r => saver.SaveAsync(r, null, null, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(DownloadStatus.Saved, r.Status));
        Assert.All(results, r => Assert.True(r.Refreshed));
        Assert.Single(_harness.Server.Requests, r => r.PathAndQuery.StartsWith("/1.1/users/lookup.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_way_to_refresh_an_outdated_url_is_reported_with_what_to_do()
    {
        using XApiClient client = _harness.Client();
        MediaRequest old = MediaRequest.ImageOf(await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None), "400x400")!;
        await ReplaceImageAsync(client);

        using MediaSaver saver = Saver(null);
        MediaSaveResult result = await saver.SaveAsync(old, null, null, CancellationToken.None);

        Assert.Equal(DownloadStatus.Outdated, result.Status);
        Assert.Equal("MediaUrlOutdated", result.ErrorId);
        Assert.Equal(AdviceKind.ConnectToRefresh, result.Advice);
        Assert.False(Directory.Exists(_save.Path) && Directory.EnumerateFileSystemEntries(_save.Path).Any());
    }

    [Fact]
    public async Task Fallback_steps_down_from_an_unavailable_original_and_says_which_size_it_saved()
    {
        using XApiClient client = _harness.Client();
        MediaRequest original = MediaRequest.ImageOf(await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None), "original")!;
        string originalPath = new Uri(original.Url).AbsolutePath;
        string largePath = new Uri(original.UrlOfSize("400x400")).AbsolutePath;
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = originalPath, Status = 404, Count = 10 });
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = largePath, Status = 404, Count = 10 });

        using MediaSaver saver = Saver(client, fallback: true);
        MediaSaveResult result = await saver.SaveAsync(original, null, null, CancellationToken.None);

        Assert.Equal(DownloadStatus.Saved, result.Status);
        Assert.Equal("bigger", result.SavedSize);
        Assert.Equal("EmulatedUser_bigger.png", Path.GetFileName(result.Path));
    }

    [Fact]
    public async Task At_most_the_allowed_number_of_downloads_run_at_once()
    {
        using XApiClient client = _harness.Client();
        ProfileUser user = await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None);
        var requests = Enumerable.Range(0, 12).Select(i => MediaRequest.ImageOf(user, i % 2 == 0 ? "mini" : "bigger")!).ToList();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = "/profile_images/", Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(200), Count = 100 });
        using var counting = new ConcurrencyCountingHandler();
        using var downloader = new MediaDownloader(new MediaDownloaderOptions { Handler = counting, MaxConnections = 16 });

        using var saver = new MediaSaver(downloader, _save.Path, overwrite: true, fallback: false, maxConcurrency: 3, null);
        MediaSaveResult[] results = await Task.WhenAll(requests.Select(r => saver.SaveAsync(r, null, null, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(DownloadStatus.Saved, r.Status));
        Assert.Equal(3, counting.Peak);
    }
}
