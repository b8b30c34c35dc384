using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorRateLimitTests
{
    private const string ShowPath = "users/show.json?screen_name=EmulatedUser";

    [Fact]
    public async Task Every_answer_to_an_authenticated_call_counts_down_the_rate_limit_headers()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { RateLimit = 5 });

        using var first = await emulator.GetAsync(ShowPath);
        using var notFound = await emulator.GetAsync("users/show.json?screen_name=nobody_here");

        Assert.Equal("5", Header(first, "x-rate-limit-limit"));
        Assert.Equal("4", Header(first, "x-rate-limit-remaining"));
        Assert.Equal("3", Header(notFound, "x-rate-limit-remaining"));
        Assert.Equal(Header(first, "x-rate-limit-reset"), Header(notFound, "x-rate-limit-reset"));
    }

    [Fact]
    public async Task The_call_after_the_limit_gets_429_code_88_with_the_headers_at_zero()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { RateLimit = 2 });

        using var first = await emulator.GetAsync(ShowPath);
        using var second = await emulator.GetAsync(ShowPath);
        using var third = await emulator.GetAsync(ShowPath);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(429, (int)third.StatusCode);
        Assert.Equal("""{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", await third.Content.ReadAsStringAsync());
        Assert.Equal("0", Header(third, "x-rate-limit-remaining"));
        Assert.Equal("2", Header(third, "x-rate-limit-limit"));
    }

    [Fact]
    public async Task Limits_are_counted_per_endpoint_and_per_token()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { RateLimit = 1 });

        using var used = await emulator.GetAsync(ShowPath);
        using var otherEndpoint = await emulator.GetAsync("users/profile_banner.json?screen_name=EmulatedUser");
        using var otherToken = await emulator.GetAsync(ShowPath, emulator.DefaultUser);
        using var limited = await emulator.GetAsync(ShowPath);

        Assert.Equal(200, (int)otherEndpoint.StatusCode);
        Assert.Equal(200, (int)otherToken.StatusCode);
        Assert.Equal(429, (int)limited.StatusCode);
    }

    [Fact]
    public async Task A_new_window_starts_when_the_old_one_ends()
    {
        var clock = new ManualClock();
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { RateLimit = 1, RateWindow = System.TimeSpan.FromSeconds(60), TimeProvider = clock });

        using var used = await emulator.GetAsync(ShowPath);
        using var limited = await emulator.GetAsync(ShowPath);
        clock.Advance(System.TimeSpan.FromSeconds(61));
        using var again = await emulator.GetAsync(ShowPath);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
