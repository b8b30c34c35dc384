using System.Net;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Activity;

/// <summary>The X Activity API's own refusals, named for what they mean to someone watching accounts.</summary>
internal static class ActivityErrors
{
    public const string BearerTokenAdvice = "Connect with -BearerToken (the app's Bearer Token from the developer console), or with -ConsumerKey and -ConsumerSecret and"
        + " -RequestBearerToken; a connection may hold both kinds, so the same one can also change the account.";

    /// <summary>A subscription refusal about one user and kind, with the id and advice that fit it; anything else as it was.</summary>
    public static XApiException Refine(XApiException e, string userId, ProfileMediaWatchKind kind)
    {
        string who = "user " + userId;
        if (e.StatusCode == HttpStatusCode.Conflict)
        {
            return Rename(e, ErrorIds.AlreadyWatched, "The " + Describe(kind) + " of " + who + " is already watched: nothing was created."
                + " Get-ProfileMediaWatch lists the watches; Unregister-ProfileMediaWatch removes one.");
        }

        if (e.Problem?.Name == "subscription-limit")
        {
            return Rename(e, ErrorIds.SubscriptionLimitReached, "The app holds as many X Activity API subscriptions as it may (1,500 on self-serve), so the "
                + Describe(kind) + " of " + who + " is not watched. Remove watches no longer needed with Unregister-ProfileMediaWatch.");
        }

        if (e.Problem?.IsNotFound == true)
        {
            bool suspended = e.Problem.Detail?.IndexOf("suspended", System.StringComparison.OrdinalIgnoreCase) >= 0;
            return Rename(e, suspended ? ErrorIds.UserSuspended : ErrorIds.UserNotFound, suspended
                ? who + " is suspended: X delivers no events for it, so it cannot be watched."
                : "No user with id " + userId + " was found: check the id.");
        }

        return e;
    }

    private static string Describe(ProfileMediaWatchKind kind) => kind == ProfileMediaWatchKind.Image ? "profile image" : "banner";

    private static XApiException Rename(XApiException e, string errorId, string message) =>
        new XApiException(message + " (X: HTTP " + ((int?)e.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + e.Problem + ")",
            errorId, e.StatusCode, e.Errors, e.RateLimit, e.RetryAfter, e.Problem, e);
}
