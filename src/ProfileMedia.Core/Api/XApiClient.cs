using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Uploads;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The X API endpoints the module needs, over one reused <see cref="HttpClient"/>: user reads through v2 (or v1.1 for
/// access levels that still have it), with an app-only Bearer token or OAuth 1.0a user context, and the v1.1 writes,
/// which only user context may call. Thread-safe: many calls may run at once over one client.
/// </summary>
internal sealed partial class XApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SignedRequestSender _sender;
    private readonly RequestAuthorization? _userContext;
    private RequestAuthorization? _appOnly;

    /// <summary>Creates a client with OAuth 1.0a user context only; it owns <paramref name="handler"/> when given (tests), else makes its own.</summary>
    public XApiClient(OAuthCredentials credentials, XApiClientOptions options, HttpMessageHandler? handler = null)
        : this(credentials ?? throw new ArgumentNullException(nameof(credentials)), null, options, handler)
    {
    }

    /// <summary>
    /// Creates a client with user context, an app-only Bearer token, or both; the credentials stay the caller's to
    /// dispose. With neither, <see cref="AcquireBearerTokenAsync"/> must give it a token before any read.
    /// </summary>
    public XApiClient(OAuthCredentials? userContext, BearerToken? appOnly, XApiClientOptions options, HttpMessageHandler? handler = null)
    {
        // A copy: changing the caller's options later must not change a live connection.
        Options = options?.Clone() ?? throw new ArgumentNullException(nameof(options));
        BaseUri = ApiBaseUri.RootOf(ApiBaseUri.Validate(options.BaseUri));
        _http = XHttpClient.Create(Options, handler);
        _sender = new SignedRequestSender(_http, Options);
        _userContext = userContext == null ? null : RequestAuthorization.UserContext(new OAuth1Signer(userContext));
        _appOnly = appOnly == null ? null : RequestAuthorization.AppOnly(appOnly);
    }

    /// <summary>The API host root, ending in '/': /1.1/, /2/ and /oauth2/token hang below it.</summary>
    public Uri BaseUri { get; }

    /// <summary>The settings this client was made with.</summary>
    public XApiClientOptions Options { get; }

    /// <summary>Which kinds of credentials the client holds.</summary>
    public CredentialKinds Credentials =>
        (_userContext == null ? CredentialKinds.None : CredentialKinds.UserContext) | (Volatile.Read(ref _appOnly) == null ? CredentialKinds.None : CredentialKinds.AppOnlyBearer);

    /// <summary><c>POST account/update_profile_image</c> with the image streamed as multipart; returns the updated user.</summary>
    public async Task<ProfileUser> UpdateProfileImageAsync(ImageFile image, bool includeEntities, bool skipStatus, ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Update the profile image";
        var query = new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>("include_entities", includeEntities ? "true" : "false"),
            new KeyValuePair<string, string>("skip_status", skipStatus ? "true" : "false"),
        };
        Uri uri = V1("account/update_profile_image.json", query);
        ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Post, uri, UserContextFor(operation), () => ImageUpload.Create("image", image), RetryRule.AnsweredFailures, call, cancellationToken).ConfigureAwait(false);
        return ResponseParser.ParseUser(operation, answer.Body);
    }

    /// <summary><c>POST account/update_profile_banner</c>; 200, 201 and 202 with an empty body are success.</summary>
    public async Task UpdateProfileBannerAsync(ImageFile banner, ImageRegion? region, ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Update the profile banner";
        var query = new List<KeyValuePair<string, string>>();
        if (region != null)
        {
            query.Add(Pair("width", region.Width));
            query.Add(Pair("height", region.Height));
            query.Add(Pair("offset_left", region.X));
            query.Add(Pair("offset_top", region.Y));
        }

        Uri uri = V1("account/update_profile_banner.json", query);
        await _sender.SendAsync(operation, HttpMethod.Post, uri, UserContextFor(operation), () => ImageUpload.Create("banner", banner), RetryRule.AnsweredFailures, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST account/remove_profile_banner</c>.</summary>
    public async Task RemoveProfileBannerAsync(ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Remove the profile banner";
        Uri uri = V1("account/remove_profile_banner.json", new List<KeyValuePair<string, string>>());
        await _sender.SendAsync(operation, HttpMethod.Post, uri, UserContextFor(operation), null, RetryRule.AnsweredFailures, call, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _mintedToken?.Dispose();
    }

    private static KeyValuePair<string, string> Pair(string name, int value) =>
        new KeyValuePair<string, string>(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// User context for <paramref name="operation"/>; on a connection with only a Bearer token this fails before any
    /// request, saying which credentials are needed.
    /// </summary>
    private RequestAuthorization UserContextFor(string operation) =>
        _userContext ?? throw new XApiException(
            operation + " cannot run on this connection: it holds only an app-only Bearer token. " + XApiProblemAdvice.UserContextAdvice,
            ErrorIds.UserContextRequired, null, Array.Empty<XApiErrorDetail>(), null, null);

    /// <summary>What reads send: user context when the connection has it (its per-user limits are higher), else the Bearer token.</summary>
    private RequestAuthorization ReadAuthorization => _userContext ?? Volatile.Read(ref _appOnly)
        ?? throw new XApiException("This connection holds no credentials: connect again with a Bearer token or the OAuth 1.0a keys and tokens.", ErrorIds.NotConnected, null, Array.Empty<XApiErrorDetail>(), null, null);

    private Uri V1(string path, string name, string value) =>
        V1(path, new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(name, value) });

    private Uri V1(string path, List<KeyValuePair<string, string>> query) => Endpoint("1.1/" + path, query);

    private Uri Endpoint(string path, List<KeyValuePair<string, string>> query)
    {
        var text = new StringBuilder(BaseUri.AbsoluteUri).Append(path);
        for (int i = 0; i < query.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(PercentEncoding.Encode(query[i].Key)).Append('=').Append(PercentEncoding.Encode(query[i].Value));
        }

        return new Uri(text.ToString());
    }
}
