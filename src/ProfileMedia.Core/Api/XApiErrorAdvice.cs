using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// Turns what the service answered into an error id and a message that says what to do. One table, so every
/// cmdlet words the same failure the same way.
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
    /// <param name="endpoint">The request URI, so that advice can name the endpoint.</param>
    /// <param name="rateLimitWait">What -RateLimitAction Wait did, when it was chosen: the advice then is not to choose it.</param>
    public static XApiException FromAnswer(string operation, HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter, int attempts = 1,
        XApiProblem? problem = null, Uri? endpoint = null, RateLimitWait? rateLimitWait = null)
    {
        var (errorId, advice) = (problem == null ? null : XApiProblemAdvice.Classify(problem, status, errors, rateLimit, retryAfter, rateLimitWait))
            ?? Classify(status, errors, rateLimit, retryAfter, endpoint, rateLimitWait);
        string said = problem != null ? problem.ToString() + (errors.Count == 0 ? string.Empty : " [" + Join(errors) + "]")
            : errors.Count == 0 ? "no error details" : Join(errors);
        string tries = attempts > 1 ? string.Format(CultureInfo.InvariantCulture, " after {0} attempts", attempts) : string.Empty;
        string message = string.Format(CultureInfo.InvariantCulture, "{0} failed{1}: HTTP {2} ({3}). {4}", operation, tries, (int)status, said, advice);
        return new XApiException(message, errorId, status, errors, rateLimit, retryAfter, problem);
    }

    /// <summary>Builds the exception for a request that got no usable answer at all.</summary>
    public static XApiException NoAnswer(string operation, string errorId, string what, Exception? inner) =>
        new XApiException(operation + " failed: " + what, errorId, null, Array.Empty<XApiErrorDetail>(), null, null, inner);

    private static (string ErrorId, string Advice) Classify(HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter, Uri? endpoint,
        RateLimitWait? rateLimitWait)
    {
        foreach (XApiErrorDetail error in errors)
        {
            switch (error.Code)
            {
                case XErrorCode.CouldNotAuthenticate:
                case XErrorCode.BadAuthenticationData:
                    return (ErrorIds.AuthenticationFailed, "X could not authenticate the request: check the consumer key and secret, the access token and secret, and that this computer's clock is right.");
                case XErrorCode.TimestampOutOfBounds:
                    return (ErrorIds.TimestampOutOfBounds, "The request's timestamp is too far from X's clock: set this computer's clock right (time zone and NTP) and try again.");
                case XErrorCode.InvalidOrExpiredToken:
                    return (ErrorIds.TokenInvalid, "The access token is invalid, expired or revoked: create a new access token for the account and connect again.");
                case XErrorCode.AppCannotWrite:
                    return (ErrorIds.AppCannotWrite, "The app is not allowed to write: give it Read and Write permission in the developer portal, then regenerate the access token and connect again.");
                case XErrorCode.AccountLocked:
                    return (ErrorIds.AccountLocked, "The account is locked: sign in at x.com to unlock it, then try again.");
                case XErrorCode.OutsideAccessTier:
                    return (ErrorIds.AccessTierInsufficient, (endpoint == null ? "This v1.1 endpoint" : endpoint.AbsolutePath) + " is not in the app's access level (pay-per-use and the legacy free tier keep"
                        + " only media upload and a few other v1.1 endpoints). Reads work through the X API v2, the default: leave out -ReadApiVersion 1.1 here and on Connect-ProfileMedia."
                        + " Only Enterprise and some legacy subscriptions still include the v1.1 reads.");
                case XErrorCode.UnableToVerifyCredentials:
                    return (ErrorIds.AuthenticationFailed, "X could not verify the app's credentials for a Bearer token: check the consumer key and secret (API Key and Secret in the developer console).");
                case XErrorCode.UserNotFound:
                    return (ErrorIds.UserNotFound, "No such user: check the screen name or id.");
                case XErrorCode.RateLimitExceeded:
                    return (ErrorIds.RateLimited, RateLimitAdvice(rateLimit, retryAfter, rateLimitWait));
                case XErrorCode.ParameterMissing:
                    return (ErrorIds.ParameterMissing, "A required parameter was missing from the request.");
            }
        }

        switch ((int)status)
        {
            case 429:
                return (ErrorIds.RateLimited, RateLimitAdvice(rateLimit, retryAfter, rateLimitWait));
            case 401:
                return (ErrorIds.AuthenticationFailed, "X refused the credentials: check the keys, the tokens and this computer's clock.");
            case 404:
                return (ErrorIds.NotFound, "X has no such resource.");
            case 413:
                return (ErrorIds.ImageTooLarge, "The image is too large for X: use a smaller file.");
            case 422:
                return (ErrorIds.ImageCannotBeProcessed, "X could not resize or read the image: use a GIF, JPEG or PNG within the size limit.");
            case 400:
                return (ErrorIds.BadRequest, "X refused the request as malformed.");
            case 403:
                return (ErrorIds.Forbidden, "X refused the request for this account or app.");
            default:
                return (int)status >= 500
                    ? (ErrorIds.ServiceUnavailable, "X is failing or overloaded: try again later.")
                    : (ErrorIds.ApiError, "X did not accept the request.");
        }
    }

    /// <summary>The advice for a rate-limit 429, the one failure -RateLimitAction Wait waits for.</summary>
    // When the window opens and what to do: choose Wait when it was not chosen; when it was, say why it did not help.
    internal static string RateLimitAdvice(RateLimitStatus? rateLimit, TimeSpan? retryAfter, RateLimitWait? rateLimitWait = null)
    {
        string when = rateLimit?.Reset is DateTimeOffset reset
            ? "The window resets at " + RateLimitStatus.Describe(reset) + "."
            : retryAfter is TimeSpan wait
                ? "X asked to wait " + Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s."
                : "X did not say when the window resets.";
        string advice = rateLimitWait switch
        {
            null => "Use -RateLimitAction Wait to wait for it instead of failing.",
            { Waited: true } => "It was reached again after waiting for the window: try again later.",
            _ when retryAfter == null => "-RateLimitAction Wait cannot wait without knowing how long: try again later.",
            _ => "That is longer than -MaxRateLimitWait (" + rateLimitWait.MaxWait.ToString("c", CultureInfo.InvariantCulture) + ") allows: raise -MaxRateLimitWait, or try again then.",
        };
        return "Rate limit reached. " + when + " " + advice;
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
}
