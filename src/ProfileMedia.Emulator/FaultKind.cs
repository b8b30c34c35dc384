namespace ProfileMedia.Emulator;

/// <summary>What an injected fault does to the request it catches.</summary>
public enum FaultKind
{
    /// <summary>
    /// Answer <see cref="FaultSpec.Status"/> with <see cref="FaultSpec.Body"/> or a body like the service's: on /2/ paths a
    /// problem object (402 is credits-depleted), elsewhere a v1.1 error body.
    /// </summary>
    Status,

    /// <summary>Send headers and part of a body, then abort the connection.</summary>
    Drop,

    /// <summary>Wait <see cref="FaultSpec.Delay"/>, then answer normally.</summary>
    Slow,

    /// <summary>Answer 200 with a JSON content type and no body.</summary>
    EmptyBody,

    /// <summary>Answer 200 with an HTML page instead of JSON.</summary>
    NotJson,

    /// <summary>Answer 429 with the v2 usage-capped problem (a monthly cap: waiting for the rate-limit window does not help).</summary>
    UsageCapped,

    /// <summary>
    /// Promise a 4096-byte body that starts like the path's answer, then send one byte every <see cref="FaultSpec.Delay"/>:
    /// never silent long enough for a per-read time-out, never done.
    /// </summary>
    Trickle,
}
