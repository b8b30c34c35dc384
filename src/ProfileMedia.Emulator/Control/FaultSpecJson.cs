using System;
using System.Text.Json;
using ProfileMedia.Emulator.Faults;

namespace ProfileMedia.Emulator.Control;

/// <summary>
/// Reads and writes a <see cref="FaultSpec"/> as the control endpoint spells it:
/// {"pathPrefix":"/1.1/users/show.json","method":"GET","count":2,"kind":"status","status":503,"delayMs":2000,
///  "retryAfterSeconds":5,"rateLimitReset":true,"rateLimitResetSeconds":3,"body":"..."}.
/// "rateLimitReset" (or its alias "rateLimitHeaders") false leaves the x-rate-limit-* headers out.
/// </summary>
internal static class FaultSpecJson
{
    /// <exception cref="FormatException">The JSON is not a valid fault.</exception>
    public static FaultSpec Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A fault is a JSON object.");
        }

        var fault = new FaultSpec();
        foreach (var property in json.EnumerateObject())
        {
            var value = property.Value;
            fault = property.Name switch
            {
                "pathPrefix" => fault with { PathPrefix = String(value, property.Name) },
                "method" => fault with { Method = value.ValueKind == JsonValueKind.Null ? null : String(value, property.Name) },
                "count" => fault with { Count = Int(value, property.Name) },
                "kind" => fault with { Kind = Kind(value) },
                "status" => fault with { Status = Int(value, property.Name) },
                "delayMs" => fault with { Delay = TimeSpan.FromMilliseconds(Int(value, property.Name)) },
                "retryAfterSeconds" => fault with { RetryAfterSeconds = Int(value, property.Name) },
                "rateLimitReset" or "rateLimitHeaders" => fault with { IncludeRateLimitHeaders = Bool(value, property.Name) },
                "rateLimitResetSeconds" => fault with { RateLimitResetSeconds = Int(value, property.Name) },
                "body" => fault with { Body = value.ValueKind == JsonValueKind.Null ? null : String(value, property.Name) },
                _ => throw new FormatException($"Unknown fault property '{property.Name}'."),
            };
        }

        try
        {
            fault.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new FormatException(exception.Message, exception);
        }

        return fault;
    }

    public static void Write(Utf8JsonWriter json, FaultSpec fault)
    {
        json.WriteStartObject();
        json.WriteString("pathPrefix", fault.PathPrefix);
        json.WriteString("method", fault.Method);
        json.WriteNumber("count", fault.Count);
        json.WriteString("kind", FaultNames.Of(fault.Kind));
        json.WriteNumber("status", fault.Status);
        json.WriteNumber("delayMs", (long)fault.Delay.TotalMilliseconds);
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            json.WriteNumber("retryAfterSeconds", retryAfter);
        }

        json.WriteBoolean("rateLimitReset", fault.IncludeRateLimitHeaders);
        if (fault.RateLimitResetSeconds is { } resetSeconds)
        {
            json.WriteNumber("rateLimitResetSeconds", resetSeconds);
        }

        json.WriteString("body", fault.Body);
        json.WriteEndObject();
    }

    private static FaultKind Kind(JsonElement value) =>
        FaultNames.TryParse(String(value, "kind"), out var kind)
            ? kind
            : throw new FormatException("'kind' is one of status, drop, slow, emptyBody, notJson, usageCapped, trickle.");

    private static string String(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"'{name}' must be a string.");

    private static int Int(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new FormatException($"'{name}' must be a whole number.");

    private static bool Bool(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"'{name}' must be true or false."),
    };
}
