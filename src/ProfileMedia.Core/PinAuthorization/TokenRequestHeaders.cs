using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.PinAuthorization;

/// <summary>
/// The Authorization headers of the two token requests of RFC 5849 section 2, as X takes them: every protocol
/// parameter in the header, none in the body.
/// </summary>
internal static class TokenRequestHeaders
{
    /// <summary>The callback of the PIN-based flow: X shows the user a PIN instead of redirecting (RFC 5849 section 2.1).</summary>
    public const string OutOfBand = "oob";

    /// <summary>
    /// Section 2.1, temporary credentials: signed with the consumer key and secret only, no <c>oauth_token</c>, and
    /// <c>oauth_callback</c> among the protocol parameters.
    /// </summary>
    public static string RequestToken(Uri requestUri, string consumerKey, SecureString consumerSecret, string callback, string nonce, long timestamp)
    {
        List<KeyValuePair<string, string>> parameters = Common(consumerKey, nonce, timestamp);
        parameters.Insert(0, new KeyValuePair<string, string>("oauth_callback", callback));
        return OAuth1Signer.Sign("POST", requestUri, parameters, consumerSecret, null);
    }

    /// <summary>
    /// Section 2.3, token credentials: signed with the consumer secret and the request token's secret, with
    /// <c>oauth_token</c> (the request token) and <c>oauth_verifier</c> (the PIN).
    /// </summary>
    public static string AccessToken(
        Uri requestUri, string consumerKey, SecureString consumerSecret, string requestToken, SecureString requestTokenSecret, string verifier, string nonce, long timestamp)
    {
        List<KeyValuePair<string, string>> parameters = Common(consumerKey, nonce, timestamp);
        parameters.Insert(parameters.Count - 1, new KeyValuePair<string, string>("oauth_token", requestToken));
        parameters.Insert(parameters.Count - 1, new KeyValuePair<string, string>("oauth_verifier", verifier));
        return OAuth1Signer.Sign("POST", requestUri, parameters, consumerSecret, requestTokenSecret);
    }

    // Sorted by name; oauth_version last. RFC 5849 makes it optional; X's documentation and every client send it.
    private static List<KeyValuePair<string, string>> Common(string consumerKey, string nonce, long timestamp) => new List<KeyValuePair<string, string>>(8)
    {
        new KeyValuePair<string, string>("oauth_consumer_key", consumerKey),
        new KeyValuePair<string, string>("oauth_nonce", nonce),
        new KeyValuePair<string, string>("oauth_signature_method", "HMAC-SHA1"),
        new KeyValuePair<string, string>("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
        new KeyValuePair<string, string>("oauth_version", "1.0"),
    };
}
