using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ProfileMedia.Emulator.V2;

namespace ProfileMedia.Emulator.Activity;

/// <summary>The X Activity API's JSON: a subscription object, a stream event frame and a stream error frame.</summary>
internal static class ActivityJson
{
    /// <summary>The frame separator, and on its own the keep-alive.</summary>
    public static readonly byte[] Separator = "\r\n"u8.ToArray();

    /// <summary>{"data":{"event_type","event_uuid","filter":{"user_id"},"tag","payload":{"before","after"}}} and the separator.</summary>
    public static byte[] EventFrame(ActivityEvent sent) => Frame(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteString("event_type", sent.EventType);
        json.WriteString("event_uuid", sent.Uuid);
        json.WriteStartObject("filter");
        json.WriteString("user_id", sent.UserId);
        json.WriteEndObject();
        if (sent.Tag is not null)
        {
            json.WriteString("tag", sent.Tag);
        }

        json.WriteStartObject("payload");
        json.WriteString("before", sent.Before);
        json.WriteString("after", sent.After);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>{"errors":[{title, detail, type, disconnect_type}]} as the v2 streams end a connection, and the separator.</summary>
    public static byte[] ErrorFrame(string title, string detail, string type, string? disconnectType) => Frame(json =>
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

    private static byte[] Frame(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        buffer.Write(Separator);
        return buffer.WrittenSpan.ToArray();
    }
}
