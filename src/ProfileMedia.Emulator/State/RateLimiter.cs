using System;
using System.Collections.Concurrent;

namespace ProfileMedia.Emulator.State;

/// <summary>What the rate limiter decided for one call, and the x-rate-limit-* header values that go with it.</summary>
internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds);

/// <summary>
/// Fixed windows per (endpoint, access token), as the service counts them: a window starts with its first call and
/// allows <c>limit</c> calls; the next ones answer 429 until it ends.
/// </summary>
internal sealed class RateLimiter(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Endpoint, string Token), Window> _windows = new();

    public int Limit => limit;

    public TimeSpan WindowLength => window;

    public RateDecision Hit(string endpoint, string accessToken)
    {
        var now = clock.GetUtcNow();
        var current = _windows.GetOrAdd((endpoint, accessToken), _ => new Window());
        lock (current)
        {
            if (now >= current.EndsAt)
            {
                current.EndsAt = now + window;
                current.Calls = 0;
            }

            var reset = current.EndsAt.ToUnixTimeSeconds();
            if (current.Calls >= limit)
            {
                return new RateDecision(false, limit, 0, reset);
            }

            current.Calls++;
            return new RateDecision(true, limit, limit - current.Calls, reset);
        }
    }

    public void Clear() => _windows.Clear();

    private sealed class Window
    {
        public DateTimeOffset EndsAt { get; set; } = DateTimeOffset.MinValue;

        public int Calls { get; set; }
    }
}
