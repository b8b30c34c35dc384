using System.Text.Json;

namespace ProfileMedia.Emulator.Control;

/// <summary>A request log entry as GET /_emulator/requests lists it.</summary>
internal static class RecordedRequestJson
{
    public static void Write(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartObject();
        json.WriteString("time", request.Time);
        json.WriteString("method", request.Method);
        json.WriteString("pathAndQuery", request.PathAndQuery);
        json.WriteNumber("status", request.Status);
        json.WriteBoolean("hadAuthorization", request.HadAuthorization);
        if (request.ContentLength is { } length)
        {
            json.WriteNumber("contentLength", length);
        }
        else
        {
            json.WriteNull("contentLength");
        }

        json.WriteString("fault", request.Fault);
        json.WriteString("connectionId", request.ConnectionId);
        json.WriteEndObject();
    }
}
