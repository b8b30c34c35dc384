using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Api;

/// <summary>
/// POST /oauth2/token with the client-credentials grant: the app's key and secret, as HTTP Basic, give its app-only
/// Bearer token (the same one every time, until it is invalidated in the developer console).
/// </summary>
internal sealed partial class XApiClient
{
    private BearerToken? _mintedToken;

    /// <summary>Asks for the app's Bearer token and uses it for reads from now on. Wrong key or secret is 403 code 99, AuthenticationFailed.</summary>
    public async Task AcquireBearerTokenAsync(AppCredentials app, ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Get an app-only Bearer token";
        if (app == null)
        {
            throw new ArgumentNullException(nameof(app));
        }

        Uri uri = Endpoint("oauth2/token", new List<KeyValuePair<string, string>>());
        ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Post, uri, RequestAuthorization.AppKeyAndSecret(app),
            () => new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") }), RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);

        JsonValue root = ResponseParser.ParseObject(operation, answer.Body);
        string? type = root["token_type"]?.GetString();
        string? token = root["access_token"]?.GetString();
        if (!string.Equals(type, "bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(token))
        {
            throw ResponseParser.Unexpected(operation, "the answer has no bearer access_token.");
        }

        // The service's answer, not the user's typing: it is named as such, with its own id, and nothing is connected.
        BearerToken minted = BearerToken.FromText(token!, out string? problem)
            ?? throw new XApiException(operation + " failed: X answered with an access_token that " + problem
                + " The answer cannot be used and nothing was connected.",
                ErrorIds.UnusableBearerToken, answer.Status, Array.Empty<XApiErrorDetail>(), answer.RateLimit, null).About(null, AdviceKind.PasteBearerToken);
        Interlocked.Exchange(ref _mintedToken, minted)?.Dispose();
        Volatile.Write(ref _appOnly, RequestAuthorization.AppOnly(minted));
    }
}
