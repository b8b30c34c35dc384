using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>Retries, time-outs, rate limits and broken answers, injected by the emulator for real over sockets.</summary>
public sealed class XApiClientFaultTests : IClassFixture<ClientHarness>
{
    private const string UsersShow = "/1.1/users/show.json";
    private readonly ClientHarness _harness;

    public XApiClientFaultTests(ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    private static UserReference User => UserReference.ForScreenName("EmulatedUser", out _)!;

    private int Attempts => _harness.Server.Requests.Count(r => r.PathAndQuery.StartsWith(UsersShow, StringComparison.Ordinal));

    [Fact]
    public async Task A_503_burst_is_retried_with_each_retry_reported()
    {
        var observer = new RecordingObserver();
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Status = 503, Count = 2 });

        ProfileUser user = await client.GetUserAsync(User, observer.Call(), CancellationToken.None);

        Assert.Equal("EmulatedUser", user.ScreenName);
        Assert.Equal(3, Attempts);
        Assert.Equal(2, observer.VerboseLines.Count(l => l.StartsWith("Retry ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_are_bounded_and_then_fail_as_ServiceUnavailable()
    {
        using XApiClient client = _harness.Client(configure: o => o.MaxRetries = 2);
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Status = 500, Count = 10 });

        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(User, ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("ServiceUnavailable", error.ErrorId);
        // Counted by the fault's status: a slow request another test of this class abandoned is logged when the
        // emulator finally answers it (200), which on a loaded machine can fall after this test's Reset.
        Assert.Equal(3, _harness.Server.Requests.Count(r => r.PathAndQuery.StartsWith(UsersShow, StringComparison.Ordinal) && r.Status == 500));
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_read_is_retried()
    {
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Kind = FaultKind.Drop, Count = 1 });
        Assert.Equal("EmulatedUser", (await client.GetUserAsync(User, ApiCallOptions.Quiet, CancellationToken.None)).ScreenName);
        Assert.Equal(2, Attempts);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_fails_as_Timeout_after_bounded_attempts()
    {
        using XApiClient client = _harness.Client(configure: o => { o.Timeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; });
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Kind = FaultKind.Slow, Delay = TimeSpan.FromSeconds(5), Count = 5 });

        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(User, ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("Timeout", error.ErrorId);
        Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_a_slow_answer_returns_promptly()
    {
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Kind = FaultKind.Slow, Delay = TimeSpan.FromSeconds(20) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetUserAsync(User, ApiCallOptions.Quiet, cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "cancellation took " + clock.Elapsed);
    }

    [Fact]
    public async Task A_429_fails_at_once_by_default_and_says_when_the_window_resets()
    {
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Status = 429, RateLimitResetSeconds = 30 });

        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(User, ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("RateLimited", error.ErrorId);
        Assert.Contains("resets at", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Attempts);
    }

    [Fact]
    public async Task A_429_with_wait_chosen_waits_with_a_countdown_then_succeeds()
    {
        var observer = new RecordingObserver();
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Status = 429, RetryAfterSeconds = 1, IncludeRateLimitHeaders = false });

        ProfileUser user = await client.GetUserAsync(User, observer.Call(RateLimitAction.Wait), CancellationToken.None);

        Assert.Equal("EmulatedUser", user.ScreenName);
        Assert.Equal(2, Attempts);
        Assert.Equal(TimeSpan.Zero, observer.Waits.Last());
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_fails_instead()
    {
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Status = 429, RetryAfterSeconds = 600 });

        var error = await Assert.ThrowsAsync<XApiException>(() =>
            client.GetUserAsync(User, new ApiCallOptions(null, RateLimitAction.Wait, TimeSpan.FromSeconds(5)), CancellationToken.None));
        Assert.Equal("RateLimited", error.ErrorId);
    }

    [Fact]
    public async Task A_429_without_any_reset_information_cannot_be_waited_for()
    {
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Status = 429, IncludeRateLimitHeaders = false });

        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(User, new ApiCallOptions(null, RateLimitAction.Wait, null), CancellationToken.None));
        Assert.Equal("RateLimited", error.ErrorId);
        Assert.Contains("did not say", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaultKind.EmptyBody)]
    [InlineData(FaultKind.NotJson)]
    public async Task A_success_without_json_is_a_clear_UnexpectedResponse(FaultKind kind)
    {
        using XApiClient client = _harness.Client();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = UsersShow, Kind = kind });

        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(User, ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("UnexpectedResponse", error.ErrorId);
    }
}
