using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// Turns what the service answered into an error id, a message that says what went wrong, and the kind of advice the
/// cmdlets add. One table, so every cmdlet words the same failure the same way.
/// </summary>
internal static class XApiErrorAdvice
{
    /// <summary>Builds the exception for an answer with a status that is not success.</summary>
    /// <param name="operation">What the user asked for ("Look up @x").</param>
    /// <param name="status">The answer's status.</param>
    /// <param name="errors">The body's error items (v1.1 codes, or v2 messages).</param>
    /// <param name="rateLimit">The rate-limit headers.</param>
    /// <param name="retryAfter">How long the service asked to wait.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="problem">The v2 problem object, when the body was one.</param>
    /// <param name="endpoint">The request URI, so that the message can name the endpoint.</param>
    /// <param name="rateLimitWait">What waiting for the rate limit did, when it was chosen: the advice then is not to choose it.</param>
    public static XApiException FromAnswer(string operation, HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter, int attempts = 1,
        XApiProblem? problem = null, Uri? endpoint = null, RateLimitWait? rateLimitWait = null)
    {
        Verdict verdict = (problem == null ? null : XApiProblemAdvice.Classify(problem, status, errors, rateLimit, retryAfter, rateLimitWait))
            ?? Classify(status, errors, rateLimit, retryAfter, endpoint, rateLimitWait);
        string said = problem != null ? problem.ToString() + (errors.Count == 0 ? string.Empty : " [" + Join(errors) + "]")
            : errors.Count == 0 ? "no error details" : Join(errors);
        string tries = attempts > 1 ? string.Format(CultureInfo.InvariantCulture, " after {0} attempts", attempts) : string.Empty;
        string message = string.Format(CultureInfo.InvariantCulture, "{0} failed{1}: HTTP {2} ({3}). {4}", operation, tries, (int)status, said, verdict.Problem);
        return new XApiException(message, verdict.ErrorId, status, errors, rateLimit, retryAfter, problem).About(endpoint?.AbsoluteUri, verdict.Advice);
    }

    /// <summary>Builds the exception for a request that got no usable answer at all.</summary>
    public static XApiException NoAnswer(string operation, string errorId, string what, Exception? inner, AdviceKind advice = AdviceKind.None) =>
        new XApiException(operation + " failed: " + what, errorId, null, Array.Empty<XApiErrorDetail>(), null, null, inner).About(null, advice);

