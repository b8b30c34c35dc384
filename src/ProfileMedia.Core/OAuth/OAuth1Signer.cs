using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProfileMedia.Core.OAuth;

/// <summary>
/// Signs requests with OAuth 1.0a, HMAC-SHA1, in user context (RFC 5849), and writes the <c>Authorization</c> header.
/// </summary>
/// <remarks>Thread-safe: each call makes its own nonce and timestamp.</remarks>
internal sealed class OAuth1Signer
{
    private const string SignatureMethod = "HMAC-SHA1";
    private const string Version = "1.0";

    private readonly OAuthCredentials credentials;
    private readonly Func<string> nonce;
    private readonly Func<long> unixTimeSeconds;

    /// <summary>Creates a signer that uses a cryptographically random nonce and the system clock.</summary>
    /// <param name="credentials">The credentials to sign with; the signer does not dispose them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    public OAuth1Signer(OAuthCredentials credentials)
        : this(credentials, NonceGenerator.Create, static () => DateTimeOffset.UtcNow.ToUnixTimeSeconds())
    {
    }

    /// <summary>Creates a signer with a fixed nonce and clock, to reproduce published signatures.</summary>
    internal OAuth1Signer(OAuthCredentials credentials, Func<string> nonce, Func<long> unixTimeSeconds)
    {
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.nonce = nonce ?? throw new ArgumentNullException(nameof(nonce));
        this.unixTimeSeconds = unixTimeSeconds ?? throw new ArgumentNullException(nameof(unixTimeSeconds));
    }

    /// <summary>
    /// Signs a request and returns the value of its <c>Authorization</c> header:
    /// <c>OAuth oauth_consumer_key="…", oauth_nonce="…", oauth_signature="…", oauth_signature_method="HMAC-SHA1",
    /// oauth_timestamp="…", oauth_token="…", oauth_version="1.0"</c>, every value percent-encoded.
    /// </summary>
    /// <param name="httpMethod">The request method, such as <c>GET</c> or <c>POST</c>.</param>
    /// <param name="requestUri">The absolute URI actually sent, with its query; its query parameters are signed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestUri"/> is null.</exception>
    /// <exception cref="ArgumentException">The method is empty, or the URI is relative or not http or https.</exception>
    /// <exception cref="ObjectDisposedException">The credentials were disposed.</exception>
    /// <remarks>
    /// Only the query is signed: every request this module sends has no body or a multipart one, which is never signed.
    /// </remarks>
    public string CreateAuthorizationHeader(string httpMethod, Uri requestUri)
    {
        string timestamp = unixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // Sorted by name, which is also the order they are signed in, so the header reads the same way every time.
        var protocolParameters = new List<KeyValuePair<string, string>>(7)
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", nonce()),
            new("oauth_signature_method", SignatureMethod),
            new("oauth_timestamp", timestamp),
            new("oauth_token", credentials.AccessToken),
            new("oauth_version", Version),
        };

        return Sign(httpMethod, requestUri, protocolParameters, credentials.ConsumerSecret, credentials.AccessTokenSecret);
    }

    /// <summary>
    /// Signs the given protocol parameters (every <c>oauth_*</c> one but the signature, sorted by name) and returns the
    /// <c>Authorization</c> header with <c>oauth_signature</c> in its sorted place. The one signing path: the API calls
    /// above and the token requests of the three-legged flow, which sign without a token or with a request token and
    /// add <c>oauth_callback</c> or <c>oauth_verifier</c>. Like the API calls, the token requests have no body.
    /// </summary>
    /// <param name="httpMethod">The request method.</param>
    /// <param name="requestUri">The absolute URI actually sent; its query parameters are signed.</param>
    /// <param name="protocolParameters">The <c>oauth_*</c> parameters but the signature, sorted by name; the signature is inserted.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="tokenSecret">The token secret, or null before there is a token (the key then ends in '&amp;').</param>
    internal static string Sign(
        string httpMethod,
        Uri requestUri,
        List<KeyValuePair<string, string>> protocolParameters,
        System.Security.SecureString consumerSecret,
        System.Security.SecureString? tokenSecret)
    {
        string baseString = SignatureBaseString.Create(httpMethod, requestUri, protocolParameters);
        string signature = HmacSha1Signature.Compute(consumerSecret, tokenSecret, baseString);
        int position = protocolParameters.FindIndex(static p => string.CompareOrdinal(p.Key, "oauth_signature") > 0);
        protocolParameters.Insert(position < 0 ? protocolParameters.Count : position, new KeyValuePair<string, string>("oauth_signature", signature));
        return FormatHeader(protocolParameters);
    }

    /// <summary>Writes <c>OAuth name="value", …</c> with names and values percent-encoded (RFC 5849 section 3.5.1).</summary>
    internal static string FormatHeader(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var header = new StringBuilder("OAuth ", 400);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                header.Append(", ");
            }

            header.Append(PercentEncoding.Encode(parameters[i].Key))
                .Append("=\"")
                .Append(PercentEncoding.Encode(parameters[i].Value))
                .Append('"');
        }

        return header.ToString();
    }
}
