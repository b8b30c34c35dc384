using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ProfileMedia.TestSupport;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests.V2;

/// <summary>The emulator's v2 bodies beside the real recordings in ../shared/fixtures/v2, read in place.</summary>
public sealed class EmulatorRecordedV2Tests
{
    private static string Recorded(string name) => File.ReadAllText(Path.Combine(TestData.SharedRecordings("v2")!, name)).Trim();

    [SharedRecordingsFact("v2")]
    public async Task The_401_and_rate_limit_429_bodies_are_the_recorded_bytes()
    {
        await using var v2 = await V2Harness.StartAsync(new EmulatorOptions { RateLimit = 1 });

        using var unauthorized = await v2.BearerGetAsync("2/users/by/username/Twitter", "AAAAwrong");
        using var first = await v2.BearerGetAsync("2/users/by/username/Twitter");
        using var limited = await v2.BearerGetAsync("2/users/by/username/Twitter");

        Assert.Equal(Recorded("error_401_unauthorized.academictwitter.json"), await unauthorized.Content.ReadAsStringAsync());
        Assert.Equal(Recorded("error_429_rate_limit.issue-TwitterAPI-180.json"), await limited.Content.ReadAsStringAsync());
    }

    [SharedRecordingsFact("v2")]
    public async Task Users_me_with_an_app_only_token_has_the_recorded_keys_title_and_detail()
    {
        await using var v2 = await V2Harness.StartAsync();
        var recorded = JsonDocument.Parse(Recorded("error_403_unsupported_auth_users_me.issue-bookmarks-search-10.json")).RootElement;

        var (_, body) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/me"));

        Assert.Equal(recorded.EnumerateObject().Select(p => p.Name), body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(recorded.GetProperty("title").GetString(), body.GetProperty("title").GetString());
        Assert.Equal(recorded.GetProperty("detail").GetString(), body.GetProperty("detail").GetString());
    }

    [SharedRecordingsFact("v2")]
    public async Task A_single_user_and_a_batch_have_the_recorded_shapes_for_the_recorded_account()
    {
        await using var v2 = await V2Harness.StartAsync();
        var single = JsonDocument.Parse(Recorded("user_by_username.tweepy.json")).RootElement;

        var (_, body) = await V2Harness.ReadAsync(v2.BearerGetAsync("2/users/by/username/Twitter"));

        Assert.Equal(single.GetRawText(), body.GetRawText()); // the emulator's Twitter is the recorded one, id 783214
    }

    [SharedRecordingsFact("v2")]
    public async Task The_453_body_is_the_recorded_one()
    {
        await using var v2 = await V2Harness.StartAsync();

        using var show = await v2.UserGetAsync("1.1/users/show.json?screen_name=Twitter");

        Assert.Equal(Recorded("v1_error_403_code453.issue-socioboard-440.json"), (await show.Content.ReadAsStringAsync()).Trim());
    }
}
