using System;
using System.Collections.Generic;
using System.Net;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The one exception the API client throws for an answer it cannot use: it carries the HTTP status, the X error
/// codes and messages, the rate-limit headers, and a message that says what went wrong. What to do about it that
/// names a cmdlet or a parameter is <see cref="Advice"/>, which the cmdlets word.
/// </summary>
public sealed class XApiException : Exception, IStructuredError
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

    /// <summary>The request the failure is about (its URI; the credentials travel in a header), when there was one.</summary>
    public string? Subject { get; private set; }

    /// <summary>The advice the cmdlets add to <see cref="Exception.Message"/>, naming the cmdlet or parameter to use.</summary>
    internal AdviceKind Advice { get; private set; }

    /// <inheritdoc />
    string IStructuredError.Problem => Message;

    /// <inheritdoc />
    AdviceKind IStructuredError.Advice => Advice;

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

    /// <summary>Sets the advice and the subject of a new exception, before it is thrown; returns it.</summary>
    internal XApiException About(string? subject, AdviceKind advice = AdviceKind.None)
    {
        Subject = subject;
        Advice = advice;
        return this;
    }

    /// <summary>The same failure with <paramref name="message"/>: the cmdlets' wording of problem and advice.</summary>
    internal XApiException Worded(string message) =>
        new XApiException(message, ErrorId, StatusCode, Errors, RateLimit, RetryAfter, Problem, InnerException).About(Subject, Advice);

    /// <summary>True when the X error codes include <paramref name="code"/>.</summary>
    public bool HasCode(XErrorCode code) => XErrorCodes.Contain(Errors, code);
}
