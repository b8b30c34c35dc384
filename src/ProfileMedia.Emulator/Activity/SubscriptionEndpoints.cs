using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// POST, GET, PUT and DELETE /2/activity/subscriptions. The body is checked as the service's OpenAPI describes it
/// (event_type and filter.user_id required, ids of 1 to 19 digits, no unknown members in filter); the user must exist
/// and not be suspended; one subscription per event type and user; at most the configured limit.
/// </summary>
internal static class SubscriptionEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private const int MaxTagLength = 200;

    public static async Task CreateAsync(ActivityRequest request)
    {
        using var body = await ReadBodyAsync(request.Context).ConfigureAwait(false);
        if (body is null)
        {
            await ActivityProblems.InvalidBodyAsync(request.Context, "The request body is not a JSON object.").ConfigureAwait(false);
            return;
        }

        var root = body.RootElement;
        var problem = Check(root, out var eventType, out var userId, out var tag, out var webhookId);
        if (problem is not null)
        {
            await ActivityProblems.InvalidBodyAsync(request.Context, problem).ConfigureAwait(false);
            return;
        }

        var user = request.State.Accounts.FindById(long.Parse(userId!, CultureInfo.InvariantCulture));
        if (user is null || user.Profile.Suspended)
        {
            await (user is null ? ActivityProblems.UserNotFound(userId!) : ActivityProblems.UserSuspended(userId!)).WriteAsync(request.Context).ConfigureAwait(false);
            return;
        }

        var store = request.Hub.Subscriptions;
        switch (store.Create(eventType!, userId!, tag, webhookId, out var subscription))
        {
            case CreateOutcome.Duplicate:
                await ActivityProblems.Duplicate(subscription).WriteAsync(request.Context).ConfigureAwait(false);
                return;
            case CreateOutcome.LimitReached:
                await ActivityProblems.LimitReached(store.Limit).WriteAsync(request.Context).ConfigureAwait(false);
                return;
        }

        await WriteDataAsync(request, subscription).ConfigureAwait(false);
    }

    /// <summary>GET: oldest first, max_results (1-1000, default 100) a page, pagination_token the next page's start.</summary>
    public static Task ListAsync(ActivityRequest request)
    {
        var size = DefaultPageSize;
        var sizeText = request.Parameter("max_results");
        if (sizeText is not null && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            return ActivityProblems.InvalidParameterAsync(request.Context, "max_results", sizeText,
                $"The `max_results` query parameter value [{sizeText}] is not between 1 and {MaxPageSize}");
        }

        var all = request.Hub.Subscriptions.Snapshot();
        var start = 0;
        var token = request.Parameter("pagination_token");
        if (token is not null && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > all.Count))
        {
            return ActivityProblems.InvalidParameterAsync(request.Context, "pagination_token", token,
                $"The `pagination_token` query parameter value [{token}] is not a token this endpoint gave");
        }

        var page = all.Skip(start).Take(size).ToList();
        return JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            if (page.Count > 0)
            {
                json.WriteStartArray("data");
                foreach (var subscription in page)
                {
                    ActivityJson.WriteSubscription(json, subscription);
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("meta");
            json.WriteNumber("total_subscriptions", all.Count);
            json.WriteNumber("result_count", page.Count);
            if (start + page.Count < all.Count)
            {
                json.WriteString("next_token", (start + page.Count).ToString(CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>PUT /2/activity/subscriptions/{id} with {"tag": "..."}: the tag is the one thing that changes.</summary>
    public static async Task UpdateAsync(ActivityRequest request, string id)
    {
        using var body = await ReadBodyAsync(request.Context).ConfigureAwait(false);
        if (body is null)
        {
            await ActivityProblems.InvalidBodyAsync(request.Context, "The request body is not a JSON object.").ConfigureAwait(false);
            return;
        }

        var tagProblem = ReadTag(body.RootElement, out var tag);
        if (tagProblem is not null)
        {
            await ActivityProblems.InvalidBodyAsync(request.Context, tagProblem).ConfigureAwait(false);
            return;
        }

        if (request.Hub.Subscriptions.Update(id, tag) is not { } updated)
        {
            await ActivityProblems.SubscriptionNotFound(id).WriteAsync(request.Context).ConfigureAwait(false);
            return;
        }

        await WriteDataAsync(request, updated).ConfigureAwait(false);
    }

    public static Task DeleteAsync(ActivityRequest request, string id) =>
        request.Hub.Subscriptions.Delete(id)
            ? JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json =>
            {
                json.WriteStartObject();
                json.WriteStartObject("data");
                json.WriteBoolean("deleted", true);
                json.WriteEndObject();
                json.WriteEndObject();
            })
            : ActivityProblems.SubscriptionNotFound(id).WriteAsync(request.Context);

    /// <summary>DELETE ?ids=a,b,c (1 to 100 ids): the ones deleted in data, the unknown ones in errors, one answer.</summary>
    public static Task DeleteManyAsync(ActivityRequest request)
    {
        var text = request.Parameter("ids");
        var ids = text?.Split(',') ?? [];
        var bad = ids.FirstOrDefault(id => !IsDigits(id));
        if (text is null || ids.Length is 0 or > 100 || bad is not null)
        {
            return ActivityProblems.InvalidParameterAsync(request.Context, "ids", text ?? string.Empty, text is null
                ? "The `ids` query parameter can not be empty"
                : bad is not null
                    ? $"The `ids` query parameter value [{bad}] does not match ^[0-9]{{1,19}}$"
                    : "The `ids` query parameter takes 1 to 100 subscription ids");
        }

        var store = request.Hub.Subscriptions;
        var outcomes = ids.Distinct(StringComparer.Ordinal).Select(id => (Id: id, Deleted: store.Delete(id))).ToList();
        return JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteBoolean("deleted", outcomes.Any(o => o.Deleted));
            json.WriteStartArray("subscription_ids");
            foreach (var (id, _) in outcomes.Where(o => o.Deleted))
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (outcomes.Any(o => !o.Deleted))
            {
                json.WriteStartArray("errors");
                foreach (var (id, _) in outcomes.Where(o => !o.Deleted))
                {
                    json.WriteStartObject();
                    json.WriteString("value", id);
                    json.WriteString("detail", $"Could not find subscription with subscription_id: [{id}].");
                    json.WriteString("title", "Not Found Error");
                    json.WriteString("resource_type", "subscription");
                    json.WriteString("parameter", "ids");
                    json.WriteString("resource_id", id);
                    json.WriteString("type", V2.Problem.TypeRoot + "resource-not-found");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }

    private static Task WriteDataAsync(ActivityRequest request, ActivitySubscription subscription) =>
        JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("data");
            ActivityJson.WriteSubscription(json, subscription);
            json.WriteEndObject();
        });

    /// <summary>The body's first problem, as the service words schema failures ("$.filter.user_id: ..."), or null.</summary>
    private static string? Check(JsonElement root, out string? eventType, out string? userId, out string? tag, out string? webhookId)
    {
        eventType = userId = tag = webhookId = null;
        if (!root.TryGetProperty("event_type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return "$.event_type: is missing but it is required";
        }

        eventType = type.GetString()!;
        if (!ActivityEventTypes.Known.Contains(eventType))
        {
            return $"$.event_type: does not have a value in the enumeration [{string.Join(", ", ActivityEventTypes.Known)}]";
        }

        if (!root.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
        {
            return "$.filter: is missing but it is required";
        }

        foreach (var member in filter.EnumerateObject())
        {
            if (member.Name is not ("user_id" or "direction" or "keyword"))
            {
                return $"$.filter.{member.Name}: is not defined in the schema and the schema does not allow additional properties";
            }
        }

        if (!filter.TryGetProperty("user_id", out var user) || user.ValueKind != JsonValueKind.String)
        {
            return "$.filter.user_id: is missing but it is required";
        }

        userId = user.GetString()!;
        if (!IsDigits(userId))
        {
            return $"$.filter.user_id: does not match the regex pattern ^[0-9]{{1,19}}$";
        }

        if (root.TryGetProperty("webhook_id", out var webhook))
        {
            webhookId = webhook.ValueKind == JsonValueKind.String ? webhook.GetString() : null;
            if (webhookId is null || !IsDigits(webhookId))
            {
                return "$.webhook_id: does not match the regex pattern ^[0-9]{1,19}$";
            }
        }

        return ReadTag(root, out tag);
    }

    private static string? ReadTag(JsonElement root, out string? tag)
    {
        tag = null;
        if (!root.TryGetProperty("tag", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return "$.tag: " + value.ValueKind.ToString().ToLowerInvariant() + " found, string expected";
        }

        tag = value.GetString()!;
        return tag.Length > MaxTagLength ? $"$.tag: may only be {MaxTagLength} characters long" : null;
    }

    private static bool IsDigits(string value) => value.Length is >= 1 and <= 19 && value.All(char.IsAsciiDigit);

    /// <summary>The body as a JSON object, or null when it is not one (or is too large to be one the service would take).</summary>
    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
