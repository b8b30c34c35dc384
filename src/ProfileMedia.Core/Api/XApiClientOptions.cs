using System;

namespace ProfileMedia.Core.Api;

/// <summary>How a connection behaves: where it sends requests, how long it waits, how it retries.</summary>
internal sealed class XApiClientOptions
{
    /// <summary>The service's v1.1 base.</summary>
    public static readonly Uri DefaultBaseUri = new Uri("https://api.x.com/1.1/");

    /// <summary>The API base URI, ending in '/'. Plain http is allowed only for a loopback host.</summary>
    public Uri BaseUri { get; set; } = DefaultBaseUri;

    /// <summary>How long one request may take before it counts as timed out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient failure (5xx, dropped connection, time-out) is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each later one doubles, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>What a 429 answer does, unless a call says otherwise.</summary>
    public RateLimitAction RateLimitAction { get; set; } = RateLimitAction.Fail;

    /// <summary>The longest a call waits for a rate-limit window; a longer wait fails at once.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many downloads or lookups may run at once over this connection.</summary>
    public int MaxConnections { get; set; } = 8;

    /// <summary>A copy, so a per-call override never changes the connection.</summary>
    public XApiClientOptions Clone() => (XApiClientOptions)MemberwiseClone();
}
