using ProfileMedia.Core.Images;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Errors;

/// <summary>
/// Every error id the module gives, in one place: users filter on them (<c>$error[0].FullyQualifiedErrorId</c>,
/// <c>-ErrorAction</c> handlers), so each is written once and spelled alike by Core and the cmdlets. The cmdlets'
/// ErrorCategories gives each its PowerShell category.
/// </summary>
internal static class ErrorIds
{
    // The X API's answers (XApiException.ErrorId), from XApiErrorAdvice.
    public const string AuthenticationFailed = nameof(AuthenticationFailed);
    public const string TimestampOutOfBounds = nameof(TimestampOutOfBounds);
    public const string TokenInvalid = nameof(TokenInvalid);
    public const string AppCannotWrite = nameof(AppCannotWrite);
    public const string AccountLocked = nameof(AccountLocked);
    public const string AccessTierInsufficient = nameof(AccessTierInsufficient);
    public const string Forbidden = nameof(Forbidden);
    public const string UserNotFound = nameof(UserNotFound);
    public const string NotFound = nameof(NotFound);
    public const string NoProfileBanner = nameof(NoProfileBanner);
    public const string RateLimited = nameof(RateLimited);
    public const string ImageTooLarge = nameof(ImageTooLarge);
    public const string ImageCannotBeProcessed = nameof(ImageCannotBeProcessed);
    public const string BadRequest = nameof(BadRequest);
    public const string ParameterMissing = nameof(ParameterMissing);
    public const string ServiceUnavailable = nameof(ServiceUnavailable);
    public const string ApiError = nameof(ApiError);

    // X API v2: a user a lookup could not give, and the problem types (XApiProblemAdvice).
    public const string UserSuspended = nameof(UserSuspended);
    public const string ClientNotEnrolled = nameof(ClientNotEnrolled);
    public const string ClientForbidden = nameof(ClientForbidden);
    public const string UnsupportedAuthentication = nameof(UnsupportedAuthentication);
    public const string UsageCapped = nameof(UsageCapped);
    public const string CreditsDepleted = nameof(CreditsDepleted);
    public const string InvalidRequest = nameof(InvalidRequest);

    // Requests that got no usable answer.
    public const string ConnectionFailed = nameof(ConnectionFailed);
    public const string Timeout = nameof(Timeout);
    public const string UnexpectedResponse = nameof(UnexpectedResponse);
    public const string UnusableBearerToken = nameof(UnusableBearerToken);

    // Connecting, and the connection a cmdlet needs.
    public const string MissingCredential = nameof(MissingCredential);
    public const string EmptyCredential = nameof(EmptyCredential);
    public const string InvalidApiBaseUri = nameof(InvalidApiBaseUri);
    public const string NotConnected = nameof(NotConnected);
    public const string ConnectionClosed = nameof(ConnectionClosed);
    public const string InvalidBearerToken = nameof(InvalidBearerToken);
    public const string UserContextRequired = nameof(UserContextRequired);
    public const string CredentialTooLong = nameof(CredentialTooLong);

    // Authorizing an account for the app (the PIN-based three-legged flow).
    public const string AuthorizationRequestRefused = nameof(AuthorizationRequestRefused);
    public const string PinRejected = nameof(PinRejected);
    public const string PinAlreadyUsed = nameof(PinAlreadyUsed);
    public const string AuthorizationExpired = nameof(AuthorizationExpired);
    public const string PinMissing = nameof(PinMissing);
    public const string PendingAuthorizationCannotTravel = nameof(PendingAuthorizationCannotTravel);

    // Input a cmdlet cannot use.
    public const string NullInput = nameof(NullInput);
    public const string UnsupportedInput = nameof(UnsupportedInput);
    public const string UnreadableInput = nameof(UnreadableInput);
    public const string InvalidScreenName = nameof(InvalidScreenName);
    public const string InvalidUserId = nameof(InvalidUserId);
    public const string InvalidBannerRegion = nameof(InvalidBannerRegion);
    public const string InvalidDestination = nameof(InvalidDestination);

