using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ProfileMedia.Emulator;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorControlTests
{
    private const string ShowPath = "users/show.json?screen_name=EmulatedUser";

    [Fact]
    public async Task The_uploads_list_names_each_accepted_picture_with_the_size_its_header_declares_and_reset_clears_it()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var uploads = new Uri(emulator.Server.ControlUri, "uploads");

        using var avatar = await emulator.PostFileAsync("account/update_profile_image.json", "image", TestImages.Jpeg);
        using var banner = await emulator.PostFileAsync("account/update_profile_banner.json", "banner", TestImages.Png);
        using var refused = await emulator.PostFileAsync("account/update_profile_image.json", "image", TestImages.NotAnImage);
        using var listed = await emulator.Http.GetAsync(uploads);
        var list = await ResponseJson.ReadAsync(listed);

        Assert.Equal((200, 201), ((int)avatar.StatusCode, (int)banner.StatusCode));
        Assert.Equal(2, list.GetArrayLength()); // the refused text file is not listed
        Assert.Equal(("update_profile_image", "JPEG", 16, 16, TestImages.Jpeg.Length),
            (list[0].GetProperty("endpoint").GetString(), list[0].GetProperty("format").GetString(), list[0].GetProperty("width").GetInt32(), list[0].GetProperty("height").GetInt32(), list[0].GetProperty("bytes").GetInt32()));
        Assert.Equal(("update_profile_banner", "PNG", 1, 1), (list[1].GetProperty("endpoint").GetString(), list[1].GetProperty("format").GetString(), list[1].GetProperty("width").GetInt32(), list[1].GetProperty("height").GetInt32()));

        using var reset = await emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, "reset"), null);
        using var afterReset = await emulator.Http.GetAsync(uploads);
        Assert.Equal(0, (await ResponseJson.ReadAsync(afterReset)).GetArrayLength());
    }

    [Fact]
    public async Task The_request_log_records_each_api_and_media_request_but_not_control_calls_and_can_be_cleared()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var unsigned = await emulator.Http.GetAsync(emulator.Api(ShowPath));
        using var upload = await emulator.PostFileAsync("account/update_profile_banner.json", "banner", TestImages.Png);
        using var control = await emulator.Http.GetAsync(new Uri(emulator.Server.ControlUri, "requests"));
        var overHttp = await ResponseJson.ReadAsync(control);

        var log = emulator.Server.Requests;
        Assert.Equal(2, log.Count);
        Assert.Equal(new RecordedRequest(log[0].Time, "GET", "/1.1/" + ShowPath, 400, false, null, null), log[0]);
        Assert.Equal(("POST", 201, true), (log[1].Method, log[1].Status, log[1].HadAuthorization));
        Assert.True(log[1].ContentLength > TestImages.Png.Length);
        Assert.Equal(2, overHttp.GetArrayLength());
        Assert.Equal("/1.1/" + ShowPath, overHttp[0].GetProperty("pathAndQuery").GetString());

        using var cleared = await emulator.Http.DeleteAsync(new Uri(emulator.Server.ControlUri, "requests"));
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Empty(emulator.Server.Requests);
    }

    [Fact]
    public async Task Reset_restores_the_seeded_pictures_and_banners_and_forgets_faults_and_counts()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { RateLimit = 1, ProcessingDelay = TimeSpan.Zero });
        var seeded = emulator.Server.GetMediaUrls("EmulatedUser");
        using var upload = await emulator.PostFileAsync("account/update_profile_image.json", "image", TestImages.Png);
        using var remove = await emulator.PostFormAsync("account/remove_profile_banner.json", []);
        emulator.Server.InjectFault(new FaultSpec { PathPrefix = "/nothing/" });

        using var reset = await emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, "reset"), null);
        var restored = emulator.Server.GetMediaUrls("EmulatedUser");
        using var uploadAgain = await emulator.PostFileAsync("account/update_profile_image.json", "image", TestImages.Png);

        Assert.Equal(204, (int)reset.StatusCode);
        Assert.Equal(seeded, restored);
        Assert.Empty(emulator.Server.PendingFaults);
        Assert.Equal(200, (int)uploadAgain.StatusCode);
        using var seededPicture = await emulator.Http.GetAsync(seeded.ProfileImageUrl);
        Assert.Equal(404, (int)seededPicture.StatusCode); // replaced again by the upload after the reset
    }

    [Fact]
    public async Task A_revoked_token_gets_401_code_89()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var revoke = await emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, "accounts/EmulatedUser/revoke"), null);
        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(204, (int)revoke.StatusCode);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(89, await ResponseJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_locked_account_gets_403_code_326()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.Restrict("EmulatedUser", AccountRestrictions.Locked);

        using var response = await emulator.GetAsync(ShowPath);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(326, await ResponseJson.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_read_only_token_can_read_but_writing_gets_401_code_261()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var restrict = await emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, "accounts/EmulatedUser/readonly"), null);

        using var read = await emulator.GetAsync(ShowPath);
        using var write = await emulator.PostFileAsync("account/update_profile_banner.json", "banner", TestImages.Png);

        Assert.Equal(200, (int)read.StatusCode);
        Assert.Equal(401, (int)write.StatusCode);
        Assert.Equal(261, await ResponseJson.ErrorCodeAsync(write));
    }

    [Fact]
    public async Task An_app_outside_the_access_tier_gets_403_code_453_until_restored()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.Restrict("EmulatedUser", AccountRestrictions.OutsideAccessTier);

        using var refused = await emulator.GetAsync(ShowPath);
        using var restore = await emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, "accounts/EmulatedUser/restore"), null);
        using var allowed = await emulator.GetAsync(ShowPath);

        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Equal(453, await ResponseJson.ErrorCodeAsync(refused));
        Assert.Equal(200, (int)allowed.StatusCode);
    }

    [Fact]
    public async Task The_control_root_answers_the_startup_json_and_media_urls_are_available_per_user()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var root = await emulator.Http.GetStringAsync(emulator.Server.ControlUri);
        using var media = await emulator.Http.GetAsync(new Uri(emulator.Server.ControlUri, "accounts/DefaultUser/media"));
        using var unknown = await emulator.Http.PostAsync(new Uri(emulator.Server.ControlUri, "accounts/nobody/lock"), null);
        var urls = await ResponseJson.ReadAsync(media);

        Assert.Equal(emulator.Server.StartupJson, root);
        Assert.EndsWith("/default_profile_images/default_profile_normal.png", urls.GetProperty("profileImageUrl").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, urls.GetProperty("profileBannerUrl").ValueKind);
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Empty(emulator.Server.Requests);
    }

    [Fact]
    public async Task Concurrent_uploads_and_lookups_all_succeed()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { ProcessingDelay = TimeSpan.Zero, ExtraUsers = 20 });

        var lookups = Enumerable.Range(1, 20).Select(async i =>
        {
            using var response = await emulator.GetAsync($"users/show.json?screen_name=user{i:D4}");
            return (int)response.StatusCode;
        });
        var uploads = Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await emulator.PostFileAsync("account/update_profile_image.json", "image", TestImages.Png);
            return (int)response.StatusCode;
        });
        var statuses = await Task.WhenAll(lookups.Concat(uploads));

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(30, emulator.Server.Requests.Count);
    }
}
