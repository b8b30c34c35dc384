using System.Management.Automation;

namespace ProfileMedia.Errors;

/// <summary>The PowerShell error category for each API error id, so scripts can filter on -ErrorAction and categories.</summary>
internal static class ErrorCategories
{
    public static ErrorCategory ForApiError(string errorId)
    {
        switch (errorId)
        {
            case "AuthenticationFailed":
            case "TimestampOutOfBounds":
            case "TokenInvalid":
                return ErrorCategory.AuthenticationError;
            case "AppCannotWrite":
            case "AccountLocked":
            case "AccessTierInsufficient":
            case "Forbidden":
                return ErrorCategory.PermissionDenied;
            case "UserNotFound":
            case "NotFound":
            case "NoProfileBanner":
                return ErrorCategory.ObjectNotFound;
            case "RateLimited":
            case "ImageTooLarge":
                return ErrorCategory.LimitsExceeded;
            case "ImageCannotBeProcessed":
            case "BadRequest":
            case "ParameterMissing":
                return ErrorCategory.InvalidData;
            case "ServiceUnavailable":
            case "ConnectionFailed":
                return ErrorCategory.ConnectionError;
            case "Timeout":
                return ErrorCategory.OperationTimeout;
            case "UnexpectedResponse":
                return ErrorCategory.InvalidResult;
            default:
                return ErrorCategory.NotSpecified;
        }
    }
}
