using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>Either the user a request is signed for, or why it is refused.</summary>
internal sealed record AuthResult(UserRecord? User, ApiError? Error)
{
    public static AuthResult Refused(ApiError error) => new(null, error);

    public static AuthResult Accepted(UserRecord user) => new(user, null);
}
