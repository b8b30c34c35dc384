namespace ProfileMedia.Core.Api;

/// <summary>What may be sent to X again after a failure, by what sending it twice would do.</summary>
internal enum RetryRule
{
    /// <summary>A 5xx answer, a dropped connection and a time-out: for reads and requests that are safe to repeat.</summary>
    Transient = 0,

    /// <summary>Only a 5xx answer: after a dropped connection or a time-out X may have taken the request (an upload).</summary>
    AnsweredFailures = 1,

    /// <summary>Never: X may already have acted on it, and it works only once (the PIN exchange).</summary>
    Never = 2,
}
