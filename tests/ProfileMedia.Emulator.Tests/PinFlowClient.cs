using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace ProfileMedia.Emulator.Tests;

/// <summary>
/// Sends the three-legged flow's token requests the ways real clients do, signed by the tests' own reading of RFC 5849:
/// protocol parameters in the header (tweepy, requests-oauthlib) or in the form body and signed from there
/// (twitter-api-v2, whose login also repeats oauth_token in the body and counts it once).
/// </summary>
internal sealed class PinFlowClient(EmulatorHarness emulator)
{
    public string ConsumerKey { get; init; } = emulator.Uploader.ConsumerKey;

    public string ConsumerSecret { get; init; } = emulator.Uploader.ConsumerSecret;

    public Uri Url(string path) => new(emulator.Server.MediaBaseUri, path);

    /// <summary>POST oauth/request_token with oauth_callback in the header.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string callback = "oob") =>
        SendAsync("oauth/request_token", token: null, tokenSecret: "", new() { ["oauth_callback"] = callback }, body: []);

    /// <summary>POST oauth/request_token as twitter-api-v2 does: oauth_callback only in the signed form body.</summary>
    public Task<HttpResponseMessage> RequestTokenInBodyAsync(string callback = "oob") =>
        SendAsync("oauth/request_token", token: null, tokenSecret: "", [], body: [new("oauth_callback", callback)]);

    /// <summary>POST oauth/access_token as requests-oauthlib does: token and verifier in the header (tweepy adds oauth_callback too).</summary>
    public Task<HttpResponseMessage> AccessTokenAsync(string requestToken, string tokenSecret, string pin) =>
        SendAsync("oauth/access_token", requestToken, tokenSecret, new() { ["oauth_verifier"] = pin, ["oauth_callback"] = "oob" }, body: []);

    /// <summary>POST oauth/access_token as twitter-api-v2's login does: oauth_token in header and body, oauth_verifier in the body.</summary>
    public Task<HttpResponseMessage> AccessTokenInBodyAsync(string requestToken, string tokenSecret, string pin) =>
        SendAsync("oauth/access_token", requestToken, tokenSecret, [], body: [new("oauth_token", requestToken), new("oauth_verifier", pin)], countOnce: "oauth_token");

    public static async Task<Dictionary<string, string>> ReadFormAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()).Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));

    /// <summary>A request token, approved for <paramref name="screenName"/>: (token, secret, PIN).</summary>
    public async Task<(string Token, string Secret, string Pin)> ApprovedRequestTokenAsync(string screenName)
    {
        using var response = await RequestTokenAsync();
        Assert.Equal(200, (int)response.StatusCode);
        var fields = await ReadFormAsync(response);
        return (fields["oauth_token"], fields["oauth_token_secret"], emulator.Server.AuthorizeRequestToken(fields["oauth_token"], screenName));
    }

    [SuppressMessage("Security", "CA5350", Justification = "OAuth 1.0a is HMAC-SHA1.")]
    private async Task<HttpResponseMessage> SendAsync(
        string path, string? token, string tokenSecret, Dictionary<string, string> extraOAuth, List<KeyValuePair<string, string>> body, string? countOnce = null)
    {
        var url = Url(path);
        var oauth = new Dictionary<string, string>(extraOAuth)
        {
            ["oauth_consumer_key"] = ConsumerKey,
            ["oauth_nonce"] = Guid.NewGuid().ToString("N"),
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["oauth_version"] = "1.0",
        };
        if (token is not null)
        {
            oauth["oauth_token"] = token;
        }

        var signed = oauth.Concat(body.Where(p => p.Key != countOnce));
        var normalized = string.Join("&", signed
            .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        var baseString = "POST&" + Uri.EscapeDataString(url.GetLeftPart(UriPartial.Path)) + "&" + Uri.EscapeDataString(normalized);
        var key = Uri.EscapeDataString(ConsumerSecret) + "&" + Uri.EscapeDataString(tokenSecret);
        oauth["oauth_signature"] = Convert.ToBase64String(HMACSHA1.HashData(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(baseString)));

        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body.Count == 0 ? null : new FormUrlEncodedContent(body),
        };
        // twitter-api-v2 writes the header without spaces after the commas.
        request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + string.Join(",", oauth.Select(p => $"{Uri.EscapeDataString(p.Key)}=\"{Uri.EscapeDataString(p.Value)}\"")));
        return await emulator.Http.SendAsync(request);
    }
}
