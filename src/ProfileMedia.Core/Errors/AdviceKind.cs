namespace ProfileMedia.Core.Errors;

/// <summary>
/// What a failure tells the user to do next, when saying it means naming a cmdlet or a parameter. Core names only the
/// kind, so it never spells the PowerShell surface; the cmdlets' AdviceText words each kind, in one table.
/// </summary>
internal enum AdviceKind
{
    /// <summary>The problem says all there is to say.</summary>
    None = 0,

    /// <summary>The call needs OAuth 1.0a user context: connect with the consumer key and an access token.</summary>
    ConnectWithUserContext,

    /// <summary>A 429 with rate-limit waiting not chosen: choose it.</summary>
    WaitForRateLimit,

    /// <summary>Rate-limit waiting was chosen, but the service did not say how long to wait.</summary>
    RateLimitWaitNeedsRetryAfter,

    /// <summary>Rate-limit waiting was chosen, and the window opens later than the longest wait allowed.</summary>
    RaiseMaxRateLimitWait,

    /// <summary>A v1.1 read outside the app's access level: read through v2, the default.</summary>
    UseV2Reads,

    /// <summary>A change that got no answer may or may not have been made: look before trying again.</summary>
    CheckBeforeRetrying,

    /// <summary>A bare banner URL where a file is wanted: expand it into one URL per size first.</summary>
    PipeThroughGetProfileBanner,

    /// <summary>An outdated media URL whose user is known, saved without a connection: connect so it can be refreshed.</summary>
    ConnectToRefresh,

    /// <summary>An outdated media URL given alone: give the user objects, with a connection, so it can be refreshed.</summary>
    PipeUsersToRefresh,

    /// <summary>The connection was closed by disconnecting while media were being saved.</summary>
    ClosedBySaveDisconnect,

    /// <summary>X would not start an authorization: after fixing the app's settings, ask for a new one.</summary>
    RetryAuthorizationRequest,

    /// <summary>X did not accept the PIN: give the PIN of this same authorization link.</summary>
    CompleteWithPinOfThisLink,

    /// <summary>The authorization was already completed: use what it gave, or start a new one.</summary>
    UseCredentialsOrRequestAgain,

    /// <summary>The request token expired: start a new authorization and complete it soon.</summary>
    RequestAuthorizationAgain,

    /// <summary>Credentials were written into the API base URI: they go in the credential parameters.</summary>
    CredentialsNotInUri,

    /// <summary>X minted an unusable Bearer token: try later, or connect with the token from the developer portal.</summary>
    PasteBearerToken,

    /// <summary>The X Activity API needs the app-only Bearer token: connect with one, or have one minted.</summary>
    ConnectWithBearerToken,

    /// <summary>A user and kind already watched: list the watches, or remove one.</summary>
    ListOrRemoveWatches,

    /// <summary>The app holds all the subscriptions it may: remove watches no longer needed.</summary>
    RemoveUnneededWatches,

    /// <summary>Another watcher holds the archive folder: stop it, or archive elsewhere.</summary>
    UseAnotherArchive,
}
