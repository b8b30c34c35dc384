using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.OAuth;

/// <summary>
/// Checks an OAuth 1.0a HMAC-SHA1 signed request (RFC 5849), written from the RFC rather than from the module's signer,
/// so the two cannot share a misreading. The order of checks decides which error a doubly-wrong request gets:
/// malformed header (215), unknown app or bad method/version (32), unknown or revoked token (89), bad signature (32),
/// stale timestamp (135), replayed nonce (32).
/// </summary>
internal sealed class OAuthVerifier(AccountStore accounts, NonceCache nonces, TimeProvider clock, TimeSpan timestampTolerance)
{
    private static readonly string[] RequiredParameters =
        ["oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce"];

    /// <param name="request">What was received: method, scheme, Host header, path as sent, and the parameters that RFC 5849 3.4.1.3.1 includes.</param>
    public AuthResult Verify(SignedRequest request)
    {
        var header = OAuthHeaderParser.Parse(request.Authorization);
        if (header is null || RequiredParameters.Any(name => string.IsNullOrEmpty(header.GetValueOrDefault(name)))
            || !long.TryParse(header["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return AuthResult.Refused(ApiError.BadAuthenticationData);
        }

        var consumerSecret = AccountStore.ConsumerSecretFor(header["oauth_consumer_key"]);
        if (consumerSecret is null || header["oauth_signature_method"] != "HMAC-SHA1"
            || (header.TryGetValue("oauth_version", out var version) && version != "1.0"))
        {
            return AuthResult.Refused(ApiError.CouldNotAuthenticate);
        }

        var user = accounts.FindByAccessToken(header["oauth_token"]);
        if (user?.Credentials is null || user.Restrictions.HasFlag(AccountRestrictions.TokenRevoked))
        {
            return AuthResult.Refused(ApiError.InvalidOrExpiredToken);
        }

        var expected = Sign(request, header, consumerSecret, user.Credentials.AccessTokenSecret);
        if (!SignatureMatches(header["oauth_signature"], expected))
        {
            return AuthResult.Refused(ApiError.CouldNotAuthenticate);
        }

        var skew = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(timestamp, 253402300799));
        if (skew.Duration() > timestampTolerance)
        {
            return AuthResult.Refused(ApiError.TimestampOutOfBounds);
        }

        return nonces.TryUse(header["oauth_consumer_key"], timestamp, header["oauth_nonce"])
            ? AuthResult.Accepted(user)
            : AuthResult.Refused(ApiError.CouldNotAuthenticate);
    }

    /// <summary>Section 3.4.2: HMAC-SHA1 over the base string, keyed by the two encoded secrets joined with '&amp;'.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "OAuth 1.0a as the X API speaks it is HMAC-SHA1.")]
    private static byte[] Sign(SignedRequest request, Dictionary<string, string> header, string consumerSecret, string tokenSecret)
    {
        // Section 3.4.1.3.1: every header parameter except realm and the signature itself.
        var parameters = request.Parameters
            .Concat(header.Where(p => p.Key is not "realm" and not "oauth_signature"));
        var baseString = SignatureBaseString.Build(request.Method, request.Scheme, request.Host, request.Path, parameters);
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
