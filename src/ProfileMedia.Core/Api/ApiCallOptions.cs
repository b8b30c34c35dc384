using System;

namespace ProfileMedia.Core.Api;

/// <summary>What one cmdlet call adds to the connection's settings: who listens, per-call rate-limit choices and read API.</summary>
internal sealed class ApiCallOptions
{
    /// <summary>A call with nobody listening and the connection's own settings.</summary>
    public static readonly ApiCallOptions Quiet = new ApiCallOptions(null, null, null);

    /// <summary>Creates the per-call settings; a null choice means "as the connection says".</summary>
    public ApiCallOptions(IXApiObserver? observer, RateLimitAction? rateLimitAction, TimeSpan? maxRateLimitWait, ReadApi? readApi = null)
    {
        ReadApi = readApi;
        Observer = observer;
        RateLimitAction = rateLimitAction;
        MaxRateLimitWait = maxRateLimitWait;
    }

    /// <summary>Who hears requests, retries and waits.</summary>
    public IXApiObserver? Observer { get; }

    /// <summary>Overrides the connection's rate-limit action for this call.</summary>
    public RateLimitAction? RateLimitAction { get; }

    /// <summary>Overrides the connection's choice of read API for this call.</summary>
    public ReadApi? ReadApi { get; }

    /// <summary>Overrides the connection's longest rate-limit wait for this call.</summary>
    public TimeSpan? MaxRateLimitWait { get; }
}
