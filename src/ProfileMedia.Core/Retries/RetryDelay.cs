using System;
using System.Net.Http;

namespace ProfileMedia.Core.Retries;

/// <summary>
/// How long to wait before a retry, for the API client and the downloader alike: exponential backoff with jitter, so
/// many clients that failed together do not retry together, unless the server asked for longer.
/// </summary>
internal static class RetryDelay
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [ThreadStatic]
    private static Random? _random;

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry): base × 2^(attempt−1), between half and all of it.</summary>
    public static TimeSpan For(int attempt, TimeSpan baseDelay, TimeSpan? serverAskedFor)
    {
        double full = Math.Min(Cap.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        _random ??= new Random(Guid.NewGuid().GetHashCode());
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        double jittered = full * (0.5 + (_random.NextDouble() * 0.5));
#pragma warning restore CA5394
        TimeSpan delay = TimeSpan.FromMilliseconds(jittered);
        return serverAskedFor is TimeSpan asked && asked > delay && asked <= Cap ? asked : delay;
    }

    /// <summary>The wait a response asks for in its Retry-After header (seconds or a date); null when it asks for none.</summary>
    public static TimeSpan? AskedFor(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        return header?.Date is DateTimeOffset date ? Positive(date - DateTimeOffset.UtcNow) : null;
    }

    /// <summary>Zero for a moment already past.</summary>
    public static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
