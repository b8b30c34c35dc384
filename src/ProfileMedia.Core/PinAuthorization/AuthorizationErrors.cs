using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.PinAuthorization;

/// <summary>
/// What the token endpoints' refusals mean and what to do about each: one place, so the two cmdlets word them the same.
/// </summary>
internal static class AuthorizationErrors
{
    /// <summary>oauth/request_token did not answer 200.</summary>
    public static XApiException RequestRefused(string operation, HttpStatusCode status, byte[] body, string consumerKey)
    {
        IReadOnlyList<XApiErrorDetail> errors = Details(body);
        if ((status != HttpStatusCode.Unauthorized && status != HttpStatusCode.Forbidden) || XErrorCodes.Contain(errors, XErrorCode.TimestampOutOfBounds))
        {
            return XApiErrorAdvice.FromAnswer(operation, status, errors, null, null);
        }

        return Refusal(operation, status, errors, ErrorIds.AuthorizationRequestRefused,
            "X would not start an authorization for the app with consumer key '" + ProfileMediaConnection.Hint(consumerKey) + "'. In the developer portal, check that this is the app's " +
            "current API key and secret (regenerating them retires the old pair), and under the app's User authentication settings that OAuth 1.0a is on " +
            "with 'Read and write' permission and a callback URL set (any URL: the PIN flow still sends oob). Then run Request-ProfileMediaAuthorization again.");
    }

    /// <summary>oauth/access_token did not answer 200.</summary>
    public static XApiException ExchangeRefused(string operation, HttpStatusCode status, byte[] body, PendingAuthorization pending)
    {
        IReadOnlyList<XApiErrorDetail> errors = Details(body);
        string token = "'" + pending.RequestToken + "'";
        bool plainText = errors.Count == 1 && errors[0].Code == XErrorCode.None;
        if (status == HttpStatusCode.Unauthorized && plainText && errors[0].Message.IndexOf("oauth_verifier", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return Refusal(operation, status, errors, ErrorIds.PinRejected,
                "X did not accept the PIN for request token " + token + ". Enter the PIN shown after approving this same authorization link " +
                "(a PIN from another link does not fit), for example: $pending | Complete-ProfileMediaAuthorization -Pin 1234567.");
        }

        // Anything but "this request token is no longer valid" (89, or a 401 that says nothing) has its usual meaning.
        if (status != HttpStatusCode.Unauthorized || (errors.Count > 0 && !plainText && !XErrorCodes.Contain(errors, XErrorCode.InvalidOrExpiredToken)))
        {
            return XApiErrorAdvice.FromAnswer(operation, status, errors, null, null);
        }

        return pending.IsCompleted
            ? Refusal(operation, status, errors, ErrorIds.PinAlreadyUsed,
                "This authorization (request token " + token + ") was already completed: a PIN works only once. Use the credentials it gave, " +
                "or run Request-ProfileMediaAuthorization again for a new link and PIN.")
            : Refusal(operation, status, errors, ErrorIds.AuthorizationExpired,
                "Request token " + token + " has expired or was already used; request tokens last only minutes. " +
                "Run Request-ProfileMediaAuthorization again, approve the new link and enter its PIN soon after.");
    }

    /// <summary>An answer that is not what the protocol promises.</summary>
    public static XApiException Unexpected(string operation, HttpStatusCode status, string what) =>
        new XApiException(operation + " failed: " + what, ErrorIds.UnexpectedResponse, status, Array.Empty<XApiErrorDetail>(), null, null);

    private static XApiException Refusal(string operation, HttpStatusCode status, IReadOnlyList<XApiErrorDetail> errors, string errorId, string advice)
    {
        string said = errors.Count == 0 ? "no error details" : string.Join("; ", Array.ConvertAll(ToArray(errors), e => e.ToString()));
        string message = string.Format(CultureInfo.InvariantCulture, "{0} failed: HTTP {1} ({2}). {3}", operation, (int)status, said, advice);
        return new XApiException(message, errorId, status, errors, null, null);
    }

    /// <summary>The JSON errors of the body; the service answers some token errors in plain text, kept as one detail with code 0.</summary>
    private static IReadOnlyList<XApiErrorDetail> Details(byte[] body)
    {
        IReadOnlyList<XApiErrorDetail> errors = ResponseParser.ParseErrors(body);
        if (errors.Count > 0 || body.Length == 0 || body[0] == (byte)'{')
        {
            return errors;
        }

        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Trim();
        return text.Length == 0 ? errors : new[] { new XApiErrorDetail(0, text) };
    }

    private static XApiErrorDetail[] ToArray(IReadOnlyList<XApiErrorDetail> errors)
    {
        var array = new XApiErrorDetail[errors.Count];
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = errors[i];
        }

        return array;
    }
}
