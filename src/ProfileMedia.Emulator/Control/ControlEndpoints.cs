using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Activity;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Control;

/// <summary>
/// /_emulator/: lets a test drive the emulator over HTTP (faults, request log, reset, access level, account restrictions, OAuth approvals).
/// No authentication, and these calls are never logged or faulted themselves.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    private static readonly Dictionary<string, AccountRestrictions> RestrictionActions = new(StringComparer.Ordinal)
    {
        ["revoke"] = AccountRestrictions.TokenRevoked,
        ["lock"] = AccountRestrictions.Locked,
        ["readonly"] = AccountRestrictions.ReadOnly,
        ["tier"] = AccountRestrictions.OutsideAccessTier,
        ["restore"] = AccountRestrictions.None,
    };

    public static bool Handles(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public static Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var method = context.Request.Method;
        var segments = (context.Request.Path.Value ?? string.Empty)[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method, segments) switch
        {
            ("GET", []) => WriteJsonAsync(context, 200, json => json.WriteRawValue(state.StartupJson ?? "{}")),
            ("POST", ["faults"]) => AddFaultAsync(context, state),
            ("GET", ["faults"]) => WriteJsonAsync(context, 200, json => WriteArray(json, state.Faults.Pending(), FaultSpecJson.Write)),
            ("DELETE", ["faults"]) => NoContent(context, state.Faults.Clear),
            ("GET", ["requests"]) => WriteJsonAsync(context, 200, json => WriteArray(json, state.Log.Snapshot(), RecordedRequestJson.Write)),
            ("DELETE", ["requests"]) => NoContent(context, state.Log.Clear),
            ("GET", ["uploads"]) => WriteJsonAsync(context, 200, json => WriteArray(json, state.ReceivedImages.Snapshot(), WriteReceivedImage)),
            ("POST", ["reset"]) => NoContent(context, state.Reset),
            ("GET", ["access-level"]) => WriteJsonAsync(context, 200, json => WriteAccessLevel(json, state.AccessLevel)),
            ("POST", ["access-level", var name]) => AccessLevelNames.TryParse(name, out var level)
                ? NoContent(context, () => state.AccessLevel = level)
                : ErrorAsync(context, 400, $"Unknown access level '{name}': use {string.Join(", ", AccessLevelNames.All)}."),
            ("POST", ["accounts", var screenName, var action]) when RestrictionActions.TryGetValue(action, out var restriction) =>
                state.TryRestrict(screenName, restriction) ? NoContent(context, () => { }) : UnknownAccount(context, screenName),
            ("POST", ["oauth", "authorize"]) => OAuthControl.AuthorizeAsync(context, state),
            ("POST", ["oauth", "expire"]) => OAuthControl.ExpireAsync(context, state),
            ("GET", ["accounts", var screenName, "media"]) => state.MediaUrlsFor(screenName) is { } urls
                ? WriteJsonAsync(context, 200, json => WriteMediaUrls(json, urls))
                : UnknownAccount(context, screenName),
            (_, ["activity", .. var rest]) => ActivityControl.HandleAsync(context, state, method, rest),
            _ => ErrorAsync(context, 404, "No such control endpoint. See src/ProfileMedia.Emulator/README.md."),
        };
    }

    private static async Task AddFaultAsync(HttpContext context, EmulatorState state)
    {
        FaultSpec fault;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            fault = FaultSpecJson.Parse(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            await ErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return;
        }

        state.Faults.Add(fault);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static void WriteAccessLevel(Utf8JsonWriter json, AccessLevel level)
    {
        json.WriteStartObject();
        json.WriteString("accessLevel", AccessLevelNames.Of(level));
        json.WriteEndObject();
    }

    private static void WriteReceivedImage(Utf8JsonWriter json, ReceivedImage image)
    {
        json.WriteStartObject();
        json.WriteString("endpoint", image.Endpoint);
        json.WriteString("format", image.Format.ToString().ToUpperInvariant());
        json.WriteNumber("width", image.Width);
        json.WriteNumber("height", image.Height);
        json.WriteNumber("bytes", image.Bytes);
        json.WriteEndObject();
    }

    private static void WriteMediaUrls(Utf8JsonWriter json, EmulatorMediaUrls urls)
    {
        json.WriteStartObject();
        json.WriteString("profileImageUrl", urls.ProfileImageUrl.AbsoluteUri);
        json.WriteString("pendingProfileImageUrl", urls.PendingProfileImageUrl?.AbsoluteUri);
        json.WriteString("profileBannerUrl", urls.ProfileBannerUrl?.AbsoluteUri);
        json.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter json, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        json.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(json, item);
        }

        json.WriteEndArray();
    }

    internal static Task NoContent(HttpContext context, Action action)
    {
        action();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    internal static Task UnknownAccount(HttpContext context, string screenName) =>
        ErrorAsync(context, 404, $"No seeded user has the screen name '{screenName}'.");

    internal static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, json =>
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        });

    internal static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
