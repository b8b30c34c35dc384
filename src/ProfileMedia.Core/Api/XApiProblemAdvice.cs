using System;
using System.Collections.Generic;
using System.Net;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The error id, problem and advice kind for each v2 problem type. A type this table does not know returns null, and the status
/// decides (with the problem's title and detail in the message), so an unknown problem still reads clearly.
/// </summary>
internal static class XApiProblemAdvice
{
    public static XApiErrorAdvice.Verdict? Classify(XApiProblem problem, HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, RateLimitStatus? rateLimit, TimeSpan? retryAfter,
        RateLimitWait? rateLimitWait = null)
    {
        switch (problem.Name)
        {
            case "usage-capped":
                return new XApiErrorAdvice.Verdict(ErrorIds.UsageCapped, "The app has used its " + (problem.Period ?? "monthly").ToLowerInvariant() + " usage cap: waiting for the 15-minute rate-limit window does not help."
                    + " Raise the cap or wait for the next " + (problem.Period ?? "monthly").ToLowerInvariant() + " period, in the developer console.");
            case "credits-depleted":
                return new XApiErrorAdvice.Verdict(ErrorIds.CreditsDepleted, "The app's pay-per-use credit balance is empty: buy credits in the developer console (Billing). Nothing was retried, and nothing will work until the balance is topped up.");
            case "client-forbidden" when string.Equals(problem.Reason, "client-not-enrolled", StringComparison.OrdinalIgnoreCase):
                return new XApiErrorAdvice.Verdict(ErrorIds.ClientNotEnrolled, "The app is not enrolled for this endpoint: in the developer console, put the app in a Project on the Pay-per-use package and use its Production environment's keys and tokens.");
            case "client-forbidden":
                return new XApiErrorAdvice.Verdict(ErrorIds.ClientForbidden, "X refused this app for the endpoint: check the app's Project, package and environment in the developer console.");
            case "unsupported-authentication":
                return new XApiErrorAdvice.Verdict(ErrorIds.UnsupportedAuthentication, "X refused the kind of token for this endpoint.", AdviceKind.ConnectWithUserContext);
            case "invalid-request":
                return new XApiErrorAdvice.Verdict(ErrorIds.InvalidRequest, "X refused the request's parameters" + (errors.Count == 0 ? "." : ": " + XApiErrorAdvice.Join(errors)));
            case "resource-not-found":
                return new XApiErrorAdvice.Verdict(ErrorIds.UserNotFound, "No such user: check the screen name or id.");
        }

        switch ((int)status)
        {
            case 401:
                return new XApiErrorAdvice.Verdict(ErrorIds.AuthenticationFailed, "X refused the credentials: check the Bearer token (create a new one in the developer console if it was regenerated), or the consumer key and secret, access token and secret, and this computer's clock.");
            case 402:
                return new XApiErrorAdvice.Verdict(ErrorIds.CreditsDepleted, "X asks for payment: the app's pay-per-use credit balance is empty. Buy credits in the developer console (Billing).");
            case 429:
                return XApiErrorAdvice.RateLimitVerdict(rateLimit, retryAfter, rateLimitWait);
            default:
                return null;
        }
    }
}
