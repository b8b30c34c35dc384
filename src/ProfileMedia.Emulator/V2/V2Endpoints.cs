using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.OAuth;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.V2;

/// <summary>
/// The /2/ user lookups. Gates, in order: known route (404), credentials (401, no rate-limit headers), app-only on
/// /2/users/me (403 unsupported-authentication), the app's access level (403 client-not-enrolled), rate limit (429),
/// then the lookup itself, which checks its parameters (400 invalid-request).
/// </summary>
internal static class V2Endpoints
{
    public const string Prefix = "/2/";

    public static bool Handles(PathString path) => path.Value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static async Task HandleAsync(HttpContext context, EmulatorState state, MediaUrls urls)
    {
        var route = V2Route.Match(context.Request.Path.Value ?? string.Empty);
        if (route is null || !HttpMethods.IsGet(context.Request.Method))
        {
            await Problem.NotFound.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var target = ApiEndpoints.RawTarget(context);
        var query = FormUrlEncoded.Parse(target.Query);
        var caller = Authenticate(context, state, target.Path, query);
        if (caller is null)
        {
            await Problem.Unauthorized.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (route.Kind == V2RouteKind.Me && caller.IsAppOnly)
        {
            await Problem.UnsupportedAuthentication.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (route.Kind != V2RouteKind.Me && state.AccessLevel == AccessLevel.LegacyFree)
        {
            await Problem.ClientNotEnrolled.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var rate = state.RateLimiter.Hit("2/" + route.Family, caller.Token);
        ApiResponses.SetRateLimitHeaders(context.Response, rate.Limit, rate.Remaining, rate.ResetEpochSeconds);
        if (!rate.Allowed)
        {
            await Problem.TooManyRequests.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        await V2UserEndpoints.AnswerAsync(new V2Request(context, caller, route, query, urls), state).ConfigureAwait(false);
    }

    /// <summary>A Bearer token must be the app's; an OAuth 1.0a header must pass the same checks as on /1.1/. Null when neither.</summary>
    private static V2Caller? Authenticate(HttpContext context, EmulatorState state, string rawPath, System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, string>> query)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (header is null)
        {
            return null;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return string.Equals(token, SeedData.BearerToken, StringComparison.Ordinal) ? new V2Caller(null, token) : null;
        }

        var signed = new SignedRequest(context.Request.Method, context.Request.Scheme, context.Request.Host.Value ?? string.Empty, rawPath, header, query);
        var auth = new OAuthVerifier(state).Verify(signed);
        return auth.User is { } user ? new V2Caller(user, user.Credentials!.AccessToken) : null;
    }
}
