using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ProfileMedia.Emulator.OAuth;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// The /1.1/ API. Every call goes through the same gates, in this order: known endpoint (404 code 34), OAuth signature
/// (400/401), account restrictions and the app's access level (403/401), rate limit (429), then the endpoint itself. Rate-limit headers are on every
/// answer from an authenticated caller, from the rate-limit gate on.
/// </summary>
internal static class ApiEndpoints
{
    public const string Prefix = "/1.1/";

    /// <summary>Form-encoded bodies are read whole before the signature check; a base64 5 MB banner is about 7 MB.</summary>
    private const int MaxFormBytes = 16 * 1024 * 1024;

    private static readonly IReadOnlyList<ApiEndpoint> Endpoints =
    [
        new("GET", "/1.1/users/show.json", "users/show", Writes: false, ReadsUsers: true, UserLookupEndpoints.ShowAsync),
        new("GET", "/1.1/users/lookup.json", "users/lookup", Writes: false, ReadsUsers: true, UsersLookupEndpoint.LookupAsync),
        new("POST", "/1.1/users/lookup.json", "users/lookup", Writes: false, ReadsUsers: true, UsersLookupEndpoint.LookupAsync),
        new("GET", "/1.1/users/profile_banner.json", "users/profile_banner", Writes: false, ReadsUsers: true, UserLookupEndpoints.ProfileBannerAsync),
        new("GET", "/1.1/account/verify_credentials.json", "account/verify_credentials", Writes: false, ReadsUsers: false, UserLookupEndpoints.VerifyCredentialsAsync),
        new("POST", "/1.1/account/update_profile_image.json", "account/update_profile_image", Writes: true, ReadsUsers: false, ProfileImageEndpoint.UpdateAsync),
        new("POST", "/1.1/account/update_profile_banner.json", "account/update_profile_banner", Writes: true, ReadsUsers: false, BannerEndpoints.UpdateAsync),
        new("POST", "/1.1/account/remove_profile_banner.json", "account/remove_profile_banner", Writes: true, ReadsUsers: false, BannerEndpoints.RemoveAsync),
    ];

    public static bool Handles(PathString path) => path.Value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static async Task HandleAsync(HttpContext context, EmulatorState state, MediaUrls urls)
    {
        // A known path with the wrong method is as unknown to the service as a path that does not exist.
        var endpoint = Endpoints.FirstOrDefault(e =>
            e.Path == context.Request.Path.Value && string.Equals(e.Method, context.Request.Method, StringComparison.OrdinalIgnoreCase));
        if (endpoint is null)
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.PageDoesNotExist).ConfigureAwait(false);
            return;
        }

        var target = RawTarget(context);
        var query = FormUrlEncoded.Parse(target.Query);
        List<KeyValuePair<string, string>>? form = null;
        if (IsFormEncoded(context.Request.ContentType))
        {
            var body = await ReadFormBodyAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                await ApiResponses.WriteBareStatusAsync(context, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
                return;
            }

            form = FormUrlEncoded.Parse(body);
        }

        var signed = new SignedRequest(
            context.Request.Method,
            context.Request.Scheme,
            context.Request.Host.Value ?? string.Empty,
            target.Path,
            context.Request.Headers.Authorization.FirstOrDefault(),
            form is null ? query : [.. query, .. form]);
        var auth = new OAuthVerifier(state).Verify(signed);
        if (auth.Error is not null)
        {
            await ApiResponses.WriteErrorAsync(context, auth.Error).ConfigureAwait(false);
            return;
        }

        var caller = auth.User!;
        var restriction = RestrictionError(caller.Restrictions, endpoint, state.AccessLevel);
        if (restriction is not null)
        {
            await ApiResponses.WriteErrorAsync(context, restriction).ConfigureAwait(false);
            return;
        }

        var rate = state.RateLimiter.Hit(endpoint.Name, auth.AccessToken!);
        ApiResponses.SetRateLimitHeaders(context.Response, rate.Limit, rate.Remaining, rate.ResetEpochSeconds);
        if (!rate.Allowed)
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.RateLimitExceeded).ConfigureAwait(false);
            return;
        }

        await endpoint.Handler(new ApiRequest(context, caller, urls, query, form), state).ConfigureAwait(false);
    }

    private static ApiError? RestrictionError(AccountRestrictions restrictions, ApiEndpoint endpoint, AccessLevel level)
    {
        // Pay-per-use and legacy free apps keep only "limited v1.1 endpoints": user reads are not among them.
        if (restrictions.HasFlag(AccountRestrictions.OutsideAccessTier) || (endpoint.ReadsUsers && level != AccessLevel.Enterprise))
        {
            return ApiError.OutsideAccessTier;
        }

        if (restrictions.HasFlag(AccountRestrictions.Locked))
        {
            return ApiError.AccountLocked;
        }

        return endpoint.Writes && restrictions.HasFlag(AccountRestrictions.ReadOnly) ? ApiError.CannotWrite : null;
    }

    /// <summary>The request target exactly as sent, because that is what the client signed.</summary>
    internal static (string Path, string Query) RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/'))
        {
            raw = context.Request.Path.Value + context.Request.QueryString.Value;
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (raw, string.Empty) : (raw[..question], raw[(question + 1)..]);
    }

    internal static bool IsFormEncoded(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as text, or null when it is larger than the emulator is willing to hold.</summary>
    internal static async Task<string?> ReadFormBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxFormBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return null; // over Kestrel's own request size limit
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
