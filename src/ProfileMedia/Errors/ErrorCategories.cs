using System.Management.Automation;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Errors;

/// <summary>
/// The PowerShell error category of every error id, in one table, so scripts can filter on categories and one id
/// always has one category, whichever cmdlet or layer raised it.
/// </summary>
internal static class ErrorCategories
{
    public static ErrorCategory Of(string errorId)
    {
        switch (errorId)
        {
            case ErrorIds.AuthenticationFailed:
            case ErrorIds.TimestampOutOfBounds:
            case ErrorIds.TokenInvalid:
            case ErrorIds.PinRejected:
            case ErrorIds.PinAlreadyUsed:
            case ErrorIds.AuthorizationExpired:
                return ErrorCategory.AuthenticationError;
            case ErrorIds.AuthorizationRequestRefused:
                return ErrorCategory.PermissionDenied;
            case ErrorIds.AppCannotWrite:
            case ErrorIds.AccountLocked:
            case ErrorIds.AccessTierInsufficient:
            case ErrorIds.Forbidden:
            case ErrorIds.ClientNotEnrolled:
            case ErrorIds.ClientForbidden:
            case ErrorIds.UnsupportedAuthentication:
            case ErrorIds.UserContextRequired:
            case ErrorIds.UserSuspended:
            case ErrorIds.BearerTokenRequired:
                return ErrorCategory.PermissionDenied;
            case ErrorIds.SubscriptionLimitReached:
                return ErrorCategory.QuotaExceeded;
            case ErrorIds.AlreadyWatched:
            case ErrorIds.ArchiveInUse:
                return ErrorCategory.ResourceExists;
            case ErrorIds.WatchNotFound:
                return ErrorCategory.ObjectNotFound;
            case ErrorIds.StreamClosedByService:
                return ErrorCategory.ConnectionError;
            case ErrorIds.UsageCapped:
            case ErrorIds.CreditsDepleted:
                return ErrorCategory.QuotaExceeded;
            case ErrorIds.UserNotFound:
            case ErrorIds.NotFound:
            case ErrorIds.NoProfileBanner:
            case ErrorIds.ImageFileNotFound:
            case ErrorIds.DestinationNotFound:
            case ErrorIds.MediaUrlOutdated:
            case ErrorIds.RefreshFailed:
            case ErrorIds.SavedFileMissing:
                return ErrorCategory.ObjectNotFound;
            case ErrorIds.RateLimited:
            case ErrorIds.ImageTooLarge:
            case ErrorIds.ImageFileTooLarge:
            case ErrorIds.ImageTooManyPixels:
            case ErrorIds.ImageCannotFit:
                return ErrorCategory.LimitsExceeded;
            case ErrorIds.ImageCannotBeProcessed:
            case ErrorIds.BadRequest:
            case ErrorIds.ParameterMissing:
            case ErrorIds.ApiError:
            case ErrorIds.ImageFileIsDirectory:
            case ErrorIds.ImageFileNotRegular:
            case ErrorIds.UnreadableInput:
            case ErrorIds.ImageFileEmpty:
            case ErrorIds.UnsupportedImageFormat:
            case ErrorIds.TruncatedImage:
            case ErrorIds.CorruptImage:
                return ErrorCategory.InvalidData;
            case ErrorIds.ImageFileUnreadable:
                return ErrorCategory.ReadError;
            case ErrorIds.DestinationNotWritable:
                return ErrorCategory.WriteError;
            case ErrorIds.DiskFull:
                return ErrorCategory.ResourceUnavailable;
            case ErrorIds.ImageFittingNotSupported:
                return ErrorCategory.NotImplemented;
            case ErrorIds.ServiceUnavailable:
            case ErrorIds.ConnectionFailed:
            case ErrorIds.NotConnected:
            case ErrorIds.ConnectionClosed:
            case ErrorIds.DownloadFailed:
                return ErrorCategory.ConnectionError;
            case ErrorIds.Timeout:
                return ErrorCategory.OperationTimeout;
            case ErrorIds.UnexpectedResponse:
            case ErrorIds.UnusableBearerToken:
                return ErrorCategory.InvalidResult;
            case ErrorIds.FileExists:
            case ErrorIds.DestinationIsSource:
            case ErrorIds.TargetIsDirectory:
            case ErrorIds.FileNameCollision:
                return ErrorCategory.ResourceExists;
            case ErrorIds.MissingCredential:
            case ErrorIds.EmptyCredential:
            case ErrorIds.InvalidApiBaseUri:
            case ErrorIds.PinMissing:
            case ErrorIds.PendingAuthorizationCannotTravel:
            case ErrorIds.InvalidBearerToken:
            case ErrorIds.CredentialTooLong:
            case ErrorIds.InvalidRequest:
            case ErrorIds.NullInput:
            case ErrorIds.UnsupportedInput:
            case ErrorIds.InvalidScreenName:
            case ErrorIds.InvalidUserId:
            case ErrorIds.InvalidBannerRegion:
            case ErrorIds.InvalidDestination:
            case ErrorIds.NullUrl:
            case ErrorIds.EmptyUrl:
            case ErrorIds.UrlNotAbsoluteHttp:
            case ErrorIds.UrlHasInvalidCharacters:
            case ErrorIds.UrlHasNoFileSegment:
            case ErrorIds.BannerUrlWithoutSize:
            case ErrorIds.PathEmpty:
            case ErrorIds.PathMatchesSeveralFiles:
            case ErrorIds.NotFileSystemPath:
            case ErrorIds.InvalidImagePath:
            case ErrorIds.InvalidCropRegion:
            case ErrorIds.CropRegionWithoutFit:
            case ErrorIds.BannerRegionWithFit:
            case ErrorIds.DestinationFormatMismatch:
                return ErrorCategory.InvalidArgument;
            default:
                return ErrorCategory.NotSpecified;
        }
    }
}
