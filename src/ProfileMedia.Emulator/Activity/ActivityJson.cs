using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ProfileMedia.Emulator.State;
using ProfileMedia.Emulator.V2;

namespace ProfileMedia.Emulator.Activity;

/// <summary>The X Activity API's JSON: a subscription object and a stream error frame (<see cref="ActivityFrames"/> makes the event frames).</summary>
internal static class ActivityJson
{
    /// <summary>{"errors":[{title, detail, type, disconnect_type}]} as the v2 streams end a connection, and the separator.</summary>
    public static byte[] ErrorFrame(string title, string detail, string type, string? disconnectType) => ActivityFrames.Frame(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("title", title);
        if (disconnectType is not null)
        {
            json.WriteString("disconnect_type", disconnectType);
        }

        json.WriteString("detail", detail);
        json.WriteString("type", type.Contains(':', StringComparison.Ordinal) ? type : Problem.TypeRoot + type);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteSubscription(Utf8JsonWriter json, ActivitySubscription subscription)
    {
        json.WriteStartObject();
        json.WriteString("subscription_id", subscription.Id);
        json.WriteString("event_type", subscription.EventType);
        json.WriteStartObject("filter");
        json.WriteString("user_id", subscription.UserId);
        json.WriteEndObject();
        json.WriteString("created_at", Timestamp(subscription.CreatedAt));
        json.WriteString("updated_at", Timestamp(subscription.UpdatedAt));
        if (subscription.Tag is not null)
        {
            json.WriteString("tag", subscription.Tag);
        }

        if (subscription.WebhookId is not null)
        {
            json.WriteString("webhook_id", subscription.WebhookId);
        }

        json.WriteEndObject();
    }

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
