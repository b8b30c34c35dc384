using System;
using System.Net.Http;
using System.Threading.Tasks;
using ProfileMedia.Emulator.Tests;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests.V2;

/// <summary>What each access level lets the emulator's app do, and how a test changes the level.</summary>
public sealed class EmulatorAccessLevelTests
{
    [Fact]
    public async Task Pay_per_use_the_default_answers_v2_reads_and_verify_credentials_but_453_for_v1_user_reads()
    {
        await using var v2 = await V2Harness.StartAsync();

        using var show = await v2.UserGetAsync("1.1/users/show.json?screen_name=Twitter");
        using var lookup = await v2.UserGetAsync("1.1/users/lookup.json?screen_name=Twitter");
        using var verify = await v2.UserGetAsync("1.1/account/verify_credentials.json");
        using var read = await v2.BearerGetAsync("2/users/by/username/Twitter");

        Assert.Equal(AccessLevel.PayPerUse, v2.Server.AccessLevel);
        Assert.Equal((403, 453), ((int)show.StatusCode, await ResponseJson.ErrorCodeAsync(show)));
        Assert.Equal((403, 453), ((int)lookup.StatusCode, await ResponseJson.ErrorCodeAsync(lookup)));
        Assert.Equal(200, (int)verify.StatusCode);
        Assert.Equal("EmulatedUser", (await ResponseJson.ReadAsync(verify)).GetProperty("screen_name").GetString());
        Assert.Equal(200, (int)read.StatusCode);
    }

    [Fact]
    public async Task Legacy_free_answers_users_me_but_client_not_enrolled_for_other_v2_reads()
    {
        await using var v2 = await V2Harness.StartAsync(new EmulatorOptions { AccessLevel = AccessLevel.LegacyFree });

        var (meStatus, _) = await V2Harness.ReadAsync(v2.UserGetAsync("2/users/me"));
        var (status, body) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users?ids=1000001"));

        Assert.Equal(200, meStatus);
        Assert.Equal(403, status);
        Assert.EndsWith("/2/problems/client-forbidden", body.GetProperty("type").GetString());
        Assert.Equal("client-not-enrolled", body.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("registration_url").GetString()));
    }

    [Fact]
    public async Task The_control_endpoint_changes_the_level_and_reset_restores_the_starting_one()
    {
        await using var v2 = await V2Harness.StartAsync();

        using var set = await v2.Http.PostAsync(new Uri(v2.Server.ControlUri, "access-level/enterprise"), null);
        using var show = await v2.UserGetAsync("1.1/users/show.json?screen_name=Twitter");
        using var bad = await v2.Http.PostAsync(new Uri(v2.Server.ControlUri, "access-level/gold"), null);
        using var reset = await v2.Http.PostAsync(new Uri(v2.Server.ControlUri, "reset"), null);
        using var level = await v2.Http.GetAsync(new Uri(v2.Server.ControlUri, "access-level"));

        Assert.Equal(204, (int)set.StatusCode);
        Assert.Equal(200, (int)show.StatusCode);
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal("pay-per-use", (await ResponseJson.ReadAsync(level)).GetProperty("accessLevel").GetString());
    }

    [Fact]
    public async Task Users_lookup_at_enterprise_answers_the_found_users_and_404_code_17_when_none_is()
    {
        await using var v2 = await V2Harness.StartAsync(new EmulatorOptions { AccessLevel = AccessLevel.Enterprise });

        var (status, users) = await V2Harness.ReadAsync(v2.UserGetAsync("1.1/users/lookup.json?screen_name=twitter,nobody_here,SuspendedUser,EmulatedUser"));
        using var none = await v2.UserGetAsync("1.1/users/lookup.json?user_id=42");
        using var suspended = await v2.UserGetAsync("1.1/users/show.json?screen_name=SuspendedUser");

        Assert.Equal(200, status);
        Assert.Equal(["Twitter", "EmulatedUser"], System.Linq.Enumerable.Select(users.EnumerateArray(), u => u.GetProperty("screen_name").GetString()));
        Assert.Equal((404, 17), ((int)none.StatusCode, await ResponseJson.ErrorCodeAsync(none)));
        Assert.Equal((403, 63), ((int)suspended.StatusCode, await ResponseJson.ErrorCodeAsync(suspended)));
    }

    [Fact]
    public async Task Faults_give_402_credits_depleted_and_a_usage_capped_429_that_still_shows_quota()
    {
        await using var v2 = await V2Harness.StartAsync();
        v2.Server.InjectFault(new FaultSpec { PathPrefix = "/2/", Status = 402 });
        v2.Server.InjectFault(new FaultSpec { PathPrefix = "/2/", Kind = FaultKind.UsageCapped });

        var (creditsStatus, credits) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/me"));
        using var capped = await v2.BearerGetAsync("2/users/by/username/Twitter");
        var cap = await ResponseJson.ReadAsync(capped);

        Assert.Equal(402, creditsStatus);
        Assert.EndsWith("/2/problems/credits-depleted", credits.GetProperty("type").GetString());
        Assert.Equal(429, (int)capped.StatusCode);
        Assert.EndsWith("/2/problems/usage-capped", cap.GetProperty("type").GetString());
        Assert.Equal("Monthly", cap.GetProperty("period").GetString());
        Assert.NotEqual("0", System.Linq.Enumerable.Single(capped.Headers.GetValues("x-rate-limit-remaining")));
    }

    [Fact]
    public async Task Oauth2_token_mints_the_apps_bearer_token_for_the_right_key_and_secret_only()
    {
        await using var v2 = await V2Harness.StartAsync();
        var account = v2.Uploader;

        var (status, token) = await V2Harness.ReadAsync(v2.TokenAsync(account.ConsumerKey, account.ConsumerSecret));
        var (again, tokenAgain) = await V2Harness.ReadAsync(v2.TokenAsync(account.ConsumerKey, account.ConsumerSecret));
        using var wrong = await v2.TokenAsync(account.ConsumerKey, "not-the-secret");

        Assert.Equal((200, 200), (status, again));
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(v2.Server.BearerToken, token.GetProperty("access_token").GetString());
        Assert.Equal(token.GetProperty("access_token").GetString(), tokenAgain.GetProperty("access_token").GetString());
        Assert.Equal((403, 99), ((int)wrong.StatusCode, await ResponseJson.ErrorCodeAsync(wrong)));
    }

    [Fact]
    public async Task The_startup_json_adds_the_host_root_and_the_bearer_token_to_the_fields_it_had()
    {
        await using var v2 = await V2Harness.StartAsync();

        var startup = System.Text.Json.JsonDocument.Parse(v2.Server.StartupJson).RootElement;

        Assert.Equal(v2.Server.BaseUri.AbsoluteUri, startup.GetProperty("baseUri").GetString());
        Assert.Equal(v2.Server.RootUri.AbsoluteUri, startup.GetProperty("rootUri").GetString());
        Assert.Equal(v2.Server.BearerToken, startup.GetProperty("bearerToken").GetString());
        Assert.True(startup.GetProperty("accounts").GetArrayLength() >= 2);
    }
}
