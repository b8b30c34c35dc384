using System;

namespace ProfileMedia.Emulator;

/// <summary>A fault that catches the next <see cref="Count"/> requests whose path starts with <see cref="PathPrefix"/>.</summary>
public sealed record FaultSpec
{
    /// <summary>Request paths this fault applies to: "/" for all, "/1.1/users/show.json", "/profile_images/", ...</summary>
    public string PathPrefix { get; init; } = "/";

    /// <summary>Only requests with this HTTP method, or any method when null.</summary>
    public string? Method { get; init; }

    /// <summary>How many matching requests this fault catches before it is used up.</summary>
    public int Count { get; init; } = 1;

    /// <summary>What happens to a caught request.</summary>
    public FaultKind Kind { get; init; } = FaultKind.Status;

    /// <summary>The status for <see cref="FaultKind.Status"/>.</summary>
    public int Status { get; init; } = 503;

    /// <summary>The wait for <see cref="FaultKind.Slow"/>.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Adds a retry-after header with this many seconds to a <see cref="FaultKind.Status"/> answer.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Whether a <see cref="FaultKind.Status"/> answer carries x-rate-limit-* headers.</summary>
    public bool IncludeRateLimitHeaders { get; init; } = true;

    /// <summary>
    /// Seconds from now for the x-rate-limit-reset header. When null: <see cref="RetryAfterSeconds"/> (or 1) for a 429,
    /// a full rate window otherwise.
    /// </summary>
    public int? RateLimitResetSeconds { get; init; }

    /// <summary>The raw body for <see cref="FaultKind.Status"/>; when null a body like the service's is chosen.</summary>
    public string? Body { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(PathPrefix);
        if (!PathPrefix.StartsWith('/'))
        {
            throw new ArgumentException("The path prefix must start with '/'.", nameof(PathPrefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Status, 599);
        ArgumentOutOfRangeException.ThrowIfLessThan(Delay, TimeSpan.Zero);
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown fault kind.");
        }
    }
}
