using System;

namespace ProfileMedia.Core.Api;

/// <summary>What -RateLimitAction Wait did for a call that still ended in a 429, so the message does not advise it again.</summary>
internal sealed class RateLimitWait
{
    public RateLimitWait(TimeSpan maxWait, bool waited)
    {
        MaxWait = maxWait;
        Waited = waited;
    }

    /// <summary>The longest the call was allowed to wait (-MaxRateLimitWait).</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>True when it did wait for a window, and the service still answered 429.</summary>
    public bool Waited { get; }
}
