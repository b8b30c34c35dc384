using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.OAuth;
using ProfileMedia.Emulator.State;
using ProfileMedia.Emulator.V2;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// The X Activity API under /2/activity/. Gates, in order: known route (404), a Bearer token (401 without one; OAuth
/// 1.0a user context is refused with 403 unsupported-authentication, as the endpoints take app-only auth), the app's
/// access level (legacy-free: 403 client-not-enrolled), rate limit (429), then the endpoint with its own checks (400).
/// </summary>
internal static class ActivityEndpoints
{
    public const string Prefix = "/2/activity/";
    private const string Subscriptions = "/2/activity/subscriptions";
    private const string Stream = "/2/activity/stream";

    public static bool Handles(PathString path) => path.Value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        var id = path.StartsWith(Subscriptions + "/", StringComparison.Ordinal) ? path[(Subscriptions.Length + 1)..] : null;
        Func<ActivityRequest, Task>? handler = (method, path) switch
        {
            ("POST", Subscriptions) => SubscriptionEndpoints.CreateAsync,
            ("GET", Subscriptions) => SubscriptionEndpoints.ListAsync,
            ("DELETE", Subscriptions) => SubscriptionEndpoints.DeleteManyAsync,
            ("PUT", _) when IsId(id) => request => SubscriptionEndpoints.UpdateAsync(request, id!),
            ("DELETE", _) when IsId(id) => request => SubscriptionEndpoints.DeleteAsync(request, id!),
            ("GET", Stream) => StreamEndpoint.StreamAsync,
            _ => null,
        };
        if (handler is null)
        {
            await Problem.NotFound.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var target = ApiEndpoints.RawTarget(context);
        var query = FormUrlEncoded.Parse(target.Query);
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // A correctly signed OAuth 1.0a request is a caller the service knows, but not one these endpoints take.
            var signed = new SignedRequest(method, context.Request.Scheme, context.Request.Host.Value ?? string.Empty, target.Path, header, query);
            var problem = header is not null && state.Verifier.Verify(signed).User is not null ? ActivityProblems.AppOnlyRequired : Problem.Unauthorized;
            await problem.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var token = header["Bearer ".Length..].Trim();
        if (!string.Equals(token, SeedData.BearerToken, StringComparison.Ordinal))
        {
            await Problem.Unauthorized.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (state.AccessLevel == AccessLevel.LegacyFree)
        {
            await Problem.ClientNotEnrolled.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var rate = state.RateLimiter.Hit(path == Stream ? "2/activity/stream" : "2/activity/subscriptions", token);
        ApiResponses.SetRateLimitHeaders(context.Response, rate.Limit, rate.Remaining, rate.ResetEpochSeconds);
        if (!rate.Allowed)
        {
            await Problem.TooManyRequests.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        await handler(new ActivityRequest(context, state, query)).ConfigureAwait(false);
    }

    private static bool IsId(string? id) => id is { Length: > 0 } && id.IndexOf('/', StringComparison.Ordinal) < 0;
}
