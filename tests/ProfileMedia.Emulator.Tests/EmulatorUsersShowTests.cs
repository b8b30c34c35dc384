using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorUsersShowTests
{
    [Fact]
    public async Task Users_show_has_the_same_top_level_keys_and_value_kinds_as_the_documented_body()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var documented = HandWritten.Load("users-show.json");

        var user = await emulator.UserAsync("EmulatedUser");

        Assert.Equal(
            documented.EnumerateObject().Select(p => p.Name).Order(),
            user.EnumerateObject().Select(p => p.Name).Order());
        foreach (var property in documented.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
        {
            var kind = user.GetProperty(property.Name).ValueKind;
            Assert.True(
                kind == property.Value.ValueKind || kind == JsonValueKind.Null
                || (kind is JsonValueKind.True or JsonValueKind.False && property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False),
                $"{property.Name}: {kind} where the documented body has {property.Value.ValueKind}");
        }
    }

    [Fact]
    public async Task Users_show_reports_ids_as_number_and_string_and_http_loopback_picture_urls()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var user = await emulator.UserAsync("EmulatedUser");

        Assert.Equal(1000001, user.GetProperty("id").GetInt64());
        Assert.Equal("1000001", user.GetProperty("id_str").GetString());
        var image = user.GetProperty("profile_image_url").GetString()!;
        Assert.StartsWith(emulator.Server.MediaBaseUri + "profile_images/", image);
        Assert.EndsWith("_normal.png", image);
        Assert.Equal(image, user.GetProperty("profile_image_url_https").GetString());
        Assert.StartsWith(emulator.Server.MediaBaseUri + "profile_banners/1000001/", user.GetProperty("profile_banner_url").GetString());
        Assert.False(user.GetProperty("default_profile_image").GetBoolean());
    }

    [Fact]
    public async Task Screen_names_are_looked_up_in_any_case_and_user_id_finds_the_same_user()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var byName = await emulator.UserAsync("eMuLaTeDuSeR");
        using var byIdResponse = await emulator.GetAsync("users/show.json?user_id=1000001");
        var byId = await ResponseJson.ReadAsync(byIdResponse);

        Assert.Equal("EmulatedUser", byName.GetProperty("screen_name").GetString());
        Assert.Equal("EmulatedUser", byId.GetProperty("screen_name").GetString());
    }

    [Fact]
    public async Task The_default_user_has_the_default_picture_and_no_banner_url()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var user = await emulator.UserAsync("DefaultUser");

        Assert.True(user.GetProperty("default_profile_image").GetBoolean());
        Assert.Equal(
            emulator.Server.MediaBaseUri + "default_profile_images/default_profile_normal.png",
            user.GetProperty("profile_image_url").GetString());
        Assert.False(user.TryGetProperty("profile_banner_url", out _));
    }

    [Fact]
    public async Task Skip_status_leaves_the_status_out()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync("users/show.json?screen_name=EmulatedUser&skip_status=true");
        var user = await ResponseJson.ReadAsync(response);

        Assert.False(user.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task An_unknown_user_gets_404_code_50()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync("users/show.json?screen_name=nobody_here");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(HandWritten.ErrorOf("error-user-not-found.json"), await ResponseJson.ErrorAsync(response));
    }

    [Theory]
    [InlineData("users/show.json")]
    [InlineData("users/show.json?screen_name=EmulatedUser&user_id=1000001")]
    public async Task Users_show_needs_exactly_one_of_screen_name_and_user_id(string relative)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync(relative);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(38, await ResponseJson.ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("users/search.json?q=EmulatedUser")]
    [InlineData("users/show?screen_name=EmulatedUser")]
    [InlineData("account/update_profile_image.json")]
    public async Task An_unknown_endpoint_or_wrong_method_gets_the_documented_404_code_34_body(string relative)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync(relative);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(HandWritten.ErrorOf("error-page-does-not-exist.json"), await ResponseJson.ErrorAsync(response));
    }
}
