using System;
using System.Collections.Concurrent;
using System.Globalization;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// Remembers each (consumer key, timestamp, nonce) that authenticated, so a replayed request is refused.
/// An entry only needs to outlive the timestamp tolerance: after that the timestamp check refuses the replay anyway.
/// </summary>
internal sealed class NonceCache(TimeProvider clock, TimeSpan retention)
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _nextPruneTicks;

    /// <summary>Records the nonce; false when the same one was already used.</summary>
    public bool TryUse(string consumerKey, long timestamp, string nonce)
    {
        var now = clock.GetUtcNow();
        PruneIfDue(now);
        var key = string.Create(CultureInfo.InvariantCulture, $"{consumerKey}\n{timestamp}\n{nonce}");
        return _seen.TryAdd(key, now + retention);
    }

    public void Clear() => _seen.Clear();

    private void PruneIfDue(DateTimeOffset now)
    {
        var due = System.Threading.Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due
            || System.Threading.Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var entry in _seen)
        {
            if (entry.Value <= now)
            {
                _seen.TryRemove(entry.Key, out _);
            }
        }
    }
}
