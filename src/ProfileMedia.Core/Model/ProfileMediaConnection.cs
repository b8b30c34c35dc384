using System;
using System.Globalization;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia;

/// <summary>
/// A connection to the X API for one account: what <c>Connect-ProfileMedia -PassThru</c> returns and every API
/// cmdlet's <c>-Connection</c> takes. Its public surface shows where it connects and how it behaves, never a secret:
/// the credentials live in the signer, out of reach of formatting, <c>ConvertTo-Json</c> and <c>ToString()</c>.
/// </summary>
public sealed class ProfileMediaConnection : IDisposable
{
    private readonly OAuthCredentials _credentials;
    private bool _disposed;

    /// <summary>Creates a connection; it owns the credentials from now on and disposes them with itself.</summary>
    internal ProfileMediaConnection(OAuthCredentials credentials, XApiClientOptions options, System.Net.Http.HttpMessageHandler? handler = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        Client = new XApiClient(credentials, options, handler);
        ConsumerKeyHint = Hint(credentials.ConsumerKey);
        AccessTokenHint = Hint(credentials.AccessToken);
    }

    /// <summary>The API base URI requests go to.</summary>
    public Uri BaseUri => Client.BaseUri;

    /// <summary>The first characters of the consumer key, to tell connections apart (the key is an identifier, not a secret, but it is still shortened).</summary>
    public string ConsumerKeyHint { get; }

    /// <summary>The first characters of the access token; by X's convention they are the account's user id.</summary>
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
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "ProfileMedia connection to {0} (consumer key {1})", BaseUri, ConsumerKeyHint);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Client.Dispose();
            _credentials.Dispose();
        }
    }

    /// <summary>The first four characters of a key or token and an ellipsis, to tell two apart without showing them whole.</summary>
    internal static string Hint(string value) => value.Length <= 4 ? new string('*', value.Length) : value.Substring(0, 4) + "…";
}
