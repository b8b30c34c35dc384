using System;

namespace ProfileMedia.Core.Retries;

/// <summary>Exponential backoff with jitter, so many clients that failed together do not retry together.</summary>
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
}
