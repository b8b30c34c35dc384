using System;
using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>
/// A cmdlet whose calls meet X's ordinary rate limits: -RateLimitAction and -MaxRateLimitWait override the
/// connection's choice of what a 429 answer does, for this call.
/// </summary>
public abstract class ApiCmdlet : ConnectedCmdlet
{
    /// <summary>What a 429 answer does for this call: Wait (bounded by -MaxRateLimitWait) or Fail.</summary>
    [Parameter]
    public RateLimitAction? RateLimitAction { get; set; }

    /// <summary>The longest this call waits for a rate-limit window.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00", "1.00:00:00")]
    public TimeSpan? MaxRateLimitWait { get; set; }

    /// <summary>The per-call options: this cmdlet as listener, its -RateLimitAction and -MaxRateLimitWait, and its read API.</summary>
    private protected override ApiCallOptions CallOptions => new ApiCallOptions(Observer, RateLimitAction, MaxRateLimitWait, ReadApiChoice);
}
