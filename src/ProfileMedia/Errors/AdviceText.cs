using System;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Errors;

/// <summary>
/// The words of every advice kind Core names: the one place that tells users which cmdlet to run or which parameter to
/// give. Core's messages say what went wrong; <see cref="Append"/> adds this after them.
/// </summary>
internal static class AdviceText
{
    /// <summary>The problem followed by the advice, as one message; the problem alone when there is none.</summary>
    public static string Append(string problem, AdviceKind advice) => advice == AdviceKind.None ? problem : problem + " " + Of(advice);

    /// <summary>The sentences of <paramref name="advice"/>, each ending in one full stop.</summary>
    public static string Of(AdviceKind advice) => advice switch
    {
        AdviceKind.ConnectWithUserContext => "It needs OAuth 1.0a user context: connect with -ConsumerKey, -ConsumerSecret, -AccessToken and -AccessTokenSecret"
            + " (API Key and Secret, and an Access Token and Secret, from the app's Keys and tokens page in the developer console). An app-only Bearer token is enough only for user lookups.",
        AdviceKind.WaitForRateLimit => "Use -RateLimitAction Wait to wait for it instead of failing.",
        AdviceKind.RateLimitWaitNeedsRetryAfter => "-RateLimitAction Wait cannot wait without knowing how long: try again later.",
        AdviceKind.RaiseMaxRateLimitWait => "Raise -MaxRateLimitWait, or try again then.",
        AdviceKind.UseV2Reads => "Reads work through the X API v2, the default: leave out -ReadApiVersion 1.1 here and on Connect-ProfileMedia.",
        AdviceKind.CheckBeforeRetrying => "Check with Get-ProfileUser before trying again.",
        AdviceKind.PipeThroughGetProfileBanner => "Pipe it through Get-ProfileBanner, which gives one URL per size.",
        AdviceKind.ConnectToRefresh => "Connect with Connect-ProfileMedia so Save-ProfileMedia can refresh it through a user lookup.",
        AdviceKind.PipeUsersToRefresh => "Pipe Get-ProfileUser output (or its variants) into Save-ProfileMedia, with a connection, so it can refresh the URL.",
        AdviceKind.ClosedBySaveDisconnect => "Disconnect-ProfileMedia closed it while Save-ProfileMedia ran.",
        AdviceKind.RetryAuthorizationRequest => "Then run Request-ProfileMediaAuthorization again.",
        AdviceKind.CompleteWithPinOfThisLink => "Enter the PIN shown after approving this same authorization link (a PIN from another link does not fit),"
            + " for example: $pending | Complete-ProfileMediaAuthorization -Pin 1234567.",
        AdviceKind.UseCredentialsOrRequestAgain => "Use the credentials it gave, or run Request-ProfileMediaAuthorization again for a new link and PIN.",
        AdviceKind.RequestAuthorizationAgain => "Run Request-ProfileMediaAuthorization again, approve the new link and enter its PIN soon after.",
        AdviceKind.CredentialsNotInUri => "The credentials go in -ConsumerKey, -AccessToken and their secrets.",
        AdviceKind.PasteBearerToken => "Try again later, or connect with -BearerToken and the token from the developer portal.",
        AdviceKind.ConnectWithBearerToken => "Connect with -BearerToken (the app's Bearer Token from the developer console), or with -ConsumerKey and -ConsumerSecret and"
            + " -RequestBearerToken; a connection may hold both kinds, so the same one can also change the account.",
        AdviceKind.ListOrRemoveWatches => "Get-ProfileMediaWatch lists the watches; Unregister-ProfileMediaWatch removes one.",
        AdviceKind.RemoveUnneededWatches => "Remove watches no longer needed with Unregister-ProfileMediaWatch.",
        AdviceKind.UseAnotherArchive => "Stop the other Watch-ProfileMedia, or give another -Archive folder.",
        _ => throw new ArgumentOutOfRangeException(nameof(advice), advice, "No words for this advice kind."),
    };
}
