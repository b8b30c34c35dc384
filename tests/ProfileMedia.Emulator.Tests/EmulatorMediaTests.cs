using System;
using System.Linq;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorMediaTests
{
    [Theory]
    [InlineData("normal", 48)]
    [InlineData("bigger", 73)]
    [InlineData("mini", 24)]
    [InlineData("200x200", 200)]
    [InlineData("400x400", 400)]
    public async Task Every_profile_picture_size_is_a_valid_png_of_its_dimensions(string size, int pixels)
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var normal = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_image_url").GetString()!;

        using var response = await emulator.Http.GetAsync(normal.Replace("_normal.", "_" + size + ".", StringComparison.Ordinal));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal((pixels, pixels), PngCheck.Dimensions(bytes));
    }

    [Fact]
    public async Task The_seeded_original_picture_is_served_without_a_size_suffix()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var normal = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_image_url").GetString()!;

        var bytes = await emulator.Http.GetByteArrayAsync(normal.Replace("_normal.", ".", StringComparison.Ordinal));

        Assert.Equal((400, 400), PngCheck.Dimensions(bytes));
    }

    [Theory]
    [InlineData("default_profile_normal.png", 48)]
    [InlineData("default_profile_bigger.png", 73)]
    [InlineData("default_profile_mini.png", 24)]
    [InlineData("default_profile_200x200.png", 200)]
    [InlineData("default_profile_400x400.png", 400)]
    [InlineData("default_profile.png", 400)]
    public async Task The_default_picture_is_served_in_every_size(string file, int pixels)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var bytes = await emulator.Http.GetByteArrayAsync(new Uri(emulator.Server.MediaBaseUri, "default_profile_images/" + file));

        Assert.Equal((pixels, pixels), PngCheck.Dimensions(bytes));
    }

    [Fact]
    public async Task Every_banner_size_is_a_valid_png_of_its_dimensions()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var response = await emulator.GetAsync("users/profile_banner.json?screen_name=EmulatedUser");
        var sizes = (await ResponseJson.ReadAsync(response)).GetProperty("sizes");

        foreach (var size in sizes.EnumerateObject())
        {
            var bytes = await emulator.Http.GetByteArrayAsync(size.Value.GetProperty("url").GetString());
            Assert.Equal((size.Value.GetProperty("w").GetInt32(), size.Value.GetProperty("h").GetInt32()), PngCheck.Dimensions(bytes));
        }
    }

    [Theory]
    [InlineData("profile_images/1/abc_normal.png")]
    [InlineData("profile_banners/1000001/1/web")]
    [InlineData("profile_banners/1000002/1600000002/web")]
    [InlineData("default_profile_images/default_profile_huge.png")]
    [InlineData("favicon.ico")]
    public async Task Unknown_media_answers_404(string path)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.Http.GetAsync(new Uri(emulator.Server.MediaBaseUri, path));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_picture_url_with_the_wrong_name_or_extension_answers_404()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var normal = emulator.Server.GetMediaUrls("EmulatedUser").ProfileImageUrl.AbsoluteUri;

        using var wrongExtension = await emulator.Http.GetAsync(normal.Replace(".png", ".jpg", StringComparison.Ordinal));
        using var wrongName = await emulator.Http.GetAsync(normal.Replace("/profile_images/", "/profile_images/x", StringComparison.Ordinal));

        Assert.Equal(404, (int)wrongExtension.StatusCode);
        Assert.Equal(404, (int)wrongName.StatusCode);
    }

    [Fact]
    public async Task Extra_users_are_seeded_with_a_picture_and_a_banner()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { ExtraUsers = 3 });

        var user = await emulator.UserAsync("user0003");
        var banner = await emulator.Http.GetByteArrayAsync(user.GetProperty("profile_banner_url").GetString() + "/1500x500");
        var picture = await emulator.Http.GetByteArrayAsync(user.GetProperty("profile_image_url").GetString());

        Assert.Equal((1500, 500), PngCheck.Dimensions(banner));
        Assert.Equal((48, 48), PngCheck.Dimensions(picture));
        Assert.Equal(2, emulator.Server.Accounts.Count);
    }

    [Fact]
    public async Task Different_users_get_different_pictures()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { ExtraUsers = 2 });

        var first = await emulator.Http.GetByteArrayAsync(emulator.Server.GetMediaUrls("user0001").ProfileImageUrl);
        var second = await emulator.Http.GetByteArrayAsync(emulator.Server.GetMediaUrls("user0002").ProfileImageUrl);

        Assert.False(first.SequenceEqual(second));
    }
}
