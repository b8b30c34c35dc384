using System;
using System.Collections.Generic;
using System.Net;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The error id and advice for each v2 problem type. A type this table does not know returns null, and the status
/// decides (with the problem's title and detail in the message), so an unknown problem still reads clearly.
/// </summary>
internal static class XApiProblemAdvice
{
    public const string UserContextAdvice = "It needs OAuth 1.0a user context: connect with -ConsumerKey, -ConsumerSecret, -AccessToken and -AccessTokenSecret"
        + " (API Key and Secret, and an Access Token and Secret, from the app's Keys and tokens page in the developer console). An app-only Bearer token is enough only for user lookups.";

    public static (string ErrorId, string Advice)? Classify(XApiProblem problem, HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter,
        RateLimitWait? rateLimitWait = null)
    {
        switch (problem.Name)
        {
            case "usage-capped":
                return (ErrorIds.UsageCapped, "The app has used its " + (problem.Period ?? "monthly").ToLowerInvariant() + " usage cap: waiting for the 15-minute rate-limit window does not help."
                    + " Raise the cap or wait for the next " + (problem.Period ?? "monthly").ToLowerInvariant() + " period, in the developer console.");
            case "credits-depleted":
                return (ErrorIds.CreditsDepleted, "The app's pay-per-use credit balance is empty: buy credits in the developer console (Billing). Nothing was retried, and nothing will work until the balance is topped up.");
            case "client-forbidden" when string.Equals(problem.Reason, "client-not-enrolled", StringComparison.OrdinalIgnoreCase):
                return (ErrorIds.ClientNotEnrolled, "The app is not enrolled for this endpoint: in the developer console, put the app in a Project on the Pay-per-use package and use its Production environment's keys and tokens.");
            case "client-forbidden":
                return (ErrorIds.ClientForbidden, "X refused this app for the endpoint: check the app's Project, package and environment in the developer console.");
            case "unsupported-authentication":
                return (ErrorIds.UnsupportedAuthentication, "X refused the kind of token for this endpoint. " + UserContextAdvice);
            case "invalid-request":
                return (ErrorIds.InvalidRequest, "X refused the request's parameters" + (errors.Count == 0 ? "." : ": " + XApiErrorAdvice.Join(errors)));
            case "resource-not-found":
                return (ErrorIds.UserNotFound, "No such user: check the screen name or id.");
        }

        switch ((int)status)
        {
            case 401:
                return (ErrorIds.AuthenticationFailed, "X refused the credentials: check the Bearer token (create a new one in the developer console if it was regenerated), or the consumer key and secret, access token and secret, and this computer's clock.");
            case 402:
                return (ErrorIds.CreditsDepleted, "X asks for payment: the app's pay-per-use credit balance is empty. Buy credits in the developer console (Billing).");
            case 429:
                return (ErrorIds.RateLimited, XApiErrorAdvice.RateLimitAdvice(rateLimit, retryAfter, rateLimitWait));
            default:
                return null;
        }
    }
}
