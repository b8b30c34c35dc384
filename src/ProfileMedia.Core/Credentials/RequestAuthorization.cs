using System;
using System.Net.Http;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Credentials;

/// <summary>
/// Makes the Authorization header of one request attempt. Each attempt asks again, so OAuth 1.0a gets a fresh nonce and
/// timestamp. <see cref="Scheme"/> is all that the debug stream ever shows of the header.
/// </summary>
internal abstract class RequestAuthorization
{
    /// <summary>The header's scheme word, shown in place of its value: "OAuth", "Bearer" or "Basic".</summary>
    public abstract string Scheme { get; }

    /// <summary>The header value for a request to <paramref name="uri"/>.</summary>
    public abstract string HeaderFor(HttpMethod method, Uri uri);

    /// <summary>OAuth 1.0a user context, HMAC-SHA1 signed.</summary>
    public static RequestAuthorization UserContext(OAuth1Signer signer) => new Signed(signer);

    /// <summary>An app-only Bearer token.</summary>
    public static RequestAuthorization AppOnly(BearerToken token) => new Bearer(token);

    /// <summary>HTTP Basic of the app's key and secret, each URL-encoded first, as POST /oauth2/token wants.</summary>
    public static RequestAuthorization AppKeyAndSecret(AppCredentials app) => new Basic(app);

    /// <summary>OAuth 1.0a signed by the token endpoints' own rules (RFC 5849 section 2): <paramref name="header"/> makes a fresh one per attempt.</summary>
    public static RequestAuthorization TokenRequest(Func<HttpMethod, Uri, string> header) => new Computed(header);

    private sealed class Signed(OAuth1Signer signer) : RequestAuthorization
    {
        public override string Scheme => "OAuth";

        public override string HeaderFor(HttpMethod method, Uri uri) => signer.CreateAuthorizationHeader(method.Method, uri);
    }

    private sealed class Bearer(BearerToken token) : RequestAuthorization
    {
        public override string Scheme => "Bearer";

        public override string HeaderFor(HttpMethod method, Uri uri) => token.HeaderValue();
    }

    private sealed class Computed(Func<HttpMethod, Uri, string> header) : RequestAuthorization
    {
        public override string Scheme => "OAuth";

        public override string HeaderFor(HttpMethod method, Uri uri) => header(method, uri);
    }

    private sealed class Basic(AppCredentials app) : RequestAuthorization
    {
        public override string Scheme => "Basic";

        public override string HeaderFor(HttpMethod method, Uri uri) => "Basic " + app.BasicCredentials();
    }
}
