using System;

namespace ProfileMedia.Core.Api;

/// <summary>
/// Hears what the client does, for -Verbose, -Debug and progress. Called on thread-pool threads: the cmdlets queue
/// what they hear and write it from the pipeline thread.
/// </summary>
internal interface IXApiObserver
{
    /// <summary>A line for the verbose stream: each request, its status and the remaining rate limit; each retry.</summary>
    void Verbose(string message);

    /// <summary>A line for the debug stream: headers, with the Authorization value redacted.</summary>
    void Debug(string message);

    /// <summary>A rate-limit wait is under way; <paramref name="remaining"/> is zero when it ends.</summary>
    void RateLimitWait(TimeSpan remaining, TimeSpan total, DateTimeOffset until);
}
