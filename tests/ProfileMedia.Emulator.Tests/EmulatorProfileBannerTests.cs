using System.Linq;
using System.Threading.Tasks;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorProfileBannerTests
{
    [Fact]
    public async Task Profile_banner_lists_the_nine_documented_sizes_with_h_w_and_url()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var documented = HandWritten.Load("users-profile-banner.json").GetProperty("sizes");

        using var response = await emulator.GetAsync("users/profile_banner.json?screen_name=EmulatedUser");
        var sizes = (await ResponseJson.ReadAsync(response)).GetProperty("sizes");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(documented.EnumerateObject().Select(p => p.Name), sizes.EnumerateObject().Select(p => p.Name));
        foreach (var size in documented.EnumerateObject())
        {
            var ours = sizes.GetProperty(size.Name);
            Assert.Equal(new[] { "h", "w", "url" }, ours.EnumerateObject().Select(p => p.Name));
            Assert.Equal(size.Value.GetProperty("h").GetInt32(), ours.GetProperty("h").GetInt32());
            Assert.Equal(size.Value.GetProperty("w").GetInt32(), ours.GetProperty("w").GetInt32());
            Assert.Matches($"^{emulator.Server.MediaBaseUri}profile_banners/1000001/[0-9]+/{size.Name}$", ours.GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task An_older_account_lists_six_sizes_with_w_before_h()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var documented = HandWritten.Load("users-profile-banner-six-sizes.json").GetProperty("sizes");

        using var response = await emulator.GetAsync("users/profile_banner.json?screen_name=VeteranUser");
        var sizes = (await ResponseJson.ReadAsync(response)).GetProperty("sizes");

        Assert.Equal(documented.EnumerateObject().Select(p => p.Name), sizes.EnumerateObject().Select(p => p.Name));
        Assert.All(sizes.EnumerateObject(), size => Assert.Equal(new[] { "w", "url", "h" }, size.Value.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task A_user_without_a_banner_gets_404_code_34()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync("users/profile_banner.json?screen_name=DefaultUser");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(34, await ResponseJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task An_unknown_user_gets_404_code_50()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.GetAsync("users/profile_banner.json?user_id=42");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(50, await ResponseJson.ErrorCodeAsync(response));
    }
}