    // URLs that cannot be used: the names of UrlProblem.
    public const string NullUrl = nameof(UrlProblem.NullUrl);
    public const string EmptyUrl = nameof(UrlProblem.EmptyUrl);
    public const string UrlNotAbsoluteHttp = nameof(UrlProblem.UrlNotAbsoluteHttp);
    public const string UrlHasInvalidCharacters = nameof(UrlProblem.UrlHasInvalidCharacters);
    public const string UrlHasNoFileSegment = nameof(UrlProblem.UrlHasNoFileSegment);
    public const string BannerUrlWithoutSize = nameof(UrlProblem.BannerUrlWithoutSize);

    // Image files to upload: the path, then the names of ImageProblem.
    public const string PathEmpty = nameof(PathEmpty);
    public const string PathMatchesSeveralFiles = nameof(PathMatchesSeveralFiles);
    public const string NotFileSystemPath = nameof(NotFileSystemPath);
    public const string InvalidImagePath = nameof(InvalidImagePath);
    public const string ImageFileNotFound = nameof(ImageProblem.ImageFileNotFound);
    public const string ImageFileIsDirectory = nameof(ImageProblem.ImageFileIsDirectory);
    public const string ImageFileNotRegular = nameof(ImageProblem.ImageFileNotRegular);
    public const string ImageFileEmpty = nameof(ImageProblem.ImageFileEmpty);
    public const string UnsupportedImageFormat = nameof(ImageProblem.UnsupportedImageFormat);
    public const string TruncatedImage = nameof(ImageProblem.TruncatedImage);
    public const string ImageFileTooLarge = nameof(ImageProblem.ImageFileTooLarge);
    public const string ImageFileUnreadable = nameof(ImageProblem.ImageFileUnreadable);

    // Preparing pictures (ConvertTo-ProfileImage, -Fit): the names of ImageProblem not shared with the file checks
    // above, then the parameters and the destination.
    public const string ImageTooManyPixels = nameof(ImageProblem.ImageTooManyPixels);
    public const string CorruptImage = nameof(ImageProblem.CorruptImage);
    public const string InvalidCropRegion = nameof(ImageProblem.InvalidCropRegion);
    public const string ImageCannotFit = nameof(ImageProblem.ImageCannotFit);
    public const string ImageFittingNotSupported = nameof(ImageProblem.ImageFittingNotSupported);
    public const string CropRegionWithoutFit = nameof(CropRegionWithoutFit);
    public const string BannerRegionWithFit = nameof(BannerRegionWithFit);
    public const string DestinationNotFound = nameof(DestinationNotFound);
    public const string DestinationFormatMismatch = nameof(DestinationFormatMismatch);
    public const string DestinationNotWritable = nameof(DestinationNotWritable);

    // Saving media.
    public const string FileExists = nameof(FileExists);
    public const string MediaUrlOutdated = nameof(MediaUrlOutdated);
    public const string RefreshFailed = nameof(RefreshFailed);
    public const string DownloadFailed = nameof(DownloadFailed);
    public const string TargetIsDirectory = nameof(TargetIsDirectory);
    public const string FileNameCollision = nameof(FileNameCollision);
    public const string SavedFileMissing = nameof(SavedFileMissing);

    // Writing files (downloads and prepared pictures): the disk or the user's quota is full.
    public const string DiskFull = nameof(DiskFull);

    // Preparing pictures: a destination that is the source picture itself, by any name.
    public const string DestinationIsSource = nameof(DestinationIsSource);

    // Watching images and banners (the X Activity API, Watch-ProfileMedia -Archive).
    public const string BearerTokenRequired = nameof(BearerTokenRequired);
    public const string SubscriptionLimitReached = nameof(SubscriptionLimitReached);
    public const string AlreadyWatched = nameof(AlreadyWatched);
    public const string WatchNotFound = nameof(WatchNotFound);
    public const string StreamClosedByService = nameof(StreamClosedByService);
    public const string ArchiveInUse = nameof(ArchiveInUse);
}
