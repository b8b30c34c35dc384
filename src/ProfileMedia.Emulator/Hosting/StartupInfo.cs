using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ProfileMedia.Emulator.Hosting;

/// <summary>
/// The one JSON object that tells a caller where the emulator listens and how to sign in: the program's first line of
/// standard output, and the answer of GET /_emulator/.
/// </summary>
internal static class StartupInfo
{
    public static string ToJson(Uri baseUri, Uri mediaBaseUri, Uri controlUri, IReadOnlyList<EmulatorAccount> accounts, Uri rootUri, string bearerToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("baseUri", baseUri.AbsoluteUri);
            json.WriteString("mediaBaseUri", mediaBaseUri.AbsoluteUri);
            json.WriteString("controlUri", controlUri.AbsoluteUri);
            json.WriteStartArray("accounts");
            foreach (var account in accounts)
            {
                json.WriteStartObject();
                json.WriteString("userId", account.UserId);
                json.WriteString("screenName", account.ScreenName);
                json.WriteString("consumerKey", account.ConsumerKey);
                json.WriteString("consumerSecret", account.ConsumerSecret);
                json.WriteString("accessToken", account.AccessToken);
                json.WriteString("accessTokenSecret", account.AccessTokenSecret);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // Added for the v2 API: the host root the module's -ApiBaseUri takes, and the app-only token the console hands out.
            json.WriteString("rootUri", rootUri.AbsoluteUri);
            json.WriteString("bearerToken", bearerToken);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
