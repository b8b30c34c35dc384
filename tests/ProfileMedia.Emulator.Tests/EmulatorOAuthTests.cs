using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorOAuthTests
{
    private const string ShowPath = "users/show.json?screen_name=EmulatedUser";

    [Fact]
    public async Task A_request_without_an_authorization_header_gets_400_code_215()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.Http.GetAsync(emulator.Api(ShowPath));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("""{"errors":[{"code":215,"message":"Bad Authentication data."}]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [InlineData("Bearer AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("OAuth oauth_consumer_key=\"x\"")]
    [InlineData("OAuth garbage")]
    public async Task A_header_that_is_not_complete_oauth_gets_400_code_215(string header)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await SendShowAsync(emulator, header);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(215, await ResponseJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_correctly_signed_request_is_answered()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_signature_gets_401_code_32()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var header = ShowHeader(emulator, tokenSecret: "not-the-secret");

        using var response = await SendShowAsync(emulator, header);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("""{"errors":[{"code":32,"message":"Could not authenticate you."}]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signature_over_a_different_url_gets_401_code_32()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var header = TestOAuthSigner.Header("GET", emulator.Api("users/show.json?screen_name=DefaultUser"), emulator.Uploader);

        using var response = await SendShowAsync(emulator, header);

        Assert.Equal(32, await ResponseJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task An_unknown_consumer_key_gets_401_code_32()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var header = ShowHeader(emulator, consumerKey: "someOtherApp");

        using var response = await SendShowAsync(emulator, header);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(32, await ResponseJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_reused_nonce_gets_401_code_32()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var header = ShowHeader(emulator, nonce: "same-nonce");

        using var first = await SendShowAsync(emulator, header);
        using var replay = await SendShowAsync(emulator, header);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(401, (int)replay.StatusCode);
        Assert.Equal(32, await ResponseJson.ErrorCodeAsync(replay));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(400)]
    public async Task A_timestamp_more_than_five_minutes_off_gets_401_code_135(int secondsOff)
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + secondsOff;
        var header = ShowHeader(emulator, timestamp: timestamp);

        using var response = await SendShowAsync(emulator, header);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("""{"errors":[{"code":135,"message":"Timestamp out of bounds."}]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_access_token_gets_401_code_89()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var header = ShowHeader(emulator, accessToken: "1000001-unknown");

        using var response = await SendShowAsync(emulator, header);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("""{"errors":[{"code":89,"message":"Invalid or expired token."}]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Form_body_parameters_are_covered_by_the_signature()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var url = emulator.Api("account/update_profile_image.json");
        var form = new List<KeyValuePair<string, string>> { new("image", Convert.ToBase64String(TestImages.Png)) };

        using var unsignedBody = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        unsignedBody.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("POST", url, emulator.Uploader));
        using var refused = await emulator.Http.SendAsync(unsignedBody);
        using var accepted = await emulator.PostFormAsync("account/update_profile_image.json", form);

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Equal(200, (int)accepted.StatusCode);
    }

    [Fact]
    public async Task Query_values_needing_percent_encoding_are_verified_in_rfc_3986_form()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        // Signed correctly, so the answer is about the (unknown) user, not about authentication.
        using var response = await emulator.GetAsync("users/show.json?screen_name=" + Uri.EscapeDataString("Ünïcode user+*!'()~"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(50, await ResponseJson.ErrorCodeAsync(response));
    }

    /// <summary>The uploader's header for GET <see cref="ShowPath"/>, with the one part of the signing a test spoils.</summary>
    private static string ShowHeader(EmulatorHarness emulator, long? timestamp = null, string? nonce = null, string? consumerKey = null, string? accessToken = null, string? tokenSecret = null) =>
        TestOAuthSigner.Header("GET", emulator.Api(ShowPath), emulator.Uploader, timestamp: timestamp, nonce: nonce, consumerKey: consumerKey, accessToken: accessToken, tokenSecret: tokenSecret);

    /// <summary>Sends GET <see cref="ShowPath"/> with the Authorization header as given, unchecked, however malformed.</summary>
    private static Task<HttpResponseMessage> SendShowAsync(EmulatorHarness emulator, string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, emulator.Api(ShowPath));
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return emulator.Http.SendAsync(request);
    }
}
