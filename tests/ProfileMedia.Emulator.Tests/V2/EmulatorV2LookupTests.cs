using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests.V2;

/// <summary>The five v2 user lookups, in the shapes of the recorded bodies (../shared/fixtures/v2) and the X docs.</summary>
public sealed class EmulatorV2LookupTests
{
    private const string Fields = "user.fields=profile_image_url,profile_banner_url,protected,verified";

    [Fact]
    public async Task A_batch_by_usernames_answers_data_as_an_array_with_usernames_as_stored_whatever_the_case_asked()
    {
        await using var v2 = await V2Harness.StartAsync();

        var (status, body) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by?usernames=twitter,EMULATEDUSER,DefaultUser&" + Fields));

        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("errors", out _));
        var users = body.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(["Twitter", "EmulatedUser", "DefaultUser"], users.Select(u => u.GetProperty("username").GetString()));
        Assert.Equal(JsonValueKind.String, users[0].GetProperty("id").ValueKind);
        Assert.EndsWith("_normal.png", users[2].GetProperty("profile_image_url").GetString());
        Assert.StartsWith(v2.Server.RootUri + "profile_banners/1000001/", users[1].GetProperty("profile_banner_url").GetString());
        Assert.Contains("default_profile_images/", users[2].GetProperty("profile_image_url").GetString());
        Assert.False(users[2].TryGetProperty("profile_banner_url", out _)); // DefaultUser has no banner: no key
        Assert.False(users[1].TryGetProperty("default_profile_image", out _));
        Assert.False(users[0].GetProperty("protected").GetBoolean());
    }

    [Fact]
    public async Task Without_user_fields_only_id_name_and_username_come_back()
    {
        await using var v2 = await V2Harness.StartAsync();

        var (_, body) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users?ids=1000001"));

        Assert.Equal(["id", "name", "username"], body.GetProperty("data")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Missing_and_suspended_users_are_errors_beside_the_data_and_all_missing_is_errors_alone()
    {
        await using var v2 = await V2Harness.StartAsync();

        var (status, partial) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by?usernames=EmulatedUser,nobody_here,SuspendedUser"));
        var (allStatus, none) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users?ids=42,43"));

        Assert.Equal(200, status);
        Assert.Single(partial.GetProperty("data").EnumerateArray());
        var errors = partial.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(["value", "detail", "title", "resource_type", "parameter", "resource_id", "type"], errors[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("nobody_here", "Not Found Error", "usernames"), (errors[0].GetProperty("value").GetString(), errors[0].GetProperty("title").GetString(), errors[0].GetProperty("parameter").GetString()));
        Assert.Equal("Forbidden", errors[1].GetProperty("title").GetString());
        Assert.Equal("User has been suspended: [SuspendedUser].", errors[1].GetProperty("detail").GetString());
        Assert.EndsWith("/2/problems/resource-not-found", errors[1].GetProperty("type").GetString());
        Assert.Equal(200, allStatus);
        Assert.False(none.TryGetProperty("data", out _));
        Assert.Equal(["42", "43"], none.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("resource_id").GetString()));
        Assert.Equal("ids", none.GetProperty("errors")[0].GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Single_lookups_answer_data_as_an_object_and_a_missing_user_as_errors()
    {
        await using var v2 = await V2Harness.StartAsync();

        var (_, byName) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by/username/twitter"));
        var (_, byId) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/1000002"));
        var (missingStatus, missing) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by/username/nobody_here"));

        Assert.Equal(JsonValueKind.Object, byName.GetProperty("data").ValueKind);
        Assert.Equal(("783214", "Twitter"), (byName.GetProperty("data").GetProperty("id").GetString(), byName.GetProperty("data").GetProperty("username").GetString()));
        Assert.Equal("DefaultUser", byId.GetProperty("data").GetProperty("username").GetString());
        Assert.Equal(200, missingStatus);
        Assert.Equal("username", missing.GetProperty("errors")[0].GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Users_me_answers_the_signed_in_user_and_refuses_an_app_only_token()
    {
        await using var v2 = await V2Harness.StartAsync();

        var (status, me) = await V2Harness.ReadAsync(v2.UserGetAsync("2/users/me?user.fields=profile_image_url"));
        var (refusedStatus, refused) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/me"));

        Assert.Equal(200, status);
        Assert.Equal("EmulatedUser", me.GetProperty("data").GetProperty("username").GetString());
        Assert.Equal(403, refusedStatus);
        Assert.EndsWith("/2/problems/unsupported-authentication", refused.GetProperty("type").GetString());
        Assert.Equal(403, refused.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("2/users/by?usernames=has-dash", "usernames")]
    [InlineData("2/users/by?usernames=sixteen_letters_", "usernames")]
    [InlineData("2/users?ids=12a", "ids")]
    [InlineData("2/users?ids=", "ids")]
    [InlineData("2/users/by?usernames=EmulatedUser&user.fields=no_such_field", "user.fields")]
    public async Task Bad_parameters_are_400_invalid_request_whose_items_carry_parameters_and_message(string path, string parameter)
    {
        await using var v2 = await V2Harness.StartAsync();

        var (status, body) = await V2Harness.ReadAsync(v2.BearerGetAsync(path));

        Assert.Equal(400, status);
        Assert.EndsWith("/2/problems/invalid-request", body.GetProperty("type").GetString());
        var item = body.GetProperty("errors")[0];
        Assert.True(item.GetProperty("parameters").TryGetProperty(parameter, out _));
        Assert.False(string.IsNullOrEmpty(item.GetProperty("message").GetString()));
        Assert.False(item.TryGetProperty("detail", out _));
    }

    [Theory]
    [InlineData("2/users?ids=1000001,9223372036854775808,1000002", "ids", "1000001,9223372036854775808,1000002")]
    [InlineData("2/users/9999999999999999999", "id", "9999999999999999999")]
    public async Task An_id_above_the_signed_64_bit_maximum_is_400_invalid_request_naming_it_not_a_server_error(string path, string parameter, string sent)
    {
        await using var v2 = await V2Harness.StartAsync();

        var (status, body) = await V2Harness.ReadAsync(v2.BearerGetAsync(path));
        var (largestStatus, largest) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users?ids=1000001,9223372036854775807"));

        Assert.Equal(400, status);
        Assert.EndsWith("/2/problems/invalid-request", body.GetProperty("type").GetString());
        var item = body.GetProperty("errors")[0];
        Assert.Equal(sent, item.GetProperty("parameters").GetProperty(parameter)[0].GetString());
        string bad = sent.Split(',').Single(v => v.Length == 19);
        Assert.Contains("[" + bad + "]", item.GetProperty("message").GetString(), System.StringComparison.Ordinal);
        Assert.Equal(200, largestStatus);
        Assert.Equal("9223372036854775807", largest.GetProperty("errors")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task More_than_100_names_in_one_call_is_invalid_and_100_is_fine()
    {
        await using var v2 = await V2Harness.StartAsync(new EmulatorOptions { ExtraUsers = 101 });
        string Names(int count) => string.Join(",", Enumerable.Range(1, count).Select(i => "user" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)));

        var (hundredStatus, hundred) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by?usernames=" + Names(100)));
        var (tooManyStatus, _) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by?usernames=" + Names(101)));

        Assert.Equal(200, hundredStatus);
        Assert.Equal(100, hundred.GetProperty("data").GetArrayLength());
        Assert.Equal(400, tooManyStatus);
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_401_about_blank_with_no_rate_limit_headers()
    {
        await using var v2 = await V2Harness.StartAsync();

        using var response = await v2.BearerGetAsync("2/users/by/username/Twitter", "AAAAnotTheToken");
        var body = await ResponseJson.ReadAsync(response);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("about:blank", body.GetProperty("type").GetString());
        Assert.False(response.Headers.Contains("x-rate-limit-limit"));
    }

    [Fact]
    public async Task The_rate_limit_counts_per_token_and_answers_429_about_blank_with_headers()
    {
        await using var v2 = await V2Harness.StartAsync(new EmulatorOptions { RateLimit = 1 });

        using var first = await v2.BearerGetAsync("2/users/by/username/Twitter");
        using var second = await v2.BearerGetAsync("2/users/by/username/Twitter");
        using var userContext = await v2.UserGetAsync("2/users/by/username/Twitter");
        var body = await ResponseJson.ReadAsync(second);

        Assert.Equal(("0", 429, 200), (first.Headers.GetValues("x-rate-limit-remaining").Single(), (int)second.StatusCode, (int)userContext.StatusCode));
        Assert.Equal(("Too Many Requests", "about:blank"), (body.GetProperty("title").GetString(), body.GetProperty("type").GetString()));
        Assert.Equal("0", second.Headers.GetValues("x-rate-limit-remaining").Single());
    }
}
