using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Control;

/// <summary>
/// /_emulator/oauth/: what a test needs of the three-legged flow without a browser. <c>authorize</c> takes
/// <c>{"oauth_token":"...","screen_name":"..."}</c>, approves the app as that seeded user and answers <c>{"pin":"..."}</c>;
/// <c>expire</c> takes <c>{"oauth_token":"..."}</c> and makes that request token expire now, so no test waits for it.
/// </summary>
internal static class OAuthControl
{
    public static async Task AuthorizeAsync(HttpContext context, EmulatorState state)
    {
        if (await ReadAsync(context, "oauth_token", "screen_name").ConfigureAwait(false) is not { } fields)
        {
            return;
        }

        var pin = state.ApproveRequestToken(fields[0], fields[1], out var unknownUser);
        if (pin is null)
        {
            await (unknownUser
                ? ControlEndpoints.UnknownAccount(context, fields[1])
                : NotLive(context, fields[0])).ConfigureAwait(false);
            return;
        }

        await ControlEndpoints.WriteJsonAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("pin", pin);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task ExpireAsync(HttpContext context, EmulatorState state)
    {
        if (await ReadAsync(context, "oauth_token").ConfigureAwait(false) is not { } fields)
        {
            return;
        }

        await (state.Authorizations.Expire(fields[0])
            ? ControlEndpoints.NoContent(context, () => { })
            : NotLive(context, fields[0])).ConfigureAwait(false);
    }

    private static Task NotLive(HttpContext context, string token) =>
        ControlEndpoints.ErrorAsync(context, 404, $"No request token '{token}' is waiting for approval: unknown, expired or already used.");

    /// <summary>The named string fields of the JSON body, in order; null after answering 400 when one is missing.</summary>
    private static async Task<string[]?> ReadAsync(HttpContext context, params string[] names)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var values = new string[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty(names[i], out var value) || value.ValueKind != JsonValueKind.String
                    || value.GetString() is not { Length: > 0 } text)
                {
                    await ControlEndpoints.ErrorAsync(context, 400, $"The body needs a non-empty string \"{names[i]}\".").ConfigureAwait(false);
                    return null;
                }

                values[i] = text;
            }

            return values;
        }
        catch (JsonException exception)
        {
            await ControlEndpoints.ErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return null;
        }
    }
}
