using System;
using System.Buffers;
using System.Text.Json;

namespace ProfileMedia.Emulator.State;

/// <summary>The X Activity API's stream frames as the hub sends them: an event, and the separator that is also the keep-alive.</summary>
internal static class ActivityFrames
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

    /// <summary>One JSON frame and the separator.</summary>
    public static byte[] Frame(Action<Utf8JsonWriter> write)
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
