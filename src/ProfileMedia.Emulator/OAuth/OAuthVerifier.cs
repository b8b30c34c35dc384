using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>
/// Checks an OAuth 1.0a HMAC-SHA1 signed request (RFC 5849), written from the RFC rather than from the module's signer,
/// so the two cannot share a misreading. The order of checks decides which error a doubly-wrong request gets:
/// malformed header (215), unknown app or bad method/version (32), unknown or revoked token (89), bad signature (32),
/// stale timestamp (135), replayed nonce (32).
/// </summary>
internal sealed class OAuthVerifier(AccountStore accounts, AuthorizationStore grants, NonceCache nonces, TimeProvider clock, TimeSpan timestampTolerance)
{
    /// <summary>A verifier over the state's accounts, issued tokens and nonces: it keeps nothing of its own, so one per request costs nothing.</summary>
    public OAuthVerifier(EmulatorState state)
        : this(state.Accounts, state.Authorizations, state.Nonces, state.Clock, EmulatorState.TimestampTolerance)
    {
    }

    private static readonly string[] ClientParameters =
        ["oauth_consumer_key", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce"];

    /// <summary>Checks an API call: signed for an access token, seeded or issued by the three-legged flow.</summary>
    /// <param name="request">What was received: method, scheme, Host header, path as sent, and the parameters that RFC 5849 3.4.1.3.1 includes.</param>
    public AuthResult Verify(SignedRequest request)
    {
        if (CheckClient(request, tokenRequired: true, out var header, out var consumerSecret) is { } clientError)
        {
            return AuthResult.Refused(clientError);
        }

        var accessToken = header["oauth_token"];
        var (user, tokenSecret) = FindAccessToken(accessToken);
        if (user is null || user.Restrictions.HasFlag(AccountRestrictions.TokenRevoked))
        {
            return AuthResult.Refused(ApiError.InvalidOrExpiredToken);
        }

        return CheckSignature(request, header, consumerSecret, tokenSecret) is { } error
            ? AuthResult.Refused(error)
            : AuthResult.Accepted(user, accessToken);
    }

    /// <summary>
    /// Checks that the Authorization header is well formed, with the parameters every signed request carries (215), and
    /// names a known app with HMAC-SHA1 and version 1.0 or none (32). With <paramref name="tokenRequired"/>, a header
    /// without <c>oauth_token</c> is malformed too; which token it is, is the caller's business.
    /// </summary>
    public static ApiError? CheckClient(SignedRequest request, bool tokenRequired, out Dictionary<string, string> header, out string consumerSecret)
    {
        var parsed = OAuthHeaderParser.Parse(request.Authorization);
        header = parsed ?? [];
        consumerSecret = string.Empty;
        if (parsed is null
            || ClientParameters.Any(name => string.IsNullOrEmpty(parsed.GetValueOrDefault(name)))
            || (tokenRequired && string.IsNullOrEmpty(parsed.GetValueOrDefault("oauth_token")))
            || !long.TryParse(header["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return ApiError.BadAuthenticationData;
        }

        var secret = AccountStore.ConsumerSecretFor(header["oauth_consumer_key"]);
        if (secret is null || header["oauth_signature_method"] != "HMAC-SHA1"
            || (header.TryGetValue("oauth_version", out var version) && version != "1.0"))
        {
            return ApiError.CouldNotAuthenticate;
        }

        consumerSecret = secret;
        return null;
    }

    /// <summary>Signature (32), then timestamp (135), then nonce (32); null when all three pass.</summary>
    public ApiError? CheckSignature(SignedRequest request, Dictionary<string, string> header, string consumerSecret, string tokenSecret)
    {
        var expected = Sign(request, header, consumerSecret, tokenSecret);
        if (!SignatureMatches(header["oauth_signature"], expected))
        {
            return ApiError.CouldNotAuthenticate;
        }

        var timestamp = long.Parse(header["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture);
        var skew = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(timestamp, 253402300799));
        if (skew.Duration() > timestampTolerance)
        {
            return ApiError.TimestampOutOfBounds;
        }

        return nonces.TryUse(header["oauth_consumer_key"], timestamp, header["oauth_nonce"]) ? null : ApiError.CouldNotAuthenticate;
    }

    /// <summary>The user and token secret of an access token: a seeded one, or one the three-legged flow issued.</summary>
    private (UserRecord? User, string Secret) FindAccessToken(string accessToken)
    {
        if (accounts.FindByAccessToken(accessToken) is { Credentials: { } credentials } seeded)
        {
            return (seeded, credentials.AccessTokenSecret);
        }

        return grants.FindAccessToken(accessToken) is { } issued
            ? (accounts.FindById(issued.UserId), issued.Secret)
            : (null, string.Empty);
    }

    /// <summary>Section 3.4.2: HMAC-SHA1 over the base string, keyed by the two encoded secrets joined with '&amp;'.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "OAuth 1.0a as the X API speaks it is HMAC-SHA1.")]
    private static byte[] Sign(SignedRequest request, Dictionary<string, string> header, string consumerSecret, string tokenSecret)
    {
        // Section 3.4.1.3.1: every header parameter except realm and the signature itself. A header parameter that the
        // query or body repeats with the same value is counted once, as the service does: twitter-api-v2's login sends
        // oauth_token in both and signs it once.
        var headerParameters = header.Where(p => p.Key is not "realm" and not "oauth_signature"
            && !request.Parameters.Any(q => q.Key == p.Key && q.Value == p.Value));
        var baseString = SignatureBaseString.Build(request.Method, request.Scheme, request.Host, request.Path, request.Parameters.Concat(headerParameters));
        var key = PercentEncoding.Encode(consumerSecret) + "&" + PercentEncoding.Encode(tokenSecret);
        return HMACSHA1.HashData(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(baseString));
    }

    private static bool SignatureMatches(string presented, byte[] expected)
    {
        Span<byte> decoded = stackalloc byte[64];
        return Convert.TryFromBase64String(presented, decoded, out var length)
            && CryptographicOperations.FixedTimeEquals(decoded[..length], expected);
    }
}
