using System.Collections.Generic;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The X API v1.1 error codes this module acts on, by the names X's error-code table gives them. A code X adds later
/// still arrives: it is kept as its number (an enum holds any int) and gets the HTTP status's advice.
/// </summary>
public enum XErrorCode
{
    /// <summary>The body gave no code (a v2 problem, or plain text).</summary>
    None = 0,

    /// <summary>users/lookup found none of the users asked for.</summary>
    NoUserMatches = 17,

    /// <summary>The request could not be authenticated (a wrong key, token or signature).</summary>
    CouldNotAuthenticate = 32,

    /// <summary>A required parameter was missing.</summary>
    ParameterMissing = 38,

    /// <summary>No such user.</summary>
    UserNotFound = 50,

    /// <summary>The rate limit for this endpoint is used up.</summary>
    RateLimitExceeded = 88,

    /// <summary>The access token (or a PIN flow's request token) is invalid, expired or revoked.</summary>
    InvalidOrExpiredToken = 89,

    /// <summary>oauth2/token could not verify the consumer key and secret.</summary>
    UnableToVerifyCredentials = 99,

    /// <summary>The request's timestamp is too far from X's clock.</summary>
    TimestampOutOfBounds = 135,

    /// <summary>The authentication data was malformed.</summary>
    BadAuthenticationData = 215,

    /// <summary>The app is not allowed to write.</summary>
    AppCannotWrite = 261,

    /// <summary>The account is locked.</summary>
    AccountLocked = 326,

    /// <summary>The endpoint is outside the app's access level (v1.1 reads on pay-per-use and the free tier).</summary>
    OutsideAccessTier = 453,
}

/// <summary>Questions about the codes of an error body.</summary>
internal static class XErrorCodes
{
    /// <summary>True when one of <paramref name="errors"/> has <paramref name="code"/>.</summary>
    public static bool Contain(IReadOnlyList<XApiErrorDetail> errors, XErrorCode code)
    {
        foreach (XApiErrorDetail error in errors)
        {
            if (error.Code == code)
            {
                return true;
            }
        }

        return false;
    }
}
