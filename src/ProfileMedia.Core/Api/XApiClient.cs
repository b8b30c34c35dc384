using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Uploads;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The five X API v1.1 endpoints the module needs, over one reused <see cref="HttpClient"/>, signed with OAuth 1.0a
/// user context. Thread-safe: many calls may run at once over one client.
/// </summary>
internal sealed class XApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SignedRequestSender _sender;

    /// <summary>Creates a client; it owns <paramref name="handler"/> when given (tests), else makes its own.</summary>
    public XApiClient(OAuthCredentials credentials, XApiClientOptions options, HttpMessageHandler? handler = null)
    {
        if (credentials == null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        // A copy: changing the caller's options later must not change a live connection.
        Options = options?.Clone() ?? throw new ArgumentNullException(nameof(options));
        BaseUri = ApiBaseUri.Validate(options.BaseUri);
        _http = new HttpClient(handler ?? CreateHandler(Options)) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("ProfileMedia/" + typeof(XApiClient).Assembly.GetName().Version?.ToString(3));
        _sender = new SignedRequestSender(_http, new OAuth1Signer(credentials), Options);
    }

    /// <summary>The API base, ending in '/'.</summary>
    public Uri BaseUri { get; }

    /// <summary>The settings this client was made with.</summary>
    public XApiClientOptions Options { get; }

    /// <summary><c>GET users/show</c>.</summary>
    public async Task<ProfileUser> GetUserAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
    {
        string operation = "Look up " + user;
        Uri uri = Endpoint("users/show.json", user.ParameterName, user.ParameterValue);
        ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, null, true, call, cancellationToken).ConfigureAwait(false);
        return ResponseParser.ParseUser(operation, answer.Body);
    }

    /// <summary><c>GET users/profile_banner</c>; a user without a banner is an XApiException with error id NoProfileBanner.</summary>
    public async Task<IReadOnlyList<ProfileBannerVariant>> GetProfileBannerAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
    {
        string operation = "Get the banner of " + user;
        Uri uri = Endpoint("users/profile_banner.json", user.ParameterName, user.ParameterValue);
        ApiAnswer answer;
        try
        {
            answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, null, true, call, cancellationToken).ConfigureAwait(false);
        }
        catch (XApiException e) when (e.StatusCode == HttpStatusCode.NotFound && !e.HasCode(50))
        {
            throw new XApiException(user + " has no profile banner.", ErrorIds.NoProfileBanner, e.StatusCode, e.Errors, e.RateLimit, null, e);
        }

        return ResponseParser.ParseBannerSizes(operation, answer.Body, uri.AbsoluteUri, user.ScreenName, user.UserId, call.Observer == null ? null : call.Observer.Verbose);
    }

    /// <summary><c>POST account/update_profile_image</c> with the image streamed as multipart; returns the updated user.</summary>
    public async Task<ProfileUser> UpdateProfileImageAsync(ImageFile image, bool includeEntities, bool skipStatus, ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Update the profile image";
        var query = new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>("include_entities", includeEntities ? "true" : "false"),
            new KeyValuePair<string, string>("skip_status", skipStatus ? "true" : "false"),
        };
        Uri uri = Endpoint("account/update_profile_image.json", query);
        ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Post, uri, () => ImageUpload.Create("image", image), false, call, cancellationToken).ConfigureAwait(false);
        return ResponseParser.ParseUser(operation, answer.Body);
    }

    /// <summary><c>POST account/update_profile_banner</c>; 200, 201 and 202 with an empty body are success.</summary>
    public async Task UpdateProfileBannerAsync(ImageFile banner, BannerRegion? region, ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Update the profile banner";
        var query = new List<KeyValuePair<string, string>>();
        if (region != null)
        {
            query.Add(Pair("width", region.Width));
            query.Add(Pair("height", region.Height));
            query.Add(Pair("offset_left", region.OffsetLeft));
            query.Add(Pair("offset_top", region.OffsetTop));
        }

        Uri uri = Endpoint("account/update_profile_banner.json", query);
        await _sender.SendAsync(operation, HttpMethod.Post, uri, () => ImageUpload.Create("banner", banner), false, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST account/remove_profile_banner</c>.</summary>
    public async Task RemoveProfileBannerAsync(ApiCallOptions call, CancellationToken cancellationToken)
    {
        Uri uri = Endpoint("account/remove_profile_banner.json", new List<KeyValuePair<string, string>>());
        await _sender.SendAsync("Remove the profile banner", HttpMethod.Post, uri, null, false, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls <c>users/show</c> until its image URL is <paramref name="expectedImageUrl"/> (the service processes an upload
    /// asynchronously) or <paramref name="timeout"/> passes; returns the last user seen and whether it had the new URL.
    /// </summary>
    public async Task<(ProfileUser User, bool Changed)> WaitForProfileImageAsync(UserReference user, string expectedImageUrl,
        TimeSpan timeout, TimeSpan interval, ApiCallOptions call, CancellationToken cancellationToken)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            ProfileUser current = await GetUserAsync(user, call, cancellationToken).ConfigureAwait(false);
            bool changed = string.Equals(current.ProfileImageUrlHttps, expectedImageUrl, StringComparison.Ordinal)
                || string.Equals(current.ProfileImageUrl, expectedImageUrl, StringComparison.Ordinal);
            if (changed || DateTimeOffset.UtcNow + interval > deadline)
            {
                return (current, changed);
            }

            call.Observer?.Verbose("The new image is not in users/show yet; asking again in " + interval.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static KeyValuePair<string, string> Pair(string name, int value) =>
        new KeyValuePair<string, string>(name, value.ToString(CultureInfo.InvariantCulture));

    private Uri Endpoint(string path, string name, string value) =>
        Endpoint(path, new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(name, value) });

    private Uri Endpoint(string path, List<KeyValuePair<string, string>> query)
    {
        var text = new StringBuilder(BaseUri.AbsoluteUri).Append(path);
        for (int i = 0; i < query.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(PercentEncoding.Encode(query[i].Key)).Append('=').Append(PercentEncoding.Encode(query[i].Value));
        }

        return new Uri(text.ToString());
    }

    private static HttpClientHandler CreateHandler(XApiClientOptions options) => new HttpClientHandler
    {
        // The API never redirects; following one could carry the Authorization header to another host.
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        MaxConnectionsPerServer = Math.Max(1, options.MaxConnections),
    };
}
