using System;
using System.Collections.Generic;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.OAuth;

public sealed class SignatureBaseStringTests
{
    // RFC 5849 section 3.4.1.1: POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with body "c2&a3=2+q". No request of
    // this module has a form body, so the body's two parameters ride in the query: they are signed alike (3.4.1.3.1).
    private static readonly Uri RfcRequestUri = new("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2&a3=2+q");

    private static readonly KeyValuePair<string, string>[] RfcProtocolParameters =
    {
        new("oauth_consumer_key", "9djdj82h48djs9d2"),
        new("oauth_token", "kkk9d7dh3k39sjv7"),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", "137131201"),
        new("oauth_nonce", "7d8f3e4a"),
    };

    [Fact]
    public void RFC_5849_example_normalized_parameters_match_section_3_4_1_3_2()
    {
        var parameters = new List<KeyValuePair<string, string>>(QueryParameters.Parse(RfcRequestUri));
        parameters.AddRange(RfcProtocolParameters);

        Assert.Equal(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a" +
            "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7",
            ParameterNormalizer.Normalize(parameters));
    }

    [Fact]
    public void RFC_5849_example_base_string_matches_section_3_4_1_1()
    {
        string baseString = SignatureBaseString.Create("POST", RfcRequestUri, RfcProtocolParameters);

        Assert.Equal(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q" +
            "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_" +
            "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m" +
            "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk" +
            "9d7dh3k39sjv7",
            baseString);
    }

    [Fact]
    public void RFC_5849_example_query_decodes_to_the_table_of_section_3_4_1_3_1()
    {
        List<KeyValuePair<string, string>> query = QueryParameters.Parse(RfcRequestUri);

        Assert.Equal(
            new[]
            {
                new KeyValuePair<string, string>("b5", "=%3D"),
                new KeyValuePair<string, string>("a3", "a"),
                new KeyValuePair<string, string>("c@", ""),
                new KeyValuePair<string, string>("a2", "r b"),
                new KeyValuePair<string, string>("c2", ""),
                new KeyValuePair<string, string>("a3", "2 q"),
            },
            query);
    }

    [Fact]
    public void X_docs_example_base_string_matches_the_docs()
    {
        var protocol = new KeyValuePair<string, string>[]
        {
            new("oauth_consumer_key", XDocsSignatureExample.ConsumerKey),
            new("oauth_nonce", XDocsSignatureExample.Nonce),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "1318622958"),
            new("oauth_token", XDocsSignatureExample.AccessToken),
            new("oauth_version", "1.0"),
        };

        string baseString = SignatureBaseString.Create(
            "POST", new Uri(XDocsSignatureExample.UrlWithStatus), protocol);

        Assert.Equal(XDocsSignatureExample.BaseString, baseString);
    }

    [Fact]
    public void The_method_is_upper_cased()
    {
        string baseString = SignatureBaseString.Create("get", new Uri("https://example.com/a"), Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal("GET&https%3A%2F%2Fexample.com%2Fa&", baseString);
    }

    [Fact]
    public void Plus_in_the_query_is_a_space_and_percent_2B_a_plus()
    {
        string baseString = SignatureBaseString.Create(
            "GET", new Uri("https://example.com/a?q=a+b&r=a%2Bb"), Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal("GET&https%3A%2F%2Fexample.com%2Fa&q%3Da%2520b%26r%3Da%252Bb", baseString);
    }

    [Fact]
    public void Duplicate_names_are_all_kept_and_sorted_by_value()
    {
        string normalized = ParameterNormalizer.Normalize(new KeyValuePair<string, string>[]
        {
            new("z", "1"), new("a", "b"), new("a", "a"), new("a", "a"), new("A", "x"),
        });
        Assert.Equal("A=x&a=a&a=a&a=b&z=1", normalized);
    }

    [Fact]
    public void Sorting_is_by_encoded_name_not_decoded_name()
    {
        // "a!b" is signed as "a%21b", and '%' (0x25) sorts before '-' (0x2D) and '.' (0x2E).
        string normalized = ParameterNormalizer.Normalize(new KeyValuePair<string, string>[]
        {
            new("a.b", "1"), new("a!b", "2"), new("a-b", "3"),
        });
        Assert.Equal("a%21b=2&a-b=3&a.b=1", normalized);
    }

    [Fact]
    public void A_signature_already_in_the_query_is_not_signed()
    {
        string baseString = SignatureBaseString.Create(
            "POST",
            new Uri("https://example.com/a?oauth_signature=x&realm=r"),
            Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal("POST&https%3A%2F%2Fexample.com%2Fa&realm%3Dr", baseString);
    }

    [Fact]
    public void Empty_query_pairs_are_skipped_and_a_name_without_value_is_empty()
    {
        List<KeyValuePair<string, string>> query = QueryParameters.Parse(new Uri("https://example.com/?a=1&&b&c=x=y&"));
        Assert.Equal(
            new[]
            {
                new KeyValuePair<string, string>("a", "1"),
                new KeyValuePair<string, string>("b", ""),
                new KeyValuePair<string, string>("c", "x=y"),
            },
            query);
    }
}
