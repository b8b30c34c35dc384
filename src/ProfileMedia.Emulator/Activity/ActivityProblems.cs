using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.V2;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// The X Activity API's refusals, in the problem shape the v2 endpoints use. Which status and type the service gives
/// for a duplicate subscription and for the subscription limit is not documented: these are this emulator's reading.
/// </summary>
internal static class ActivityProblems
{
    public static readonly Problem AppOnlyRequired = new(
        403,
        Problem.TypeRoot + "unsupported-authentication",
        "Unsupported Authentication",
        "Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only].");

    public static Problem Duplicate(ActivitySubscription existing) => new(
        409,
        Problem.TypeRoot + "duplicate-subscription",
        "Conflict",
        $"A subscription for event_type {existing.EventType} and user_id {existing.UserId} already exists: {existing.Id}.");

    public static Problem LimitReached(int limit) => new(
        403,
        Problem.TypeRoot + "subscription-limit",
        "Subscription Limit Exceeded",
        $"The app has reached its limit of {limit} X Activity API subscriptions. Delete one before creating another.");

    public static Problem UserNotFound(string userId) => new(
        400,
        Problem.TypeRoot + "resource-not-found",
        "Not Found Error",
        $"Could not find user with user_id: [{userId}].");

    public static Problem UserSuspended(string userId) => new(
        400,
        Problem.TypeRoot + "resource-not-found",
        "Forbidden",
        $"User has been suspended: [{userId}].");

    public static Problem SubscriptionNotFound(string id) => new(
        404,
        Problem.TypeRoot + "resource-not-found",
        "Not Found Error",
        $"Could not find subscription with subscription_id: [{id}].");

    /// <summary>400 invalid-request about a query parameter, as the v2 lookups answer it.</summary>
    public static Task InvalidParameterAsync(HttpContext context, string parameter, string value, string message) =>
        V2UserEndpoints.InvalidRequest(context, parameter, [value], message);

    /// <summary>400 invalid-request about the JSON body: one item with only a "message" naming the JSON path.</summary>
    public static Task InvalidBodyAsync(HttpContext context, string message) =>
        JsonBody.WriteAsync(context, StatusCodes.Status400BadRequest, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("title", "Invalid Request");
            json.WriteString("detail", "One or more parameters to your request was invalid.");
            json.WriteString("type", Problem.TypeRoot + "invalid-request");
            json.WriteEndObject();
        });
}
