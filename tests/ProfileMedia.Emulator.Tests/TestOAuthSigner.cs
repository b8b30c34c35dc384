using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests;

/// <summary>
/// A deliberately small OAuth 1.0a signer of the tests' own, so the emulator's verifier is checked against a separate
/// reading of RFC 5849 rather than against itself.
/// </summary>
internal static class TestOAuthSigner
{
    [SuppressMessage("Security", "CA5350", Justification = "OAuth 1.0a is HMAC-SHA1.")]
    public static string Header(
        string method,
        Uri url,
        EmulatorAccount account,
        IEnumerable<KeyValuePair<string, string>>? formParameters = null,
        long? timestamp = null,
        string? nonce = null,
        string? consumerKey = null,
        string? accessToken = null,
        string? tokenSecret = null)
    {
        var oauth = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = consumerKey ?? account.ConsumerKey,
            ["oauth_nonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture),
            ["oauth_token"] = accessToken ?? account.AccessToken,
            ["oauth_version"] = "1.0",
        };

        var all = oauth.Concat(QueryPairs(url)).Concat(formParameters ?? []);
        var normalized = string.Join("&", all
            .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        var baseString = method.ToUpperInvariant() + "&" + Uri.EscapeDataString(url.GetLeftPart(UriPartial.Path)) + "&" + Uri.EscapeDataString(normalized);
        var key = Uri.EscapeDataString(account.ConsumerSecret) + "&" + Uri.EscapeDataString(tokenSecret ?? account.AccessTokenSecret);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(baseString)));
        oauth["oauth_signature"] = signature;
        return "OAuth " + string.Join(", ", oauth.Select(p => $"{Uri.EscapeDataString(p.Key)}=\"{Uri.EscapeDataString(p.Value)}\""));
    }

    private static IEnumerable<KeyValuePair<string, string>> QueryPairs(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var pieces = part.Split('=', 2);
            return KeyValuePair.Create(Decode(pieces[0]), Decode(pieces.Length > 1 ? pieces[1] : string.Empty));
        });

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
