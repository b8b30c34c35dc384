using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Activity;

/// <summary>The watcher against the emulator's stream: delivery, reconnects with backfill and dedupe, silence, backoff, stopping.</summary>
public sealed class ActivityWatcherTests
{
    [Fact]
    public async Task Events_fired_while_the_stream_is_dropped_arrive_after_the_reconnect_once_each()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None);
        xaa.StartWatching(backfill: 2);
        await xaa.WaitForConnectsAsync(1);

        var first = await xaa.FireAsync("EmulatedUser");
        Assert.Equal(first, xaa.NextChange().EventId);
        await xaa.ControlAsync("activity/streams/drop");
        await xaa.WaitForConnectsAsync(2);
        var second = await xaa.FireAsync("EmulatedUser");
        Assert.Equal(second, xaa.NextChange().EventId);

        // The second connection replayed the first event; the third replays both: none is handed on again.
        await xaa.ControlAsync("activity/streams/drop");
        await xaa.WaitForConnectsAsync(3);
        var third = await xaa.FireAsync("EmulatedUser");
        Assert.Equal(third, xaa.NextChange().EventId);
        Assert.Empty(xaa.Changes);
        Assert.True(xaa.Watcher!.Duplicates >= 3, "Each reconnect's backfill replays the earlier events.");
        Assert.Contains(xaa.Observer.VerboseLines, line => line.Contains("reconnecting at once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Silence_past_the_timeout_is_a_dead_connection_and_the_backfill_recovers_what_it_missed()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None);
        xaa.StartWatching(backfill: 1, silence: TimeSpan.FromMilliseconds(400));
        await xaa.WaitForConnectsAsync(1);

        await xaa.ControlAsync("activity/keepalives/withhold");
        await xaa.WaitForConnectsAsync(2);
        await xaa.ControlAsync("activity/keepalives/resume");
        var fired = await xaa.FireAsync("EmulatedUser");

        Assert.Equal(fired, xaa.NextChange().EventId);
        Assert.Contains(xaa.Observer.VerboseLines, line => line.StartsWith("Keep-alive missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Http_errors_on_connect_are_retried_with_backoff_until_the_stream_opens()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        xaa.Server.InjectFault(new FaultSpec { PathPrefix = "/2/activity/stream", Count = 3, Status = 503 });
        await xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None);

        xaa.StartWatching();
        await xaa.WaitForConnectsAsync(1);
        var fired = await xaa.FireAsync("EmulatedUser");

        Assert.Equal(fired, xaa.NextChange().EventId);
        Assert.Equal(3, xaa.Observer.VerboseLines.Count(line => line.StartsWith("Reconnecting in", StringComparison.Ordinal)));
        Assert.Equal(4, xaa.Server.Requests.Count(r => r.PathAndQuery.StartsWith("/2/activity/stream", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refusal_waiting_cannot_cure_ends_the_watch_with_its_error()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        xaa.Server.InjectFault(new FaultSpec { PathPrefix = "/2/activity/stream", Count = 1, Kind = FaultKind.UsageCapped, Status = 429 });

        xaa.StartWatching();
        var error = await Assert.ThrowsAsync<XApiException>(() => xaa.Running!);

        Assert.Equal(ErrorIds.UsageCapped, error.ErrorId);
    }

    [Fact]
    public async Task An_error_object_is_reported_and_the_watch_goes_on_after_reconnecting()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.Client.CreateWatchAsync("1000001", ProfileMediaWatchKind.Image, null, ApiCallOptions.Quiet, CancellationToken.None);
        xaa.StartWatching();
        await xaa.WaitForConnectsAsync(1);

        await xaa.ControlAsync("activity/streams/close");
        await xaa.WaitForConnectsAsync(2);
        var fired = await xaa.FireAsync("EmulatedUser");

        Assert.Equal(fired, xaa.NextChange().EventId);
        Assert.Equal(ErrorIds.StreamClosedByService, Assert.Single(xaa.Reported).ErrorId);
    }

    [Fact]
    public async Task Cancelling_ends_the_watch_at_once_and_closes_the_connection()
    {
        await using var xaa = await ActivityHarness.StartAsync(new EmulatorOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        xaa.StartWatching();
        await xaa.WaitForConnectsAsync(1);

        xaa.StopWatching();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => xaa.Running!);
        await xaa.WaitForStreamsAsync(0);
    }
}
