using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Activity;

/// <summary>The subscription calls against the emulator: create, list every page, delete in bulk, and each refusal's id.</summary>
public sealed class XApiClientActivityTests
{
    [Fact]
    public async Task Created_watches_are_listed_across_pages_and_deleted_in_one_bulk_request()
    {
        await using var xaa = await ActivityHarness.StartAsync(new EmulatorOptions { ExtraUsers = 120 });
        var created = new System.Collections.Generic.List<ProfileMediaWatch>();
        for (var i = 1; i <= 120; i++)
        {
            created.Add(await xaa.Client.CreateWatchAsync((2000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ProfileMediaWatchKind.Image, "bulk", ApiCallOptions.Quiet, CancellationToken.None));
        }

        var banner = await xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Banner, null, ApiCallOptions.Quiet, CancellationToken.None);
        var (watches, total) = await xaa.Client.ListWatchesAsync(ApiCallOptions.Quiet, CancellationToken.None);
        var (deleted, notFound) = await xaa.Client.DeleteWatchesAsync([.. created.Select(w => w.SubscriptionId), "123"], ApiCallOptions.Quiet, CancellationToken.None);
        var (left, leftTotal) = await xaa.Client.ListWatchesAsync(ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(121, total);
        Assert.Equal(121, watches.Select(w => w.SubscriptionId).Distinct().Count());
        Assert.Equal(ProfileMediaWatchKind.Banner, watches.Single(w => w.UserId == "1000001").Kind);
        Assert.Equal("bulk", watches[0].Tag);
        Assert.Equal(120, deleted.Count);
        Assert.Equal(["123"], notFound);
        Assert.Equal([banner.SubscriptionId], left.Select(w => w.SubscriptionId));
        Assert.Equal(1, leftTotal);
        Assert.Equal(2, xaa.Server.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task A_second_watch_the_limit_and_a_missing_or_suspended_user_each_have_their_own_error_id()
    {
        await using var xaa = await ActivityHarness.StartAsync(new EmulatorOptions { SubscriptionLimit = 2 });
        await xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None);

        var again = await Assert.ThrowsAsync<XApiException>(() => xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<XApiException>(() => xaa.Client.CreateWatchAsync("42", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None));
        var suspended = await Assert.ThrowsAsync<XApiException>(() => xaa.Client.CreateWatchAsync("1000004", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None));
        await xaa.Client.CreateWatchAsync("1000002", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None);
        var full = await Assert.ThrowsAsync<XApiException>(() => xaa.Client.CreateWatchAsync("783214", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal(ErrorIds.AlreadyWatched, again.ErrorId);
        Assert.Equal(ErrorIds.UserNotFound, missing.ErrorId);
        Assert.Equal(ErrorIds.UserSuspended, suspended.ErrorId);
        Assert.Equal(ErrorIds.SubscriptionLimitReached, full.ErrorId);
        Assert.Contains("Unregister-ProfileMediaWatch", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_context_only_connection_is_refused_before_any_request_and_legacy_free_is_client_not_enrolled()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        using var userOnly = xaa.UserOnlyClient();

        var noBearer = await Assert.ThrowsAsync<XApiException>(() => userOnly.ListWatchesAsync(ApiCallOptions.Quiet, CancellationToken.None));
        var requests = xaa.Server.Requests.Count;
        xaa.Server.AccessLevel = AccessLevel.LegacyFree;
        var legacy = await Assert.ThrowsAsync<XApiException>(() => xaa.Client.OpenActivityStreamAsync(0, ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal(ErrorIds.BearerTokenRequired, noBearer.ErrorId);
        Assert.Contains("-BearerToken", noBearer.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests);
        Assert.Equal(ErrorIds.ClientNotEnrolled, legacy.ErrorId);
    }
}
