namespace ProfileMedia.Core.Api;

/// <summary>What a lookup found for one user: the user, or why not (UserNotFound, UserSuspended, or the failure of its whole request).</summary>
internal sealed class UserLookupOutcome
{
    /// <summary>Creates an outcome; exactly one of <paramref name="user"/> and <paramref name="error"/> is set.</summary>
    public UserLookupOutcome(UserReference reference, ProfileUser? user, XApiException? error)
    {
        Reference = reference;
        User = user;
        Error = error;
    }

    /// <summary>The user as asked for.</summary>
    public UserReference Reference { get; }

    /// <summary>The user found, or null.</summary>
    public ProfileUser? User { get; }

    /// <summary>Why the user was not found; one instance is shared by every user of a request that failed as a whole.</summary>
    public XApiException? Error { get; }
}
