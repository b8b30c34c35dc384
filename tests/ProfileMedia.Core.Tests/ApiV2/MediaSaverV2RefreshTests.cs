using System;
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
        var requests = users.Select(u => MediaRequest.ImageOf(u, "normal")!).ToList();
        foreach (MediaRequest request in requests)
        {
            // The first fetch of each picture answers 404, as a replaced picture does; the refreshed URL then works.
            _harness.Server.InjectFault(new FaultSpec { PathPrefix = new Uri(request.Url).AbsolutePath, Status = 404 });
        }

        _harness.Server.ClearRequests();
        using var saver = new MediaSaver(_save.Downloader, _save.Path, overwrite: false, fallback: false, maxConcurrency: 4,
            (asked, token) => client.LookupUsersAsync(asked, ApiCallOptions.Quiet, token));
        IDisposable input = saver.HoldRefreshes(CancellationToken.None);
        var saving = requests.Select(r => saver.SaveAsync(r, null, null, CancellationToken.None)).ToList();
        input.Dispose(); // the input has ended: the last, partial batch may go
        MediaSaveResult[] results = await Task.WhenAll(saving);

        Assert.Equal(2, _harness.V2Requests.Count);
        Assert.All(results, r => Assert.Equal(DownloadStatus.Saved, r.Status));
        Assert.All(results, r => Assert.True(r.Refreshed));
        // Save knows its users' ids, so the refresh asks /2/users?ids=: 100 of them in the first request.
        string first = Uri.UnescapeDataString(_harness.V2Requests[0].PathAndQuery);
        Assert.StartsWith("/2/users?ids=", first, StringComparison.Ordinal);
        Assert.Equal(100, first.Split('&')[0].Split(',').Length);
    }
}
