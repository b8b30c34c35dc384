using System;
using System.Globalization;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Text;

namespace ProfileMedia;

/// <summary>
/// A connection to the X API for one account: what <c>Connect-ProfileMedia -PassThru</c> returns and every API
/// cmdlet's <c>-Connection</c> takes. Its public surface shows where it connects and how it behaves, never a secret:
/// the credentials live in the signer, out of reach of formatting, <c>ConvertTo-Json</c> and <c>ToString()</c>.
/// </summary>
public sealed class ProfileMediaConnection : IDisposable
{
    private readonly OAuthCredentials? _credentials;
    private readonly BearerToken? _bearerToken;
    private bool _disposed;

    /// <summary>Creates a connection with OAuth 1.0a user context; it owns the credentials from now on and disposes them with itself.</summary>
    internal ProfileMediaConnection(OAuthCredentials credentials, XApiClientOptions options, System.Net.Http.HttpMessageHandler? handler = null)
        : this(credentials ?? throw new ArgumentNullException(nameof(credentials)), null, null, options, handler)
    {
    }

    /// <summary>
    /// Creates a connection with user context, an app-only Bearer token, or both; it owns them from now on. With
    /// neither, <paramref name="consumerKey"/> names the app whose token <see cref="XApiClient.AcquireBearerTokenAsync"/> is to mint.
    /// </summary>
    internal ProfileMediaConnection(OAuthCredentials? credentials, BearerToken? bearerToken, string? consumerKey, XApiClientOptions options, System.Net.Http.HttpMessageHandler? handler = null)
    {
        _credentials = credentials;
        _bearerToken = bearerToken;
        Client = new XApiClient(credentials, bearerToken, options, handler);
        ConsumerKeyHint = MessageText.Hint(credentials?.ConsumerKey ?? consumerKey);
        AccessTokenHint = MessageText.Hint(credentials?.AccessToken);
    }

    /// <summary>The API host root requests go to (/1.1/, /2/ and /oauth2/token below it).</summary>
    public Uri BaseUri => Client.BaseUri;

    /// <summary>Which kinds of credentials the connection holds: UserContext (OAuth 1.0a), AppOnlyBearer, or both. Never their values.</summary>
    public CredentialKinds Credentials => Client.Credentials;

    /// <summary>Which API answers user reads: "2" (the default) or "1.1".</summary>
    public string ReadApiVersion => ReadApiNames.Of(Client.Options.ReadApi);

    /// <summary>The first characters of the consumer key, to tell connections apart (the key is an identifier, not a secret, but it is still shortened); empty without one.</summary>
    public string ConsumerKeyHint { get; }

    /// <summary>The first characters of the access token (by X's convention the account's user id); empty without user context.</summary>
    public string AccessTokenHint { get; }

    /// <summary>What a 429 answer does unless a call says otherwise.</summary>
    public RateLimitAction RateLimitAction => Client.Options.RateLimitAction;

    /// <summary>The longest a call waits for a rate-limit window.</summary>
    public TimeSpan MaxRateLimitWait => Client.Options.MaxRateLimitWait;

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout => Client.Options.Timeout;

    /// <summary>How often a transient failure is retried.</summary>
    public int MaxRetries => Client.Options.MaxRetries;

    /// <summary>True once Disconnect-ProfileMedia has closed it.</summary>
    public bool IsClosed => _disposed;

    /// <summary>The client that talks to the API; not public, so no formatter walks into it.</summary>
    internal XApiClient Client { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "ProfileMedia connection to {0} ({1}; reads through v{2}{3})", BaseUri, Describe(Credentials), ReadApiVersion,
        ConsumerKeyHint.Length == 0 ? string.Empty : "; consumer key " + ConsumerKeyHint);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Client.Dispose();
            _credentials?.Dispose();
            _bearerToken?.Dispose();
        }
    }

    private static string Describe(CredentialKinds kinds) => kinds switch
    {
        CredentialKinds.UserContext | CredentialKinds.AppOnlyBearer => "OAuth 1.0a user context and an app-only Bearer token",
        CredentialKinds.UserContext => "OAuth 1.0a user context",
        CredentialKinds.AppOnlyBearer => "app-only Bearer token: reads only",
        _ => "no credentials yet",
    };
}
