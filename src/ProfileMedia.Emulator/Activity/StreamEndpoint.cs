using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// GET /2/activity/stream: a persistent chunked answer of JSON objects, each followed by "\r\n", with a bare "\r\n"
/// keep-alive whenever it has been idle for the keep-alive interval. backfill_minutes (0-5) replays the events of the
/// last minutes first; start_time and end_time (YYYY-MM-DDTHH:mm:ssZ) replay from a time and end the stream at one.
/// </summary>
internal static class StreamEndpoint
{
    private const int MaxBackfillMinutes = 5;
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"];

    public static async Task StreamAsync(ActivityRequest request)
    {
        var context = request.Context;
        var now = request.State.Clock.GetUtcNow();
        var backfillText = request.Parameter("backfill_minutes");
        var backfill = 0;
        if (backfillText is not null && (!int.TryParse(backfillText, NumberStyles.None, CultureInfo.InvariantCulture, out backfill) || backfill > MaxBackfillMinutes))
        {
            await ActivityProblems.InvalidParameterAsync(context, "backfill_minutes", backfillText,
                $"The `backfill_minutes` query parameter value [{backfillText}] is not between 0 and {MaxBackfillMinutes}").ConfigureAwait(false);
            return;
        }

        var start = ReadTime(request, "start_time", out var startProblem);
        var end = ReadTime(request, "end_time", out var endProblem);
        if ((startProblem ?? endProblem) is { } problem)
        {
            var name = startProblem is null ? "end_time" : "start_time";
            await ActivityProblems.InvalidParameterAsync(context, name, request.Parameter(name)!, problem).ConfigureAwait(false);
            return;
        }

        if (start is not null && end is not null && end <= start)
        {
            await ActivityProblems.InvalidParameterAsync(context, "end_time", request.Parameter("end_time")!,
                "The `end_time` query parameter value must be after the `start_time` query parameter value").ConfigureAwait(false);
            return;
        }

        DateTimeOffset? from = backfill > 0 ? now - TimeSpan.FromMinutes(backfill) : start;
        var hub = request.Hub;
        using var stream = hub.Open(from, end);
        try
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stream.Dropped);
            await PumpAsync(request, stream, end, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stream.Dropped.IsCancellationRequested)
        {
            // A dropped connection ends without the chunked terminator, as a cut network would leave it.
            context.Abort();
        }
        finally
        {
            hub.Close(stream);
        }
    }

    private static async Task PumpAsync(ActivityRequest request, ActivityStream stream, DateTimeOffset? end, CancellationToken cancellationToken)
    {
        var body = request.Context.Response.Body;
        var hub = request.Hub;
        Task<bool>? waiting = null;
        while (true)
        {
            waiting ??= stream.Frames.WaitToReadAsync(cancellationToken).AsTask();
            using var idleTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var idle = Task.Delay(hub.KeepAliveInterval, request.State.Clock, idleTimer.Token);
            var woke = await Task.WhenAny(waiting, idle).ConfigureAwait(false);
            await idleTimer.CancelAsync().ConfigureAwait(false);
            if (woke == waiting)
            {
                if (!await waiting.ConfigureAwait(false))
                {
                    return; // closed with an error object: the stream ends cleanly after it
                }

                waiting = null;
                while (stream.Frames.TryRead(out var frame))
                {
                    await body.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (!hub.KeepAlivesWithheld)
            {
                await body.WriteAsync(ActivityJson.Separator, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (end is { } last && request.State.Clock.GetUtcNow() > last)
            {
                return;
            }
        }
    }

    /// <summary>The parameter's time, or null when absent; <paramref name="problem"/> says why text cannot be one.</summary>
    private static DateTimeOffset? ReadTime(ActivityRequest request, string name, out string? problem)
    {
        problem = null;
        var text = request.Parameter(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        problem = $"The `{name}` query parameter value [{text}] is not a valid time: use YYYY-MM-DDTHH:mm:ssZ";
        return null;
    }
}
