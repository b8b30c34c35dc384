namespace ProfileMedia.Emulator;

/// <summary>An error answer: the HTTP status and the one entry of the service's {"errors":[{"code":N,"message":"..."}]} body.</summary>
internal sealed record ApiError(int Status, int Code, string Message)
{
    public static readonly ApiError BadAuthenticationData = new(400, 215, "Bad Authentication data.");
    public static readonly ApiError CouldNotAuthenticate = new(401, 32, "Could not authenticate you.");
    public static readonly ApiError InvalidOrExpiredToken = new(401, 89, "Invalid or expired token.");
    public static readonly ApiError TimestampOutOfBounds = new(401, 135, "Timestamp out of bounds.");
    public static readonly ApiError CannotWrite = new(401, 261, "Application cannot perform write actions. Contact Twitter Platform Operations through https://help.twitter.com/forms/platform.");
    public static readonly ApiError AccountLocked = new(403, 326, "To protect our users from spam and other malicious activity, this account is temporarily locked. Please log in to https://twitter.com to unlock your account.");
    public static readonly ApiError OutsideAccessTier = new(403, 453, "You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints (e.g. media post, oauth) only. If you need access to this endpoint, you may need a different access level. You can learn more here: https://developer.x.com/en/portal/product");
    public static readonly ApiError CallbackNotApproved = new(403, 415, "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings");
    public static readonly ApiError PageDoesNotExist = new(404, 34, "Sorry, that page does not exist");
    public static readonly ApiError UserNotFound = new(404, 50, "User not found.");
    public static readonly ApiError UserSuspended = new(403, 63, "User has been suspended.");
    public static readonly ApiError NoUserMatches = new(404, 17, "No user matches for specified terms.");
    public static readonly ApiError TooManyTerms = new(403, 18, "Too many terms specified in query.");
    public static readonly ApiError RateLimitExceeded = new(429, 88, "Rate limit exceeded");
    public static readonly ApiError InternalError = new(500, 131, "Internal error");
    public static readonly ApiError OverCapacity = new(503, 130, "Over capacity");
    public static readonly ApiError UserParameterMissing = new(400, 38, "screen_name or user_id parameter is missing.");
    public static readonly ApiError ImageParameterMissing = new(400, 38, "image parameter is missing.");
    public static readonly ApiError BannerParameterMissing = new(400, 38, "banner parameter is missing.");
    public static readonly ApiError CropParametersIncomplete = new(400, 38, "width, height, offset_left and offset_top must be given together, as whole numbers.");
    public static readonly ApiError UnrecognizedImage = new(400, 324, "Media type unrecognized.");
    public static readonly ApiError BannerTooLarge = new(422, 324, "Image file size must be <= 5242880 bytes.");
}