    private static Verdict Classify(HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter, Uri? endpoint,
        RateLimitWait? rateLimitWait)
    {
        foreach (XApiErrorDetail error in errors)
        {
            switch (error.Code)
            {
                case XErrorCode.CouldNotAuthenticate:
                case XErrorCode.BadAuthenticationData:
                    return new Verdict(ErrorIds.AuthenticationFailed, "X could not authenticate the request: check the consumer key and secret, the access token and secret, and that this computer's clock is right.");
                case XErrorCode.TimestampOutOfBounds:
                    return new Verdict(ErrorIds.TimestampOutOfBounds, "The request's timestamp is too far from X's clock: set this computer's clock right (time zone and NTP) and try again.");
                case XErrorCode.InvalidOrExpiredToken:
                    return new Verdict(ErrorIds.TokenInvalid, "The access token is invalid, expired or revoked: create a new access token for the account and connect again.");
                case XErrorCode.AppCannotWrite:
                    return new Verdict(ErrorIds.AppCannotWrite, "The app is not allowed to write: give it Read and Write permission in the developer portal, then regenerate the access token and connect again.");
                case XErrorCode.AccountLocked:
                    return new Verdict(ErrorIds.AccountLocked, "The account is locked: sign in at x.com to unlock it, then try again.");
                case XErrorCode.OutsideAccessTier:
                    return new Verdict(ErrorIds.AccessTierInsufficient, (endpoint == null ? "This v1.1 endpoint" : endpoint.AbsolutePath) + " is not in the app's access level (pay-per-use and the legacy free tier keep"
                        + " only media upload and a few other v1.1 endpoints). Only Enterprise and some legacy subscriptions still include the v1.1 reads.", AdviceKind.UseV2Reads);
                case XErrorCode.UnableToVerifyCredentials:
                    return new Verdict(ErrorIds.AuthenticationFailed, "X could not verify the app's credentials for a Bearer token: check the consumer key and secret (API Key and Secret in the developer console).");
                case XErrorCode.UserNotFound:
                    return new Verdict(ErrorIds.UserNotFound, "No such user: check the screen name or id.");
                case XErrorCode.RateLimitExceeded:
                    return RateLimitVerdict(rateLimit, retryAfter, rateLimitWait);
                case XErrorCode.ParameterMissing:
                    return new Verdict(ErrorIds.ParameterMissing, "A required parameter was missing from the request.");
            }
        }

        switch ((int)status)
        {
            case 429:
                return RateLimitVerdict(rateLimit, retryAfter, rateLimitWait);
            case 401:
                return new Verdict(ErrorIds.AuthenticationFailed, "X refused the credentials: check the keys, the tokens and this computer's clock.");
            case 404:
                return new Verdict(ErrorIds.NotFound, "X has no such resource.");
            case 413:
                return new Verdict(ErrorIds.ImageTooLarge, "The image is too large for X: use a smaller file.");
            case 422:
                return new Verdict(ErrorIds.ImageCannotBeProcessed, "X could not resize or read the image: use a GIF, JPEG or PNG within the size limit.");
            case 400:
                return new Verdict(ErrorIds.BadRequest, "X refused the request as malformed.");
            case 403:
                return new Verdict(ErrorIds.Forbidden, "X refused the request for this account or app.");
            default:
                return (int)status >= 500
                    ? new Verdict(ErrorIds.ServiceUnavailable, "X is failing or overloaded: try again later.")
                    : new Verdict(ErrorIds.ApiError, "X did not accept the request.");
        }
    }

    /// <summary>The verdict on a rate-limit 429, the one failure that waiting for the rate limit waits for.</summary>
    // When the window opens and what to do: choose Wait when it was not chosen; when it was, say why it did not help.
    internal static Verdict RateLimitVerdict(RateLimitStatus? rateLimit, TimeSpan? retryAfter, RateLimitWait? rateLimitWait = null)
    {
        string when = rateLimit?.Reset is DateTimeOffset reset
            ? "The window resets at " + RateLimitStatus.Describe(reset) + "."
            : retryAfter is TimeSpan wait
                ? "X asked to wait " + Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s."
                : "X did not say when the window resets.";
        const string Reached = "Rate limit reached. ";
        return rateLimitWait switch
        {
            null => new Verdict(ErrorIds.RateLimited, Reached + when, AdviceKind.WaitForRateLimit),
            { Waited: true } => new Verdict(ErrorIds.RateLimited, Reached + when + " It was reached again after waiting for the window: try again later."),
            _ when retryAfter == null => new Verdict(ErrorIds.RateLimited, Reached + when, AdviceKind.RateLimitWaitNeedsRetryAfter),
            _ => new Verdict(ErrorIds.RateLimited, Reached + when + " That is longer than the longest wait allowed ("
                + rateLimitWait.MaxWait.ToString("c", CultureInfo.InvariantCulture) + ").", AdviceKind.RaiseMaxRateLimitWait),
        };
    }

    // The service's own words, with control characters made visible (no ESC or CR from a body reaches a terminal) and
    // without a closing full stop, since they stand inside parentheses in the message.
    internal static string Join(IReadOnlyList<XApiErrorDetail> errors)
    {
        var parts = new string[errors.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = "code " + MessageText.Escape(errors[i].ToString()).TrimEnd('.', ' ');
        }

        return string.Join("; ", parts);
    }

    /// <summary>What an answer means: its error id, the problem in words naming no cmdlet, and the advice the cmdlets add.</summary>
    internal sealed class Verdict
    {
        public Verdict(string errorId, string problem, AdviceKind advice = AdviceKind.None)
        {
            ErrorId = errorId;
            Problem = problem;
            Advice = advice;
        }

        public string ErrorId { get; }

        public string Problem { get; }

        public AdviceKind Advice { get; }
    }
}
