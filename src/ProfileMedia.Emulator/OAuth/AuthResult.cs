using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>Either the user a request is signed for and the access token it used, or why it is refused.</summary>
internal sealed record AuthResult(UserRecord? User, string? AccessToken, ApiError? Error)
{
    public static AuthResult Refused(ApiError error) => new(null, null, error);

    public static AuthResult Accepted(UserRecord user, string accessToken) => new(user, accessToken, null);
}
