using System;

namespace ProfileMedia.Core.Activity;

/// <summary>How a watch reads the stream.</summary>
internal sealed class ActivityWatchOptions
{
    /// <summary>Minutes of events to replay on the first connect (0-5), and on every reconnect when more than <see cref="ReconnectBackfillMinutes"/>.</summary>
    public int BackfillMinutes { get; set; }

    /// <summary>The least a reconnect replays, so the events sent while the connection was down arrive after all (repeats are dropped).</summary>
    public int ReconnectBackfillMinutes { get; set; } = 1;

    /// <summary>No event and no keep-alive for this long means the connection is dead (X sends a keep-alive at least every 20 s).</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The first wait after a refused or failed connect; each later one doubles, with jitter, up to 30 s.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many event ids are remembered to drop repeats; a backfill replays at most five minutes.</summary>
    public int RememberedEvents { get; set; } = 100_000;
}
