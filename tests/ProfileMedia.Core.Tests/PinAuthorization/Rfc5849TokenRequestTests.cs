using System;
using System.Collections.Generic;
using System.Linq;
using ProfileMedia.Core.PinAuthorization;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Tests.OAuth;

namespace ProfileMedia.Core.Tests.PinAuthorization;

/// <summary>
/// The two token requests of RFC 5849 section 2, against the worked example of section 1.2 (photos.example.net): the
/// temporary credentials request (request_token) and the token credentials request (access_token). The RFC's headers
/// carry no oauth_version, which the RFC makes optional; the module's token requests add oauth_version="1.0" as X's
/// documentation does, so they are checked both ways: the shared signing path reproduces the RFC's headers exactly,
/// and the token-request headers carry the RFC's parameters plus the version, signed by that same path.
/// </summary>
public sealed class Rfc5849TokenRequestTests
{
    private const string ConsumerKey = "dpf43f3p2l4k3l03";
    private const string ConsumerSecret = "kd94hf93k423kf44";
    private const string Callback = "http://printer.example.com/ready";
    private const string TemporaryToken = "hh5s93j4hdidpola";
    private const string TemporarySecret = "hdhd0244k9j7ao03";
    private const string Verifier = "hfdp7dh39dks9884";
    private static readonly Uri InitiateUri = new("https://photos.example.net/initiate");
    private static readonly Uri TokenUri = new("https://photos.example.net/token");

    [Fact]
    public void Temporary_credentials_request_is_signed_as_RFC_5849_section_1_2_shows()
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("oauth_callback", Callback), new("oauth_consumer_key", ConsumerKey), new("oauth_nonce", "wIjqoS"),
            new("oauth_signature_method", "HMAC-SHA1"), new("oauth_timestamp", "137131200"),
        };

        string header = OAuth1Signer.Sign("POST", InitiateUri, parameters, TestSecrets.ToSecureString(ConsumerSecret), null);

        Assert.Equal(
            "OAuth oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", " +
            "oauth_nonce=\"wIjqoS\", oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\", oauth_signature_method=\"HMAC-SHA1\", " +
            "oauth_timestamp=\"137131200\"",
            header);
    }

    [Fact]
    public void Token_credentials_request_is_signed_as_RFC_5849_section_1_2_shows()
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", ConsumerKey), new("oauth_nonce", "walatlh"), new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "137131201"), new("oauth_token", TemporaryToken), new("oauth_verifier", Verifier),
        };

        string header = OAuth1Signer.Sign(
            "POST", TokenUri, parameters, TestSecrets.ToSecureString(ConsumerSecret), TestSecrets.ToSecureString(TemporarySecret));

        Assert.Equal(
            "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_nonce=\"walatlh\", oauth_signature=\"gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D\", " +
            "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131201\", oauth_token=\"hh5s93j4hdidpola\", oauth_verifier=\"hfdp7dh39dks9884\"",
            header);
    }

    [Fact]
    public void The_request_token_header_has_the_RFC_parameters_no_token_and_the_version_and_is_signed_with_an_empty_token_secret()
    {
        string header = TokenRequestHeaders.RequestToken(InitiateUri, ConsumerKey, TestSecrets.ToSecureString(ConsumerSecret), Callback, "wIjqoS", 137131200);

        var parameters = Parse(header);
        Assert.Equal(
            ["oauth_callback", "oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_version"],
            parameters.Keys);
        Assert.Equal((Callback, "1.0"), (parameters["oauth_callback"], parameters["oauth_version"]));
        Assert.Equal(ExpectedSignature(InitiateUri, parameters, ConsumerSecret + "&"), parameters["oauth_signature"]);
    }

    [Fact]
    public void The_access_token_header_has_the_RFC_parameters_and_the_version_and_is_signed_with_the_request_token_secret()
    {
        string header = TokenRequestHeaders.AccessToken(
            TokenUri, ConsumerKey, TestSecrets.ToSecureString(ConsumerSecret), TemporaryToken, TestSecrets.ToSecureString(TemporarySecret), Verifier, "walatlh", 137131201);

        var parameters = Parse(header);
        Assert.Equal(
            ["oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_verifier", "oauth_version"],
            parameters.Keys);
        Assert.Equal((TemporaryToken, Verifier), (parameters["oauth_token"], parameters["oauth_verifier"]));
        Assert.Equal(ExpectedSignature(TokenUri, parameters, ConsumerSecret + "&" + TemporarySecret), parameters["oauth_signature"]);
    }

    [Fact]
    public void Without_the_version_the_token_request_headers_would_carry_the_RFC_signatures()
    {
        // The same parameters as the RFC's, through the same base string and key, give the RFC's published signatures:
        // the only difference between the module's token requests and the RFC's is oauth_version.
        var initiate = Parse(TokenRequestHeaders.RequestToken(InitiateUri, ConsumerKey, TestSecrets.ToSecureString(ConsumerSecret), Callback, "wIjqoS", 137131200));
        var token = Parse(TokenRequestHeaders.AccessToken(
            TokenUri, ConsumerKey, TestSecrets.ToSecureString(ConsumerSecret), TemporaryToken, TestSecrets.ToSecureString(TemporarySecret), Verifier, "walatlh", 137131201));
        initiate.Remove("oauth_version");
        token.Remove("oauth_version");

        Assert.Equal("74KNZJeDHnMBp0EMJ9ZHt/XKycU=", ExpectedSignature(InitiateUri, initiate, ConsumerSecret + "&"));
        Assert.Equal("gKgrFCywp7rO0OXSjdot/IHF7IU=", ExpectedSignature(TokenUri, token, ConsumerSecret + "&" + TemporarySecret));
    }

    private static string ExpectedSignature(Uri uri, Dictionary<string, string> headerParameters, string key)
    {
        var signed = headerParameters.Where(p => p.Key != "oauth_signature").ToList();
        string baseString = SignatureBaseString.Create("POST", uri, signed);
        return HmacSha1Signature.Sign(System.Text.Encoding.ASCII.GetBytes(key), baseString);
    }

    private static Dictionary<string, string> Parse(string header)
    {
        Assert.StartsWith("OAuth ", header, StringComparison.Ordinal);
        var parameters = new Dictionary<string, string>();
        foreach (string part in header.Substring("OAuth ".Length).Split(", "))
        {
            string[] pair = part.Split('=', 2);
            parameters.Add(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1].Trim('"')));
        }

        return parameters;
    }
}
