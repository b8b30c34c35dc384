using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using ProfileMedia.Core.Api;
using ProfileMedia.TestSupport;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>The module's v2 parsing against real recorded bodies, read in place from ../shared/fixtures/v2.</summary>
public sealed class RecordedV2FixtureTests
{
    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(TestData.SharedRecordings("v2")!, name));

    [SharedRecordingsFact("v2")]
    public void A_single_user_without_user_fields_parses_with_id_name_and_username_only()
    {
        var answer = V2ResponseParser.ParseLookup("Get user", Read("user_by_username.tweepy.json"));

        var user = Assert.Single(answer.Users);
        Assert.Equal(("783214", "Twitter", "Twitter"), (user.UserId, user.ScreenName, user.Name));
        Assert.Null(user.ProfileImageUrlHttps);
        Assert.Null(user.ProfileBannerUrl);
        Assert.Empty(answer.Errors);
    }

    [SharedRecordingsFact("v2")]
    public void A_batch_parses_as_an_array_and_users_me_as_one_user()
    {
        var batch = V2ResponseParser.ParseLookup("Look up", Read("users_by_usernames.tweepy.json"));
        var me = V2ResponseParser.ParseLookup("Me", Read("users_me.tweepy.json"));

        Assert.Equal(["Twitter", "TwitterDev"], batch.Users.Select(u => u.ScreenName));
        Assert.Equal("Twitter Dev", batch.Users[1].Name);
        Assert.Equal("TweepyDev", Assert.Single(me.Users).ScreenName);
    }

    [SharedRecordingsFact("v2")]
    public void The_recorded_problems_become_their_error_ids()
    {
        XApiException Classify(string name, HttpStatusCode status)
        {
            byte[] body = Read(name);
            return XApiErrorAdvice.FromAnswer("Call", status, ResponseParser.ParseErrors(body), null, null, 1, V2ResponseParser.ParseProblem(body));
        }

        var unauthorized = Classify("error_401_unauthorized.academictwitter.json", HttpStatusCode.Unauthorized);
        var appOnly = Classify("error_403_unsupported_auth_users_me.issue-bookmarks-search-10.json", HttpStatusCode.Forbidden);
        var limited = Classify("error_429_rate_limit.issue-TwitterAPI-180.json", (HttpStatusCode)429);
        var tier = Classify("v1_error_403_code453.issue-socioboard-440.json", HttpStatusCode.Forbidden);

        Assert.Equal(("AuthenticationFailed", "about:blank"), (unauthorized.ErrorId, unauthorized.Problem!.Name));
        Assert.Equal(("UnsupportedAuthentication", "unsupported-authentication"), (appOnly.ErrorId, appOnly.Problem!.Name));
        Assert.Equal(403, appOnly.Problem!.Status);
        Assert.Equal("RateLimited", limited.ErrorId);
        Assert.Equal("AccessTierInsufficient", tier.ErrorId);
        Assert.Null(tier.Problem);
        Assert.Equal(AdviceKind.UseV2Reads, tier.Advice);
    }
}
