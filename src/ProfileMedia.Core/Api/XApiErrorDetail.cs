namespace ProfileMedia.Core.Api;

/// <summary>One entry of an X API error body: <c>{"errors":[{"code":50,"message":"User not found."}]}</c>.</summary>
public sealed class XApiErrorDetail
{
    /// <summary>Creates an entry; <paramref name="code"/> is 0 when the body gave none.</summary>
    internal XApiErrorDetail(int code, string message)
    {
        Code = (XErrorCode)code;
        Message = message;
    }

    /// <summary>The X error code, such as 32, 50 or 88 (CouldNotAuthenticate, UserNotFound, RateLimitExceeded); None when the body had none.</summary>
    public XErrorCode Code { get; }

    /// <summary>The service's own message.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Code == XErrorCode.None ? Message : ((int)Code).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Message;
}
