using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.PinAuthorization;

/// <summary>
/// The PIN-based three-legged flow of RFC 5849 section 2 against X: a request token for the app, the page where a user
/// approves it and gets a PIN, and the exchange of request token and PIN for that user's access token.
/// </summary>
/// <remarks>
/// The token endpoints live at the service's root (<c>https://api.x.com/oauth/...</c>), beside the versioned API base
/// a connection uses (<c>https://api.x.com/1.1/</c>); see <see cref="OAuthRootOf"/>. Neither request is retried: a
/// request token is cheap to ask for again, and an exchange the service may already have taken must not be repeated.
/// </remarks>
internal sealed class PinAuthorizationClient : IDisposable
{
    // Token answers are a few hundred bytes of form-encoded text.
    private const int MaxBodyBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _apiBaseUri;
    private readonly Uri _oauthRoot;
    private readonly TimeSpan _timeout;
    private readonly Func<string> _nonce;
    private readonly Func<long> _unixTimeSeconds;

    /// <param name="apiBaseUri">The API base as Connect-ProfileMedia takes it, already validated.</param>
    /// <param name="timeout">How long each request may take.</param>
    /// <param name="handler">The HTTP handler; null for a new one owned by this client.</param>
    public PinAuthorizationClient(Uri apiBaseUri, TimeSpan timeout, HttpMessageHandler? handler = null)
        : this(apiBaseUri, timeout, handler, NonceGenerator.Create, static () => DateTimeOffset.UtcNow.ToUnixTimeSeconds())
    {
    }

    internal PinAuthorizationClient(Uri apiBaseUri, TimeSpan timeout, HttpMessageHandler? handler, Func<string> nonce, Func<long> unixTimeSeconds)
    {
        _apiBaseUri = apiBaseUri;
        _oauthRoot = OAuthRootOf(apiBaseUri);
        _timeout = timeout;
        _nonce = nonce;
        _unixTimeSeconds = unixTimeSeconds;
        _http = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // each request has its own time-out, told apart from Ctrl+C
        _http.MaxResponseContentBufferSize = MaxBodyBytes; // a larger answer fails the request rather than fill memory
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
        string header = TokenRequestHeaders.RequestToken(uri, consumerKey, consumerSecret, TokenRequestHeaders.OutOfBand, _nonce(), _unixTimeSeconds());
        var (status, body) = await PostAsync(Operation, uri, header, observer, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw AuthorizationErrors.RequestRefused(Operation, status, body, consumerKey);
        }

        Dictionary<string, string> fields = ParseForm(body);
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
        string header = TokenRequestHeaders.AccessToken(
            uri, pending.ConsumerKey, pending.ConsumerSecret, pending.RequestToken, pending.RequestTokenSecret, pin.Trim(), _nonce(), _unixTimeSeconds());
        var (status, body) = await PostAsync(Operation, uri, header, observer, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw AuthorizationErrors.ExchangeRefused(Operation, status, body, pending);
        }

        Dictionary<string, string> fields = ParseForm(body);
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

    private async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(string operation, Uri uri, string authorization, IXApiObserver? observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            observer?.Verbose("POST " + uri.AbsoluteUri);
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            byte[] body = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            observer?.Verbose(string.Format(CultureInfo.InvariantCulture, "POST {0} -> {1} {2} in {3} ms", uri.AbsoluteUri, (int)response.StatusCode, response.StatusCode, clock.ElapsedMilliseconds));
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw XApiErrorAdvice.NoAnswer(operation, "Timeout", string.Format(CultureInfo.InvariantCulture, "no answer from {0} within {1} s.", uri.AbsoluteUri, _timeout.TotalSeconds), null);
        }
        catch (Exception e) when (e is HttpRequestException || e is IOException)
        {
            throw XApiErrorAdvice.NoAnswer(operation, "ConnectionFailed", "the connection to " + uri.AbsoluteUri + " failed: " + e.Message, e);
        }
    }

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
