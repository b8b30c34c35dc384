using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.State;
using ProfileMedia.Emulator.V2;

namespace ProfileMedia.Emulator.Faults;

/// <summary>
/// Plays an injected fault. Faults act before authentication, so a caught request uses no nonce and no rate-limit call:
/// a retried request with a fresh signature behaves exactly as it would have without the fault.
/// </summary>
internal static class FaultResponder
{
    private const string HtmlPage = "<html><head><title>Over capacity</title></head><body><h1>Something is technically wrong.</h1></body></html>";

    /// <summary>Plays the fault; false when the request should go on to be answered normally (a slow fault that has waited).</summary>
    public static async Task<bool> ApplyAsync(HttpContext context, FaultSpec fault, EmulatorState state)
    {
        switch (fault.Kind)
        {
            case FaultKind.Slow:
                // Real time, not the emulator's clock: this is network behaviour, and a test clock may never advance.
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return true; // the client gave up; there is nobody left to answer
                }

                return false;
            case FaultKind.Drop:
                await DropAsync(context).ConfigureAwait(false);
                return true;
            case FaultKind.EmptyBody:
                await ApiResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                return true;
            case FaultKind.NotJson:
                await ApiResponses.WriteTextAsync(context, StatusCodes.Status200OK, "text/html;charset=utf-8", HtmlPage).ConfigureAwait(false);
                return true;
            case FaultKind.UsageCapped:
                await WriteStatusAsync(context, fault with { Status = StatusCodes.Status429TooManyRequests }, state).ConfigureAwait(false);
                return true;
            case FaultKind.Trickle:
                await TrickleAsync(context, fault.Delay).ConfigureAwait(false);
                return true;
            default:
                await WriteStatusAsync(context, fault, state).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>Promises a body that starts like the path's answer and sends it one byte per <paramref name="delay"/> until the client leaves.</summary>
    private static async Task TrickleAsync(HttpContext context, TimeSpan delay)
    {
        var start = StartOfAnswer(context);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ApiEndpoints.Handles(context.Request.Path) ? ApiResponses.JsonContentType : "image/png";
        context.Response.ContentLength = 4096;
        try
        {
            for (var sent = 0; sent < 4096; sent++)
            {
                await context.Response.Body.WriteAsync(new[] { sent < start.Length ? start[sent] : (byte)0 }, context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || e is System.IO.IOException)
        {
            // The client gave up: the point of the fault.
        }
    }

    private static byte[] StartOfAnswer(HttpContext context) => ApiEndpoints.Handles(context.Request.Path)
        ? Encoding.UTF8.GetBytes("{\"id\":1000001,\"id_str\":\"1000001\",\"name\":\"Emulated")
        : [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    /// <summary>
    /// Promises a body, sends the headers and a part of it, then cuts the connection. The part looks like what the path
    /// serves (the start of a user object, or of a PNG), so a client sees a truncated answer, not a different one.
    /// </summary>
    private static async Task DropAsync(HttpContext context)
    {
        var api = ApiEndpoints.Handles(context.Request.Path);
        var partial = StartOfAnswer(context);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = api ? ApiResponses.JsonContentType : "image/png";
        context.Response.ContentLength = 4096;
        await context.Response.Body.WriteAsync(partial, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }

    private static async Task WriteStatusAsync(HttpContext context, FaultSpec fault, EmulatorState state)
    {
        var response = context.Response;
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        // A usage cap is not the rate limit: its answer still shows quota left in the window.
        var rateLimited = fault.Status == StatusCodes.Status429TooManyRequests && fault.Kind != FaultKind.UsageCapped;
        if (fault.IncludeRateLimitHeaders)
        {
            var resetIn = fault.RateLimitResetSeconds
                ?? (rateLimited ? fault.RetryAfterSeconds ?? 1 : (int)state.RateLimiter.WindowLength.TotalSeconds);
            var reset = state.Clock.GetUtcNow().AddSeconds(resetIn).ToUnixTimeSeconds();
            var limit = state.RateLimiter.Limit;
            ApiResponses.SetRateLimitHeaders(response, limit, rateLimited ? 0 : limit, reset);
        }

        if (fault.Body is not null)
        {
            var contentType = fault.Body.TrimStart().StartsWith('{') ? ApiResponses.JsonContentType : "text/html;charset=utf-8";
            await ApiResponses.WriteTextAsync(context, fault.Status, contentType, fault.Body).ConfigureAwait(false);
            return;
        }

        if (V2Endpoints.Handles(context.Request.Path))
        {
            var problem = fault.Kind == FaultKind.UsageCapped ? Problem.UsageCapped : fault.Status switch
            {
                StatusCodes.Status402PaymentRequired => Problem.CreditsDepleted,
                StatusCodes.Status429TooManyRequests => Problem.TooManyRequests,
                StatusCodes.Status401Unauthorized => Problem.Unauthorized,
                StatusCodes.Status404NotFound => Problem.NotFound,
                _ => new Problem(fault.Status, "about:blank", ReasonPhrases.GetReasonPhrase(fault.Status), ReasonPhrases.GetReasonPhrase(fault.Status)),
            };
            await problem.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var error = fault.Status switch
        {
            StatusCodes.Status429TooManyRequests => ApiError.RateLimitExceeded,
            StatusCodes.Status503ServiceUnavailable => ApiError.OverCapacity,
            >= 500 => ApiError.InternalError with { Status = fault.Status },
            _ => null,
        };
        if (error is null)
        {
            await ApiResponses.WriteEmptyAsync(context, fault.Status).ConfigureAwait(false);
        }
        else
        {
            await ApiResponses.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }
}
