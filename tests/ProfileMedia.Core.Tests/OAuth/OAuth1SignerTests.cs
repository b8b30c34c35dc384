using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.OAuth;

public sealed class OAuth1SignerTests
{
    private static readonly Regex HeaderParameter = new("^(?<name>[A-Za-z0-9_]+)=\"(?<value>[A-Za-z0-9%._~-]*)\"$");

    [Fact]
    public void X_docs_example_HMAC_matches_the_published_signature()
    {
        string signature = HmacSha1Signature.Sign(
            Encoding.ASCII.GetBytes(XDocsSignatureExample.SigningKey), XDocsSignatureExample.BaseString);
        Assert.Equal(XDocsSignatureExample.Signature, signature);
    }

    [Fact]
    public void X_docs_example_header_matches_the_published_header()
    {
        using OAuthCredentials credentials = XDocsSignatureExample.Credentials();
        var signer = new OAuth1Signer(credentials, () => XDocsSignatureExample.Nonce, () => XDocsSignatureExample.Timestamp);

        string header = signer.CreateAuthorizationHeader("POST", new Uri(XDocsSignatureExample.UrlWithStatus));

        Assert.Equal(
            "OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", " +
            "oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", " +
            "oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\", " +
            "oauth_signature_method=\"HMAC-SHA1\", " +
            "oauth_timestamp=\"1318622958\", " +
            "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", " +
            "oauth_version=\"1.0\"",
            header);
    }

    [Fact]
    public void Secrets_that_need_escaping_are_escaped_in_the_key()
    {
        using var credentials = new OAuthCredentials(
            "key", TestSecrets.ToSecureString("c s&\u2603"), "token", TestSecrets.ToSecureString("t+s"));
        var signer = new OAuth1Signer(credentials, () => "nonce", () => 1);
        var uri = new Uri("https://example.com/a");

        string header = signer.CreateAuthorizationHeader("GET", uri);

        string baseString = SignatureBaseString.Create("GET", uri, new KeyValuePair<string, string>[]
        {
            new("oauth_consumer_key", "key"), new("oauth_nonce", "nonce"), new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "1"), new("oauth_token", "token"), new("oauth_version", "1.0"),
        });
        string expected = HmacSha1Signature.Sign(Encoding.ASCII.GetBytes("c%20s%26%E2%98%83&t%2Bs"), baseString);
        Assert.Equal(expected, Parse(header)["oauth_signature"]);
    }

    [Fact]
    public void Header_parameters_are_quoted_encoded_sorted_and_the_signature_is_20_bytes()
    {
        using OAuthCredentials credentials = XDocsSignatureExample.Credentials();
        var signer = new OAuth1Signer(credentials);

        string header = signer.CreateAuthorizationHeader("GET", new Uri("https://api.x.com/1.1/users/show.json?screen_name=a b"));

        Assert.StartsWith("OAuth ", header, StringComparison.Ordinal);
        string[] parts = header.Substring("OAuth ".Length).Split(new[] { ", " }, StringSplitOptions.None);
        var names = new List<string>();
        foreach (string part in parts)
        {
            Match match = HeaderParameter.Match(part);
            Assert.True(match.Success, part);
            names.Add(match.Groups["name"].Value);
        }

        Assert.Equal(
            new[] { "oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version" },
            names);
        Dictionary<string, string> values = Parse(header);
        Assert.Equal(20, Convert.FromBase64String(values["oauth_signature"]).Length);
        Assert.Equal("HMAC-SHA1", values["oauth_signature_method"]);
        Assert.Equal("1.0", values["oauth_version"]);
        Assert.Equal(XDocsSignatureExample.AccessToken, values["oauth_token"]);
    }

    [Fact]
    public void Every_request_gets_a_fresh_alphanumeric_nonce_and_the_current_time()
    {
        using OAuthCredentials credentials = XDocsSignatureExample.Credentials();
        var signer = new OAuth1Signer(credentials);
        var uri = new Uri("https://api.x.com/1.1/account/verify_credentials.json");

        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Dictionary<string, string> first = Parse(signer.CreateAuthorizationHeader("GET", uri));
        Dictionary<string, string> second = Parse(signer.CreateAuthorizationHeader("GET", uri));
        long after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.NotEqual(first["oauth_nonce"], second["oauth_nonce"]);
        Assert.NotEqual(first["oauth_signature"], second["oauth_signature"]);
        foreach (Dictionary<string, string> values in new[] { first, second })
        {
            Assert.Matches("^[A-Za-z0-9]{32}$", values["oauth_nonce"]);
            long timestamp = long.Parse(values["oauth_timestamp"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(timestamp, before, after);
        }
    }

    [Fact]
    public void Nonces_use_the_whole_alphabet()
    {
        var seen = new HashSet<char>();
        for (int i = 0; i < 200; i++)
        {
            string nonce = NonceGenerator.Create();
            Assert.Equal(NonceGenerator.Length, nonce.Length);
            seen.UnionWith(nonce);
        }

        Assert.Equal(62, seen.Count);
    }

    [Fact]
    public void Signing_with_disposed_credentials_throws_without_revealing_secrets()
    {
        OAuthCredentials credentials = XDocsSignatureExample.Credentials();
        var signer = new OAuth1Signer(credentials);
        credentials.Dispose();

        ObjectDisposedException error = Assert.Throws<ObjectDisposedException>(
            () => signer.CreateAuthorizationHeader("GET", new Uri("https://example.com/")));
        Assert.DoesNotContain(XDocsSignatureExample.ConsumerSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(XDocsSignatureExample.AccessTokenSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        using OAuthCredentials credentials = XDocsSignatureExample.Credentials();
        var signer = new OAuth1Signer(credentials);

        Assert.Throws<ArgumentNullException>(() => new OAuth1Signer(null!));
        Assert.Throws<ArgumentNullException>(() => signer.CreateAuthorizationHeader("GET", null!));
        Assert.Throws<ArgumentException>(() => signer.CreateAuthorizationHeader("", new Uri("https://example.com/")));
        Assert.Throws<ArgumentException>(() => signer.CreateAuthorizationHeader("GET", new Uri("/a", UriKind.Relative)));
    }

    /// <summary>Reads the header's parameters back, decoded.</summary>
    private static Dictionary<string, string> Parse(string header)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in header.Substring("OAuth ".Length).Split(new[] { ", " }, StringSplitOptions.None))
        {
            string[] nameAndValue = part.Split('=', 2);
            values.Add(nameAndValue[0], Uri.UnescapeDataString(nameAndValue[1].Trim('"')));
        }

        return values;
    }
}
