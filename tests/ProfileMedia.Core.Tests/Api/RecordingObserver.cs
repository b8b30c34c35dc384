using System;
using System.Collections.Concurrent;
using ProfileMedia.Core.Api;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>Collects what the client reports, as a cmdlet would before writing it.</summary>
internal sealed class RecordingObserver : IXApiObserver
{
    public ConcurrentQueue<string> VerboseLines { get; } = new();

    public ConcurrentQueue<string> DebugLines { get; } = new();

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public void Verbose(string message) => VerboseLines.Enqueue(message);

    public void Debug(string message) => DebugLines.Enqueue(message);

    public void RateLimitWait(TimeSpan remaining, TimeSpan total, DateTimeOffset until) => Waits.Enqueue(remaining);

    public ApiCallOptions Call(RateLimitAction? action = null, TimeSpan? maxWait = null) => new(this, action, maxWait);
}
