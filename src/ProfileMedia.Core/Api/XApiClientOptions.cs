using System;

namespace ProfileMedia.Core.Api;

/// <summary>How a connection behaves: where it sends requests, how long it waits, how it retries.</summary>
internal sealed class XApiClientOptions
{
    /// <summary>The service's host root: /1.1/, /2/ and /oauth2/token hang below it.</summary>
    public static readonly Uri DefaultBaseUri = new Uri("https://api.x.com/");

    /// <summary>
    /// The API host root, ending in '/'. A value ending in /1.1/, as scripts passed before v2, means its parent. Plain
    /// http is allowed only for a loopback host.
    /// </summary>
    public Uri BaseUri { get; set; } = DefaultBaseUri;

    /// <summary>Which API answers user reads unless a call says otherwise: v2, or v1.1 for access levels that still have it.</summary>
    public ReadApi ReadApi { get; set; } = ReadApi.V2;

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
