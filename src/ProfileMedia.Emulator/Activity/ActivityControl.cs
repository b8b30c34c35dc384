using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Control;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// /_emulator/activity/...: fire an event for any user, drop or close the open streams, withhold keep-alives, and
/// look at the streams and the events delivered. (HTTP errors on the stream: POST /_emulator/faults with the stream's path.)
/// </summary>
internal static class ActivityControl
{
    public static Task HandleAsync(HttpContext context, EmulatorState state, string method, string[] segments)
    {
        var hub = state.Activity;
        return (method, segments) switch
        {
            ("POST", ["events"]) => FireAsync(context, state),
            ("GET", ["events"]) => ControlEndpoints.WriteJsonAsync(context, 200, json => WriteEvents(json, hub)),
            ("GET", ["streams"]) => ControlEndpoints.WriteJsonAsync(context, 200, json => WriteCount(json, "open", hub.OpenStreams)),
            ("POST", ["streams", "drop"]) => ControlEndpoints.WriteJsonAsync(context, 200, json => WriteCount(json, "dropped", hub.DropAll())),
            ("POST", ["streams", "close"]) => CloseAsync(context, hub),
            ("POST", ["keepalives", "withhold"]) => ControlEndpoints.NoContent(context, () => hub.KeepAlivesWithheld = true),
            ("POST", ["keepalives", "resume"]) => ControlEndpoints.NoContent(context, () => hub.KeepAlivesWithheld = false),
            _ => ControlEndpoints.ErrorAsync(context, 404, "No such activity control endpoint. See src/ProfileMedia.Emulator/README.md."),
        };
    }

    /// <summary>
    /// {"screenName" or "userId", "kind": "image"|"banner" (or "eventType"), "before"?, "after"?}: the URLs default to
    /// the user's current ones. Answers {"delivered": bool, "eventUuid", "sentAt"}; not delivered when nothing subscribes.
    /// </summary>
    private static async Task FireAsync(HttpContext context, EmulatorState state)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            body = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            await ControlEndpoints.ErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return;
        }

        var user = Text(body, "screenName") is { } name ? state.Accounts.FindByScreenName(name)
            : long.TryParse(Text(body, "userId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? state.Accounts.FindById(id) : null;
        if (user is null || state.Urls is not { } urls)
        {
            await ControlEndpoints.ErrorAsync(context, 404, "No seeded user has that screenName or userId.").ConfigureAwait(false);
            return;
        }

        var eventType = Text(body, "eventType") ?? (Text(body, "kind")?.ToUpperInvariant() switch
        {
            "IMAGE" => ActivityEventTypes.ProfilePicture,
            "BANNER" => ActivityEventTypes.BannerPicture,
            _ => null,
        });
        if (eventType is null || !ActivityEventTypes.Known.Contains(eventType))
        {
            await ControlEndpoints.ErrorAsync(context, 400, "Give \"kind\": \"image\" or \"banner\", or a known \"eventType\".").ConfigureAwait(false);
            return;
        }

        var now = state.Clock.GetUtcNow();
        var current = eventType == ActivityEventTypes.BannerPicture
            ? (user.Banner is { } banner ? urls.BannerBase(user.Profile.Id, banner) : string.Empty)
            : urls.ProfileImage(user.CurrentImage(now), "normal");
        var sent = state.Activity.Publish(eventType, user.Profile.Id.ToString(CultureInfo.InvariantCulture), Text(body, "before") ?? current, Text(body, "after") ?? current);
        await ControlEndpoints.WriteJsonAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("delivered", sent is not null);
            json.WriteString("eventUuid", sent?.Uuid);
            json.WriteString("sentAt", sent is null ? null : ActivityJson.Timestamp(sent.SentAt));
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>{"title", "detail", "type", "disconnectType"?}, all optional: ends every open stream with that error object.</summary>
    private static async Task CloseAsync(HttpContext context, ActivityHub hub)
    {
        JsonElement body = default;
        if (context.Request.ContentLength is > 0)
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            body = document.RootElement.Clone();
        }

        var frame = ActivityJson.ErrorFrame(
            Text(body, "title") ?? "operational-disconnect",
            Text(body, "detail") ?? "This stream has been disconnected upstream for operational reasons.",
            Text(body, "type") ?? "operational-disconnect",
            Text(body, "disconnectType") ?? "UpstreamOperationalDisconnect");
        var closed = hub.CloseAllWithError(frame);
        await ControlEndpoints.WriteJsonAsync(context, 200, json => WriteCount(json, "closed", closed)).ConfigureAwait(false);
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteCount(Utf8JsonWriter json, string name, int count)
    {
        json.WriteStartObject();
        json.WriteNumber(name, count);
        json.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter json, ActivityHub hub)
    {
        json.WriteStartArray();
        foreach (var sent in hub.Delivered())
        {
            json.WriteStartObject();
            json.WriteString("eventUuid", sent.Uuid);
            json.WriteString("eventType", sent.EventType);
            json.WriteString("userId", sent.UserId);
            json.WriteString("before", sent.Before);
            json.WriteString("after", sent.After);
            json.WriteString("sentAt", ActivityJson.Timestamp(sent.SentAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
