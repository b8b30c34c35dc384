using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.V2;

/// <summary>Who made a v2 call: the app alone (a Bearer token) or a user (OAuth 1.0a user context).</summary>
/// <param name="User">The user of a user-context call; null for app-only.</param>
/// <param name="Token">What the rate limit counts against: the Bearer token or the access token.</param>
internal sealed record V2Caller(UserRecord? User, string Token)
{
    public bool IsAppOnly => User is null;
}
