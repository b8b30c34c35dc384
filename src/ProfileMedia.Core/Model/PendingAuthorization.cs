using System;
using System.Security;
using System.Threading;

namespace ProfileMedia;

/// <summary>
/// An authorization under way: what <c>Request-ProfileMediaAuthorization</c> outputs. The user opens
/// <see cref="AuthorizeUrl"/>, approves the app as the account to manage and gets a PIN, which
/// <c>Complete-ProfileMediaAuthorization</c> trades for that account's access token.
/// </summary>
/// <remarks>
/// The request token secret is a read-only <see cref="SecureString"/>; the consumer secret is kept for the second step
/// but is not a public property at all. Neither reaches <see cref="ToString"/>, formatting or serialization.
/// </remarks>
public sealed class PendingAuthorization
{
    private int _completed;

    internal PendingAuthorization(Uri apiBaseUri, Uri authorizeUrl, string consumerKey, SecureString consumerSecret, string requestToken, SecureString requestTokenSecret)
    {
        ApiBaseUri = apiBaseUri;
        AuthorizeUrl = authorizeUrl;
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        RequestToken = requestToken;
        RequestTokenSecret = requestTokenSecret;
    }

    /// <summary>The page where the user signs in as the account to manage, approves the app and is shown the PIN.</summary>
    public Uri AuthorizeUrl { get; }

    /// <summary>The request token (temporary credentials); not a secret, it is part of <see cref="AuthorizeUrl"/>.</summary>
    public string RequestToken { get; }

    /// <summary>The request token's secret, which signs the exchange for the access token.</summary>
    public SecureString RequestTokenSecret { get; }

    /// <summary>The app's API key (consumer key).</summary>
    public string ConsumerKey { get; }

    /// <summary>The API base the authorization was requested from; the credentials it yields are for the same service.</summary>
    public Uri ApiBaseUri { get; }

    /// <summary>True once a PIN has been exchanged for an access token: the request token and its PIN work only once.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) == 1;

    /// <summary>The consumer secret, for signing the exchange only.</summary>
    internal SecureString ConsumerSecret { get; }

    /// <summary>
    /// True for the stand-in of one that came back through serialization (a job, Export-Clixml, remoting): its secrets
    /// stayed behind, so it can be named in an error but never completed.
    /// </summary>
    internal bool HasTravelled { get; private set; }

    /// <summary>The stand-in of a deserialized authorization, from the properties that did travel; empty secrets.</summary>
    internal static PendingAuthorization Travelled(Uri apiBaseUri, Uri authorizeUrl, string consumerKey, string requestToken)
    {
        var none = new SecureString();
        none.MakeReadOnly();
        return new PendingAuthorization(apiBaseUri, authorizeUrl, consumerKey, none, requestToken, none) { HasTravelled = true };
    }

    /// <inheritdoc />
    public override string ToString() => "Authorization pending: open " + AuthorizeUrl.AbsoluteUri + " and enter the PIN it shows.";

    internal void MarkCompleted() => Volatile.Write(ref _completed, 1);
}
