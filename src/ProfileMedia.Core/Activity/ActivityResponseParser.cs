using System;
using System.Collections.Generic;
using System.Globalization;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Activity;

/// <summary>Reads the X Activity API's bodies: subscriptions, a list page, and the stream's frames.</summary>
internal static class ActivityResponseParser
{
    /// <summary>{"data": subscription}; null when it is a subscription of an event type this module does not watch.</summary>
    public static ProfileMediaWatch? ParseCreated(string operation, byte[] body) =>
        ParseSubscription(operation, ResponseParser.ParseObject(operation, body)["data"]);

    /// <summary>One page: the watches on it (other event types left out), the total of all subscriptions, and the next page's token.</summary>
    public static (List<ProfileMediaWatch> Watches, int Total, string? NextToken) ParsePage(string operation, byte[] body)
    {
        JsonValue root = ResponseParser.ParseObject(operation, body);
        var watches = new List<ProfileMediaWatch>();
        if (root["data"] is JsonValue data && data.Kind == JsonKind.Array)
        {
            foreach (JsonValue item in data.Items)
            {
                if (ParseSubscription(operation, item) is ProfileMediaWatch watch)
                {
                    watches.Add(watch);
                }
            }
        }

        JsonValue? meta = root["meta"];
        int total = meta?["total_subscriptions"] is JsonValue count && count.TryGetInt64(out long number) ? (int)number : watches.Count;
        return (watches, total, meta?["next_token"]?.GetString());
    }

    /// <summary>The ids a bulk delete deleted and the ones it did not find.</summary>
    public static (List<string> Deleted, List<string> NotFound) ParseBulkDelete(string operation, byte[] body)
    {
        JsonValue root = ResponseParser.ParseObject(operation, body);
        var deleted = new List<string>();
        var notFound = new List<string>();
        if (root["data"]?["subscription_ids"] is JsonValue ids && ids.Kind == JsonKind.Array)
        {
            foreach (JsonValue id in ids.Items)
            {
                if (id.GetString() is string text)
                {
                    deleted.Add(text);
                }
            }
        }

        if (root["errors"] is JsonValue errors && errors.Kind == JsonKind.Array)
        {
            foreach (JsonValue error in errors.Items)
            {
                if ((error["resource_id"] ?? error["value"])?.GetString() is string id)
                {
                    notFound.Add(id);
                }
            }
        }

        return (deleted, notFound);
    }

    /// <summary>
    /// One stream frame: an event of a kind this module watches, or null for any other event type; an error object
    /// throws StreamClosedByService with the service's words.
    /// </summary>
    /// <exception cref="JsonFormatException">The frame is not JSON.</exception>
    public static ProfileMediaChange? ParseFrame(byte[] frame, DateTimeOffset receivedAt)
    {
        JsonValue root = JsonReader.Parse(frame, 0, frame.Length);
        if (root.Kind != JsonKind.Object)
        {
            throw new JsonFormatException("a stream frame is JSON but not an object");
        }

        if (root["errors"] is JsonValue errors && errors.Kind == JsonKind.Array && root["data"] == null)
        {
            throw StreamError(errors);
        }

        JsonValue? data = root["data"];
        string? eventId = data?["event_uuid"]?.GetString();
        string? userId = data?["filter"]?["user_id"]?.GetString();
        if (data == null || eventId == null || userId == null || !WatchEventTypes.TryParse(data["event_type"]?.GetString(), out ProfileMediaWatchKind kind))
        {
            return null;
        }

        JsonValue? payload = data["payload"];
        return new ProfileMediaChange(eventId, kind, userId, null, receivedAt, data["tag"]?.GetString(), payload?["before"]?.GetString(), payload?["after"]?.GetString());
    }

    private static ProfileMediaWatch? ParseSubscription(string operation, JsonValue? item)
    {
        string? id = item?["subscription_id"]?.GetString();
        string? userId = item?["filter"]?["user_id"]?.GetString();
        if (item == null || id == null)
        {
            throw ResponseParser.Unexpected(operation, "a subscription object has no subscription_id.");
        }

        if (userId == null || !WatchEventTypes.TryParse(item["event_type"]?.GetString(), out ProfileMediaWatchKind kind))
        {
            return null;
        }

        return new ProfileMediaWatch(id, userId, null, kind, item["tag"]?.GetString(), Time(item["created_at"]), Time(item["updated_at"]));
    }

    private static DateTimeOffset? Time(JsonValue? value) =>
        DateTimeOffset.TryParse(value?.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time) ? time : (DateTimeOffset?)null;

    private static XApiException StreamError(JsonValue errors)
    {
        var details = new List<XApiErrorDetail>();
        string? title = null;
        foreach (JsonValue error in errors.Items)
        {
            title ??= error["title"]?.GetString();
            details.Add(new XApiErrorDetail(0, (error["title"]?.GetString() ?? "error") + ": " + (error["detail"]?.GetString() ?? error["message"]?.GetString() ?? string.Empty)));
        }

        string said = Text.MessageText.Escape(string.Join("; ", details.ConvertAll(d => d.Message)));
        string advice = string.Equals(title, "operational-disconnect", StringComparison.OrdinalIgnoreCase)
            ? "X restarts streams now and then: the watch reconnects and backfills, so nothing is lost."
            : "The watch reconnects with backoff; if this repeats, check the app's streaming connections in the developer console (another watcher on the same app may hold the stream).";
        return new XApiException("X closed the activity stream with an error (" + said + "). " + advice, Errors.ErrorIds.StreamClosedByService, null, details, null, null);
    }
}
