using System;
using System.Globalization;
using System.Security;

namespace ProfileMedia;

/// <summary>
/// The credentials one account granted the app: what <c>Complete-ProfileMediaAuthorization</c> outputs. Its property
/// names are <c>Connect-ProfileMedia</c>'s parameter names, so it pipes straight into it.
/// </summary>
/// <remarks>Both secrets are read-only <see cref="SecureString"/>s; the key and the tokens are identifiers, not secrets.</remarks>
public sealed class AuthorizedAccount
{
    internal AuthorizedAccount(string screenName, string userId, string consumerKey, SecureString consumerSecret, string accessToken, SecureString accessTokenSecret, Uri apiBaseUri)
    {
        ScreenName = screenName;
        UserId = userId;
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        AccessToken = accessToken;
        AccessTokenSecret = accessTokenSecret;
        ApiBaseUri = apiBaseUri;
    }

    /// <summary>The account's screen name, as X answered it.</summary>
    public string ScreenName { get; }

    /// <summary>The account's numeric id, as text.</summary>
    public string UserId { get; }

    /// <summary>The app's API key (consumer key).</summary>
    public string ConsumerKey { get; }

    /// <summary>The app's API key secret.</summary>
    public SecureString ConsumerSecret { get; }

    /// <summary>The account's access token for this app.</summary>
    public string AccessToken { get; }

    /// <summary>The account's access token secret for this app.</summary>
    public SecureString AccessTokenSecret { get; }

    /// <summary>The API base the credentials were issued by.</summary>
    public Uri ApiBaseUri { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "@{0} (user id {1})", ScreenName, UserId);
}
