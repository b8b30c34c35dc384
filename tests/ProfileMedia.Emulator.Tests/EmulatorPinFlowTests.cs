using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ProfileMedia.Emulator;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorPinFlowTests
{
    private const string WrongPinText = "Error processing your OAuth request: Invalid oauth_verifier parameter";

    [Fact]
    public async Task Request_token_signed_by_the_app_alone_answers_form_encoded_token_secret_and_confirmation()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);

        using var response = await client.RequestTokenAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var fields = await PinFlowClient.ReadFormAsync(response);
        Assert.Equal(["oauth_token", "oauth_token_secret", "oauth_callback_confirmed"], fields.Keys);
        Assert.Equal("true", fields["oauth_callback_confirmed"]);
        Assert.NotEqual(fields["oauth_token"], fields["oauth_token_secret"]);
    }

    [Fact]
    public async Task Oauth_callback_in_the_signed_form_body_is_accepted_as_twitter_api_v2_sends_it()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);

        using var response = await client.RequestTokenInBodyAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("true", (await PinFlowClient.ReadFormAsync(response))["oauth_callback_confirmed"]);
    }

    [Theory]
    [InlineData("https://example.com/callback", 403, 415)]
    [InlineData("", 400, 215)]
    public async Task A_callback_other_than_oob_is_not_approved_and_a_missing_one_is_bad_data(string callback, int status, int code)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await new PinFlowClient(emulator).RequestTokenAsync(callback);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await ResponseJson.ReadAsync(response)).GetProperty("errors")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Request_token_with_a_wrong_consumer_secret_is_refused_with_code_32()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator) { ConsumerSecret = "not-the-secret" };

        using var response = await client.RequestTokenAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(32, (await ResponseJson.ReadAsync(response)).GetProperty("errors")[0].GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Access_token_for_the_approved_pin_names_the_account_and_uploads_for_it_at_once(bool parametersInBody)
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { ProcessingDelay = TimeSpan.Zero });
        var client = new PinFlowClient(emulator);
        var (token, secret, pin) = await client.ApprovedRequestTokenAsync("DefaultUser");
        var otherBefore = emulator.Server.GetMediaUrls("EmulatedUser");

        using var response = parametersInBody
            ? await client.AccessTokenInBodyAsync(token, secret, pin)
            : await client.AccessTokenAsync(token, secret, pin);

        Assert.Equal(200, (int)response.StatusCode);
        var fields = await PinFlowClient.ReadFormAsync(response);
        Assert.Equal(["oauth_token", "oauth_token_secret", "user_id", "screen_name"], fields.Keys);
        Assert.Equal(("1000002", "DefaultUser"), (fields["user_id"], fields["screen_name"]));
        Assert.StartsWith("1000002-", fields["oauth_token"], StringComparison.Ordinal);

        var issued = emulator.DefaultUser with { AccessToken = fields["oauth_token"], AccessTokenSecret = fields["oauth_token_secret"] };
        using var upload = await emulator.PostFileAsync("account/update_profile_image.json", "image", TestImages.Png, issued);
        Assert.Equal(200, (int)upload.StatusCode);
        Assert.False((await ResponseJson.ReadAsync(upload)).GetProperty("default_profile_image").GetBoolean());
        Assert.NotNull(emulator.Server.GetMediaUrls("DefaultUser").ProfileImageUrl);
        Assert.DoesNotContain("default_profile", emulator.Server.GetMediaUrls("DefaultUser").ProfileImageUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(otherBefore, emulator.Server.GetMediaUrls("EmulatedUser"));
    }

    [Fact]
    public async Task A_wrong_pin_is_401_in_plain_text_and_the_right_pin_still_works_afterwards()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        var (token, secret, pin) = await client.ApprovedRequestTokenAsync("EmulatedUser");
        var wrongPin = pin == "0000000" ? "1111111" : "0000000";

        using var wrong = await client.AccessTokenAsync(token, secret, wrongPin);
        using var right = await client.AccessTokenAsync(token, secret, pin);

        Assert.Equal(401, (int)wrong.StatusCode);
        Assert.Equal(WrongPinText, await wrong.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)right.StatusCode);
    }

    [Fact]
    public async Task A_pin_before_anyone_approved_the_token_is_a_wrong_pin()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        using var requested = await client.RequestTokenAsync();
        var fields = await PinFlowClient.ReadFormAsync(requested);

        using var response = await client.AccessTokenAsync(fields["oauth_token"], fields["oauth_token_secret"], "1234567");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(WrongPinText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pin_works_once_the_second_exchange_finds_the_request_token_used_up()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        var (token, secret, pin) = await client.ApprovedRequestTokenAsync("EmulatedUser");

        using var first = await client.AccessTokenAsync(token, secret, pin);
        using var second = await client.AccessTokenAsync(token, secret, pin);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(401, (int)second.StatusCode);
        Assert.Equal(89, (await ResponseJson.ReadAsync(second)).GetProperty("errors")[0].GetProperty("code").GetInt32());
        Assert.Throws<ArgumentException>(() => emulator.Server.AuthorizeRequestToken(token, "EmulatedUser"));
    }

    [Fact]
    public async Task A_request_token_expires_after_its_lifetime_on_the_emulator_clock()
    {
        var clock = new ManualClock();
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = clock, RequestTokenLifetime = TimeSpan.FromMinutes(2) });
        var client = new PinFlowClient(emulator);
        var (token, secret, pin) = await client.ApprovedRequestTokenAsync("EmulatedUser");

        clock.Advance(TimeSpan.FromMinutes(2));
        using var response = await client.AccessTokenAsync(token, secret, pin);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(89, (await ResponseJson.ReadAsync(response)).GetProperty("errors")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_expire_control_ends_a_request_token_at_once()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        var (token, secret, pin) = await client.ApprovedRequestTokenAsync("EmulatedUser");

        using var expire = await PostControlAsync(emulator, "oauth/expire", $$"""{"oauth_token":"{{token}}"}""");
        using var again = await PostControlAsync(emulator, "oauth/expire", $$"""{"oauth_token":"{{token}}"}""");
        using var response = await client.AccessTokenAsync(token, secret, pin);

        Assert.Equal(204, (int)expire.StatusCode);
        Assert.Equal(404, (int)again.StatusCode);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_authorize_control_answers_a_pin_for_the_named_account_and_404_for_unknown_ones()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        using var requested = await client.RequestTokenAsync();
        var fields = await PinFlowClient.ReadFormAsync(requested);
        var token = fields["oauth_token"];

        using var unknownUser = await PostControlAsync(emulator, "oauth/authorize", $$"""{"oauth_token":"{{token}}","screen_name":"NoSuchUser"}""");
        using var unknownToken = await PostControlAsync(emulator, "oauth/authorize", """{"oauth_token":"nope","screen_name":"DefaultUser"}""");
        using var missing = await PostControlAsync(emulator, "oauth/authorize", $$"""{"oauth_token":"{{token}}"}""");
        using var approved = await PostControlAsync(emulator, "oauth/authorize", $$"""{"oauth_token":"{{token}}","screen_name":"defaultuser"}""");
        var pin = (await ResponseJson.ReadAsync(approved)).GetProperty("pin").GetString()!;
        using var exchanged = await client.AccessTokenAsync(token, fields["oauth_token_secret"], pin);

        Assert.Equal((404, 404, 400, 200), ((int)unknownUser.StatusCode, (int)unknownToken.StatusCode, (int)missing.StatusCode, (int)approved.StatusCode));
        Assert.Matches("^[0-9]{7}$", pin);
        Assert.Equal("DefaultUser", (await PinFlowClient.ReadFormAsync(exchanged))["screen_name"]);
    }

    [Fact]
    public async Task The_authorize_page_shows_a_pin_for_the_first_seeded_account()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        using var requested = await client.RequestTokenAsync();
        var fields = await PinFlowClient.ReadFormAsync(requested);

        using var page = await emulator.Http.GetAsync(client.Url("oauth/authorize?oauth_token=" + fields["oauth_token"]));
        var html = await page.Content.ReadAsStringAsync();
        var pin = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"oauth_pin\">([0-9]+)</code>").Groups[1].Value;
        using var exchanged = await client.AccessTokenAsync(fields["oauth_token"], fields["oauth_token_secret"], pin);
        using var stale = await emulator.Http.GetAsync(client.Url("oauth/authorize?oauth_token=" + fields["oauth_token"]));

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("EmulatedUser", (await PinFlowClient.ReadFormAsync(exchanged))["screen_name"]);
        Assert.Equal(404, (int)stale.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_the_issued_access_tokens()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var client = new PinFlowClient(emulator);
        var (token, secret, pin) = await client.ApprovedRequestTokenAsync("EmulatedUser");
        using var exchanged = await client.AccessTokenAsync(token, secret, pin);
        var fields = await PinFlowClient.ReadFormAsync(exchanged);
        var issued = emulator.Uploader with { AccessToken = fields["oauth_token"], AccessTokenSecret = fields["oauth_token_secret"] };

        using var before = await emulator.GetAsync("users/show.json?screen_name=EmulatedUser", issued);
        emulator.Server.Reset();
        using var after = await emulator.GetAsync("users/show.json?screen_name=EmulatedUser", issued);

        Assert.Equal((200, 401), ((int)before.StatusCode, (int)after.StatusCode));
    }

    private static Task<HttpResponseMessage> PostControlAsync(EmulatorHarness emulator, string path, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, path), content);
    }
}
