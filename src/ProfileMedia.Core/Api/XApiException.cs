using System;
using System.Collections.Generic;
using System.Net;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The one exception the API client throws for an answer it cannot use: it carries the HTTP status, the X error
/// codes and messages, the rate-limit headers, and a message that says what to do about it.
/// </summary>
public sealed class XApiException : Exception
{
    /// <summary>Creates the exception; <see cref="XApiErrorAdvice"/> builds these from answers.</summary>
    internal XApiException(string message, string errorId, HttpStatusCode? statusCode, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter, Exception? innerException = null)
        : this(message, errorId, statusCode, errors, rateLimit, retryAfter, null, innerException)
    {
    }

    /// <summary>Creates the exception for a v2 answer that carried a problem object.</summary>
    internal XApiException(string message, string errorId, HttpStatusCode? statusCode, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter, XApiProblem? problem, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        ErrorId = errorId;
        StatusCode = statusCode;
        Errors = errors;
        RateLimit = rateLimit;
        RetryAfter = retryAfter;
    }

    /// <summary>A PascalCase id for the kind of failure, such as <c>UserNotFound</c> or <c>RateLimited</c>.</summary>
    public string ErrorId { get; }

    /// <summary>The v2 problem object of the answer (type, title, detail, reason, period), when it had one.</summary>
    public XApiProblem? Problem { get; }

    /// <summary>The HTTP status, or null when no answer came (connection failure, time-out).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The X error codes and messages of the body; empty when the body had none.</summary>
    public IReadOnlyList<XApiErrorDetail> Errors { get; }

    /// <summary>The rate-limit headers of the answer, when it had them.</summary>
    public RateLimitStatus? RateLimit { get; }

    /// <summary>How long the service asked us to wait (from <c>retry-after</c> or the rate-limit reset), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the X error codes include <paramref name="code"/>.</summary>
    public bool HasCode(XErrorCode code) => XErrorCodes.Contain(Errors, code);
}
