using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.PinAuthorization;

/// <summary>
/// The PIN-based three-legged flow of RFC 5849 section 2 against X: a request token for the app, the page where a user
/// approves it and gets a PIN, and the exchange of request token and PIN for that user's access token.
/// </summary>
/// <remarks>
/// The token endpoints live at the service's root (<c>https://api.x.com/oauth/...</c>), beside the versioned API base
/// a connection uses (<c>https://api.x.com/1.1/</c>); see <see cref="OAuthRootOf"/>. Both requests go through the
/// API client's own sender and HttpClient rules (<see cref="SignedRequestSender"/>, <see cref="XHttpClient"/>): no
/// redirect followed, no cookie kept, the same time-out, retries and redaction. A request token is cheap and safe to
/// ask for again, so its request is retried as a read is; the exchange is never sent twice, since the service may
/// already have taken it and a request token works only once.
/// </remarks>
internal sealed class PinAuthorizationClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SignedRequestSender _sender;
    private readonly Uri _apiBaseUri;
    private readonly Uri _oauthRoot;
    private readonly Func<string> _nonce;
    private readonly Func<long> _unixTimeSeconds;

    /// <param name="apiBaseUri">The API base as Connect-ProfileMedia takes it, already validated.</param>
    /// <param name="timeout">How long each request may take.</param>
    /// <param name="handler">The HTTP handler (tests), left to its owner; null for a new one owned by this client.</param>
    public PinAuthorizationClient(Uri apiBaseUri, TimeSpan timeout, HttpMessageHandler? handler = null)
        : this(apiBaseUri, timeout, handler, NonceGenerator.Create, static () => DateTimeOffset.UtcNow.ToUnixTimeSeconds())
    {
    }

    internal PinAuthorizationClient(Uri apiBaseUri, TimeSpan timeout, HttpMessageHandler? handler, Func<string> nonce, Func<long> unixTimeSeconds)
    {
        _apiBaseUri = apiBaseUri;
        _oauthRoot = OAuthRootOf(apiBaseUri);
        _nonce = nonce;
        _unixTimeSeconds = unixTimeSeconds;
        var options = new XApiClientOptions { BaseUri = apiBaseUri, Timeout = timeout };
        _http = XHttpClient.Create(options, handler, disposeHandler: false);
        _sender = new SignedRequestSender(_http, options);
    }

    /// <summary>
    /// Where oauth/request_token, oauth/authorize and oauth/access_token live: the parent of a trailing version segment
    /// (<c>1.1/</c> or <c>2/</c>) of the API base, else the API base itself, so both <c>https://api.x.com/1.1/</c> and a
    /// host root such as <c>http://127.0.0.1:PORT/</c> lead to <c>/oauth/</c> on that host.
    /// </summary>
    public static Uri OAuthRootOf(Uri apiBaseUri)
    {
        string path = apiBaseUri.AbsolutePath;
        foreach (string version in new[] { "/1.1/", "/2/" })
        {
            if (path.EndsWith(version, StringComparison.Ordinal))
            {
                return new Uri(apiBaseUri, path.Substring(0, path.Length - version.Length + 1) + "oauth/");
            }
        }

        return new Uri(apiBaseUri, "oauth/");
    }

    /// <summary>Step 1: POST oauth/request_token, signed by the app alone with oauth_callback=oob.</summary>
    /// <exception cref="XApiException">The service refused (<c>AuthorizationRequestRefused</c>) or gave no usable answer.</exception>
    public async Task<PendingAuthorization> RequestAsync(string consumerKey, SecureString consumerSecret, IXApiObserver? observer, CancellationToken cancellationToken)
    {
        const string Operation = "Request an authorization";
        var uri = new Uri(_oauthRoot, "request_token");
        var signed = RequestAuthorization.TokenRequest((_, _) =>
            TokenRequestHeaders.RequestToken(uri, consumerKey, consumerSecret, TokenRequestHeaders.OutOfBand, _nonce(), _unixTimeSeconds()));
        ApiAnswer answer = await _sender.SendAsync(Operation, HttpMethod.Post, uri, signed, null, RetryRule.Transient, new ApiCallOptions(observer, null, null), cancellationToken,
            refused => AuthorizationErrors.RequestRefused(Operation, refused.Status, refused.Body, consumerKey)).ConfigureAwait(false);

        HttpStatusCode status = answer.Status;
        Dictionary<string, string> fields = ParseForm(answer.Body);
        string token = Required(Operation, fields, "oauth_token", status);
        SecureString secret = ToSecureString(Required(Operation, fields, "oauth_token_secret", status));
        if (!fields.TryGetValue("oauth_callback_confirmed", out string? confirmed) || confirmed != "true")
        {
            throw AuthorizationErrors.Unexpected(Operation, status, "the answer did not confirm the callback (oauth_callback_confirmed=true), so it is not an OAuth 1.0a request token.");
        }

        var authorizeUrl = new Uri(new Uri(_oauthRoot, "authorize").AbsoluteUri + "?oauth_token=" + PercentEncoding.Encode(token));
        return new PendingAuthorization(_apiBaseUri, authorizeUrl, consumerKey, CopyReadOnly(consumerSecret), token, secret);
    }

    /// <summary>Step 3: POST oauth/access_token, signed with the request token, oauth_verifier=PIN.</summary>
    /// <exception cref="XApiException">
    /// <c>PinRejected</c>, <c>PinAlreadyUsed</c>, <c>AuthorizationExpired</c>, or any other refusal or missing answer.
    /// </exception>
    public async Task<AuthorizedAccount> CompleteAsync(PendingAuthorization pending, string pin, IXApiObserver? observer, CancellationToken cancellationToken)
    {
        const string Operation = "Complete the authorization";
        var uri = new Uri(_oauthRoot, "access_token");
        var signed = RequestAuthorization.TokenRequest((_, _) => TokenRequestHeaders.AccessToken(
            uri, pending.ConsumerKey, pending.ConsumerSecret, pending.RequestToken, pending.RequestTokenSecret, pin.Trim(), _nonce(), _unixTimeSeconds()));
        ApiAnswer answer = await _sender.SendAsync(Operation, HttpMethod.Post, uri, signed, null, RetryRule.Never, new ApiCallOptions(observer, null, null), cancellationToken,
            refused => AuthorizationErrors.ExchangeRefused(Operation, refused.Status, refused.Body, pending)).ConfigureAwait(false);

        HttpStatusCode status = answer.Status;
        Dictionary<string, string> fields = ParseForm(answer.Body);
        string accessToken = Required(Operation, fields, "oauth_token", status);
        SecureString accessTokenSecret = ToSecureString(Required(Operation, fields, "oauth_token_secret", status));
        // The names the service answered are shown as they are, so their control characters are made visible first,
        // as the names and messages of v2 answers are: no ESC or CR of an answer drives the terminal.
        var account = new AuthorizedAccount(
            MessageText.Escape(Required(Operation, fields, "screen_name", status)),
            MessageText.Escape(Required(Operation, fields, "user_id", status)),
            pending.ConsumerKey,
            CopyReadOnly(pending.ConsumerSecret),
            accessToken,
            accessTokenSecret,
            pending.ApiBaseUri);
        pending.MarkCompleted();
        return account;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>The name/value pairs of a form-encoded answer; the first of a repeated name wins.</summary>
    internal static Dictionary<string, string> ParseForm(byte[] body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in Encoding.UTF8.GetString(body).Trim().Split('&'))
        {
            int equals = pair.IndexOf('=');
            if (equals > 0)
            {
                string name = PercentEncoding.Decode(pair.Substring(0, equals), plusAsSpace: true);
                if (!fields.ContainsKey(name))
                {
                    fields.Add(name, PercentEncoding.Decode(pair.Substring(equals + 1), plusAsSpace: true));
                }
            }
        }

        return fields;
    }

    private static string Required(string operation, Dictionary<string, string> fields, string name, HttpStatusCode status) =>
        fields.TryGetValue(name, out string? value) && value.Length > 0
            ? value
            : throw AuthorizationErrors.Unexpected(operation, status, "the answer has no " + name + ".");

    private static SecureString ToSecureString(string value)
    {
        var secret = new SecureString();
        foreach (char c in value)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }

    private static SecureString CopyReadOnly(SecureString secret)
    {
        SecureString copy = secret.Copy();
        copy.MakeReadOnly();
        return copy;
    }
}
