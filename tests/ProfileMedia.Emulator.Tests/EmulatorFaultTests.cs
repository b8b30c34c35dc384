using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorFaultTests
{
    private const string ShowPath = "users/show.json?screen_name=EmulatedUser";

    [Fact]
    public async Task A_status_fault_answers_the_next_n_matching_calls_then_normal_service_resumes()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { PathPrefix = "/1.1/users/show.json", Count = 2, Status = 503, RetryAfterSeconds = 5 });

        using var first = await emulator.GetAsync(ShowPath);
        using var second = await emulator.GetAsync(ShowPath);
        using var third = await emulator.GetAsync(ShowPath);

        Assert.Equal(503, (int)first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), first.Headers.RetryAfter?.Delta);
        Assert.Equal(130, await ResponseJson.ErrorCodeAsync(first));
        Assert.True(first.Headers.Contains("x-rate-limit-reset"));
        Assert.Equal(503, (int)second.StatusCode);
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Empty(emulator.Server.PendingFaults);
    }

    [Fact]
    public async Task A_429_fault_has_the_code_88_body_and_no_remaining_calls()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Status = 429, RateLimitResetSeconds = 2 });

        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(88, await ResponseJson.ErrorCodeAsync(response));
        Assert.Equal("0", response.Headers.GetValues("x-rate-limit-remaining").Single());
        var reset = long.Parse(response.Headers.GetValues("x-rate-limit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 0, 3);
    }

    [Fact]
    public async Task A_status_fault_can_leave_the_rate_limit_headers_out_and_carry_its_own_body()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Status = 502, IncludeRateLimitHeaders = false, Body = "<html>bad gateway</html>" });

        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(502, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("x-rate-limit-limit"));
        Assert.Equal("<html>bad gateway</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_drop_fault_cuts_the_connection_in_the_middle_of_the_answer()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Kind = FaultKind.Drop });

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync(ShowPath));
        using var next = await emulator.GetAsync(ShowPath);

        Assert.Equal(200, (int)next.StatusCode);
        Assert.Equal("drop", emulator.Server.Requests[0].Fault);
    }

    [Fact]
    public async Task A_slow_fault_delays_the_normal_answer()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(400) });
        var stopwatch = Stopwatch.StartNew();

        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(350), $"answered after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_slow_fault_gives_up_when_the_client_does()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Kind = FaultKind.Slow, Delay = TimeSpan.FromMinutes(5) });
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.GetAsync(emulator.Api(ShowPath)));
        var stopwatch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"shutdown took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Empty_body_and_not_json_faults_answer_200_with_unusable_bodies()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Kind = FaultKind.EmptyBody });
        emulator.Server.InjectFault(new FaultSpec { Kind = FaultKind.NotJson });

        using var empty = await emulator.GetAsync(ShowPath);
        using var html = await emulator.GetAsync(ShowPath);

        Assert.Equal(200, (int)empty.StatusCode);
        Assert.Equal("application/json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await empty.Content.ReadAsByteArrayAsync());
        Assert.Equal(200, (int)html.StatusCode);
        Assert.StartsWith("<html>", await html.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_fault_only_catches_requests_under_its_path_prefix()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { PathPrefix = "/profile_images/", Status = 500 });

        using var api = await emulator.GetAsync(ShowPath);
        using var media = await emulator.Http.GetAsync(emulator.Server.GetMediaUrls("EmulatedUser").ProfileImageUrl);

        Assert.Equal(200, (int)api.StatusCode);
        Assert.Equal(500, (int)media.StatusCode);
    }

    [Fact]
    public async Task Faults_can_be_queued_over_http_and_bad_ones_are_refused()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var faults = new Uri(emulator.Server.ControlUri, "faults");

        using var queued = await emulator.Http.PostAsync(faults, Json("""{"pathPrefix":"/1.1/","count":1,"kind":"status","status":500,"rateLimitReset":false}"""));
        using var invalid = await emulator.Http.PostAsync(faults, Json("""{"kind":"explode"}"""));
        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(204, (int)queued.StatusCode);
        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal(131, await ResponseJson.ErrorCodeAsync(response));
        Assert.False(response.Headers.Contains("x-rate-limit-limit"));
    }

    [Fact]
    public async Task A_faulted_request_uses_up_no_nonce_so_the_same_signed_request_can_be_sent_again()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { Status = 503 });
        var header = TestOAuthSigner.Header("GET", emulator.Api(ShowPath), emulator.Uploader);

        using var faulted = await SendAsync(emulator, header);
        using var retried = await SendAsync(emulator, header);

        Assert.Equal(503, (int)faulted.StatusCode);
        Assert.Equal(200, (int)retried.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(EmulatorHarness emulator, string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, emulator.Api(ShowPath));
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return emulator.Http.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
