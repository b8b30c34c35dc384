using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorBannerUploadTests
{
    private const string UpdatePath = "account/update_profile_banner.json";

    [Fact]
    public async Task A_banner_upload_answers_201_with_an_empty_text_html_body()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostFileAsync(UpdatePath, "banner", TestImages.Png);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.Contains("x-rate-limit-remaining"));
    }

    [Fact]
    public async Task Each_banner_gets_a_new_stamp_and_the_old_banner_answers_404()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var stamps = new List<string> { (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_banner_url").GetString()! };

        for (var i = 0; i < 2; i++)
        {
            using var response = await emulator.PostFileAsync(UpdatePath, "banner", TestImages.Png);
            stamps.Add((await emulator.UserAsync("EmulatedUser")).GetProperty("profile_banner_url").GetString()!);
        }

        Assert.Equal(3, stamps.Distinct().Count());
        using var old = await emulator.Http.GetAsync(stamps[1] + "/1500x500");
        using var current = await emulator.Http.GetAsync(stamps[2] + "/1500x500");
        Assert.Equal(404, (int)old.StatusCode);
        Assert.Equal(200, (int)current.StatusCode);
    }

    [Fact]
    public async Task A_base64_form_banner_with_all_four_crop_values_is_accepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostFormAsync(UpdatePath,
        [
            new("banner", Convert.ToBase64String(TestImages.Png)),
            new("width", "1500"), new("height", "500"), new("offset_left", "0"), new("offset_top", "10"),
        ]);

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task Some_but_not_all_crop_values_get_400()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostFileAsync(UpdatePath, "banner", TestImages.Png, fields: new Dictionary<string, string> { ["width"] = "1500" });

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_missing_banner_gets_400_code_38_and_an_unreadable_one_400()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var missing = await emulator.PostFormAsync(UpdatePath, [new("width", "1")]);
        using var unreadable = await emulator.PostFileAsync(UpdatePath, "banner", TestImages.NotAnImage);

        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Equal(38, await ResponseJson.ErrorCodeAsync(missing));
        Assert.Equal(400, (int)unreadable.StatusCode);
    }

    [Fact]
    public async Task A_banner_over_5_MB_gets_422()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostFileAsync(UpdatePath, "banner", TestImages.PngOfSize(5_242_881));

        Assert.Equal(422, (int)response.StatusCode);
    }

    [Fact]
    public async Task Removing_the_banner_answers_200_empty_and_leaves_the_user_without_one()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var oldBanner = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_banner_url").GetString();

        using var response = await emulator.PostFormAsync("account/remove_profile_banner.json", []);
        var user = await emulator.UserAsync("EmulatedUser");
        using var sizes = await emulator.GetAsync("users/profile_banner.json?screen_name=EmulatedUser");
        using var media = await emulator.Http.GetAsync(oldBanner + "/web");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(user.TryGetProperty("profile_banner_url", out _));
        Assert.Equal(404, (int)sizes.StatusCode);
        Assert.Equal(404, (int)media.StatusCode);
    }
}
