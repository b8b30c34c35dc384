using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Tests.Downloads;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>Save's refresh of outdated URLs over v2: one lookup request for up to 100 outdated users.</summary>
public sealed class MediaSaverV2RefreshTests : IClassFixture<V2ClientHarness>, IDisposable
{
    private readonly V2ClientHarness _harness;
    private readonly SaveFolder _save = new();

    public MediaSaverV2RefreshTests(V2ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    public void Dispose() => _save.Dispose();

    [Fact]
    public async Task A_hundred_and_fifty_outdated_users_are_refreshed_with_two_lookup_requests()
    {
        using XApiClient client = _harness.BearerClient();
        var users = (await client.LookupUsersAsync(V2ClientHarness.Bulk(150), ApiCallOptions.Quiet, CancellationToken.None)).Select(o => o.User!).ToList();
        MediaSaveResult[] results = await SaveOutdatedAsync(client, users.Select(u => MediaRequest.ImageOf(u, "normal")!).ToList());

        Assert.Equal(2, _harness.V2Requests.Count);
        Assert.All(results, r => Assert.Equal(DownloadStatus.Saved, r.Status));
        Assert.All(results, r => Assert.True(r.Refreshed));
        // Save knows its users' ids, so the refresh asks /2/users?ids=: a full request of 100, then the other 50 (the two
        // may reach the service in either order: the last batch goes while the first is still answering).
        var asked = _harness.V2Requests.Select(r => Uri.UnescapeDataString(r.PathAndQuery)).ToList();
        Assert.All(asked, q => Assert.StartsWith("/2/users?ids=", q, StringComparison.Ordinal));
        Assert.Equal(new[] { 50, 100 }, asked.Select(q => q.Split('&')[0].Split(',').Length).OrderBy(n => n));
    }

    [Fact]
    public async Task Outdated_users_known_by_name_or_by_id_are_refreshed_with_the_fewest_lookup_requests()
    {
        // 125 users known only by name and 125 only by id, in turn: names and ids go to different endpoints, so the
        // fewest requests are two of each. Batches of 100 mixed users would take six (50 names + 50 ids is two requests).
        using XApiClient client = _harness.BearerClient();
        var users = (await client.LookupUsersAsync(V2ClientHarness.Bulk(V2ClientHarness.BulkUsers), ApiCallOptions.Quiet, CancellationToken.None)).Select(o => o.User!).ToList();
        var requests = users.Select((u, i) => MediaRequest.From(new ProfileImageVariant("normal", 48, 48, MediaRequest.ImageOf(u, "normal")!.Url, false,
            u.ProfileImageUrlHttps!, i % 2 == 0 ? u.ScreenName : null, i % 2 == 0 ? null : u.UserId))).ToList();
        MediaSaveResult[] results = await SaveOutdatedAsync(client, requests);

        Assert.All(results, r => Assert.True(r.Refreshed && r.Status == DownloadStatus.Saved));
        var asked = _harness.V2Requests.Select(r => Uri.UnescapeDataString(r.PathAndQuery)).ToList();
        Assert.Equal(4, asked.Count);
        Assert.Equal(2, asked.Count(q => q.StartsWith("/2/users/by?usernames=", StringComparison.Ordinal)));
        Assert.Equal(2, asked.Count(q => q.StartsWith("/2/users?ids=", StringComparison.Ordinal)));
        // Each user once: the four requests name 250 users between them.
        Assert.Equal(250, asked.Sum(q => q.Split('=')[1].Split('&')[0].Split(',').Length));
    }

    // Saves every request as Save-ProfileMedia does with pipeline input, each URL outdated: the first fetch of each
    // picture answers 404, as a replaced picture does, and the refreshed URL then works. Only the saving is recorded.
    private async Task<MediaSaveResult[]> SaveOutdatedAsync(XApiClient client, List<MediaRequest> requests)
    {
        foreach (MediaRequest request in requests)
        {
            _harness.Server.InjectFault(new FaultSpec { PathPrefix = new Uri(request.Url).AbsolutePath, Status = 404 });
        }

        _harness.Server.ClearRequests();
        using var saver = new MediaSaver(_save.Downloader, _save.Path, overwrite: false, fallback: false, maxConcurrency: 4,
            (asked, token) => client.LookupUsersAsync(asked, ApiCallOptions.Quiet, token));
        IDisposable input = saver.HoldRefreshes(CancellationToken.None);
        var saving = requests.Select(r => saver.SaveAsync(r, null, null, CancellationToken.None)).ToList();
        input.Dispose(); // the input has ended: the last, partial batch may go
        return await Task.WhenAll(saving);
    }
}
