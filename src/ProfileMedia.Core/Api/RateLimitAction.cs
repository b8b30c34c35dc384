namespace ProfileMedia.Core.Api;

/// <summary>What a call does when X answers 429 Too Many Requests.</summary>
public enum RateLimitAction
{
    /// <summary>Fail at once with a RateLimited error that says when the window resets.</summary>
    Fail = 0,

    /// <summary>Wait for the window to reset (bounded by the maximum wait), then try again.</summary>
    Wait = 1,
}
