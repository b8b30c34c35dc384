using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>v2 lookups through the module's client against the emulator: batching, matching, missing and suspended users.</summary>
public sealed class XApiClientV2LookupTests : IClassFixture<V2ClientHarness>
{
    private readonly V2ClientHarness _harness;

    public XApiClientV2LookupTests(V2ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(250, 3)]
    public async Task A_batch_of_names_takes_one_request_per_100_and_keeps_the_order_given(int count, int requests)
    {
        using XApiClient client = _harness.BearerClient();
        var asked = V2ClientHarness.Bulk(count);
        asked.Reverse();

        var outcomes = await client.LookupUsersAsync(asked, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(asked.Select(a => a.ScreenName), outcomes.Select(o => o.User!.ScreenName));
        Assert.Equal(requests, _harness.V2Requests.Count);
        Assert.All(_harness.V2Requests, r => Assert.Contains("user.fields=profile_image_url%2Cprofile_banner_url", r.PathAndQuery, StringComparison.Ordinal));
        Assert.StartsWith(count == 1 ? "/2/users/by/username/user0001?" : "/2/users/by?usernames=", _harness.V2Requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.All(outcomes, o => Assert.EndsWith("_normal.png", o.User!.ProfileImageUrlHttps, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_asked_twice_in_any_case_is_looked_up_once_and_matched_whatever_case_comes_back()
    {
        using XApiClient client = _harness.BearerClient();
        var asked = new[] { "emulateduser", "EMULATEDUSER", "@EmulatedUser", "twitter" }.Select(V2ClientHarness.Name).ToList();

        var outcomes = await client.LookupUsersAsync(asked, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(["EmulatedUser", "Twitter"], outcomes.Select(o => o.User!.ScreenName));
        var request = Assert.Single(_harness.V2Requests);
        Assert.Contains("usernames=emulateduser%2Ctwitter&", request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_go_to_users_by_ids_apart_from_names_and_the_default_picture_is_recognised_by_its_url()
    {
        using XApiClient client = _harness.BearerClient();
        var asked = new[] { UserReference.ForUserId("1000002", out _)!, UserReference.ForUserId("1000001", out _)!, V2ClientHarness.Name("Twitter") };

        var outcomes = await client.LookupUsersAsync(asked, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(["DefaultUser", "EmulatedUser", "Twitter"], outcomes.Select(o => o.User!.ScreenName));
        Assert.True(outcomes[0].User!.IsDefaultProfileImage);
        Assert.Null(outcomes[0].User!.ProfileBannerUrl);
        Assert.False(outcomes[1].User!.IsDefaultProfileImage);
        Assert.Contains(_harness.V2Requests, r => r.PathAndQuery.StartsWith("/2/users?ids=1000002%2C1000001&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_and_suspended_users_are_their_own_errors_while_the_rest_are_found()
    {
        using XApiClient client = _harness.BearerClient();
        var asked = new[] { "EmulatedUser", "nobody_here", "SuspendedUser" }.Select(V2ClientHarness.Name).ToList();

        var outcomes = await client.LookupUsersAsync(asked, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal("EmulatedUser", outcomes[0].User!.ScreenName);
        Assert.Equal("UserNotFound", outcomes[1].Error!.ErrorId);
        Assert.Contains("@nobody_here", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("UserSuspended", outcomes[2].Error!.ErrorId);
        Assert.Contains("suspended", outcomes[2].Error!.Message, StringComparison.Ordinal);
        Assert.Single(_harness.V2Requests);
    }

    [Fact]
    public async Task All_missing_is_UserNotFound_for_each_from_one_request()
    {
        using XApiClient client = _harness.BearerClient();

        var outcomes = await client.LookupUsersAsync(new[] { UserReference.ForUserId("42", out _)!, UserReference.ForUserId("43", out _)! }, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal("UserNotFound", o.Error!.ErrorId));
        Assert.Single(_harness.V2Requests);
    }

    [Fact]
    public async Task A_single_lookup_answered_404_is_UserNotFound_as_is_one_answered_200_with_errors()
    {
        using XApiClient client = _harness.BearerClient();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = "/2/users/by/username/", Status = 404, Body = "{\"title\":\"Not Found Error\",\"detail\":\"Could not find user with username: [ghost].\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\",\"status\":404}" });

        var by404 = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(V2ClientHarness.Name("ghost"), ApiCallOptions.Quiet, CancellationToken.None));
        var by200 = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(V2ClientHarness.Name("ghost"), ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal(("UserNotFound", "UserNotFound"), (by404.ErrorId, by200.ErrorId));
        Assert.Equal(2, _harness.V2Requests.Count);
    }

    [Fact]
    public async Task A_missing_or_suspended_users_error_names_an_id_plainly_and_shows_the_services_detail_with_control_characters_escaped()
    {
        using XApiClient client = _harness.BearerClient();
        _harness.Server.InjectFault(new FaultSpec
        {
            PathPrefix = "/2/users",
            Status = 200,
            Body = "{\"errors\":["
                + "{\"value\":\"42\",\"detail\":\"Could not find user with ids: [42].\\u001b]0;pwned\\u0007\",\"title\":\"Not Found Error\",\"resource_type\":\"user\",\"parameter\":\"ids\",\"resource_id\":\"42\",\"type\":\"https://api.x.com/2/problems/resource-not-found\"},"
                + "{\"value\":\"43\",\"detail\":\"User has been suspended: [x].\\r\\nWARNING: forged\",\"title\":\"Forbidden\",\"resource_type\":\"user\",\"parameter\":\"ids\",\"resource_id\":\"43\",\"type\":\"https://api.x.com/2/problems/resource-not-found\"}]}",
        });
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = "/2/users/44", Status = 404 });

        var outcomes = await client.LookupUsersAsync(new[] { UserReference.ForUserId("42", out _)!, UserReference.ForUserId("43", out _)! }, ApiCallOptions.Quiet, CancellationToken.None);
        var by404 = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(UserReference.ForUserId("44", out _)!, ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal(("UserNotFound", "UserSuspended", "UserNotFound"), (outcomes[0].Error!.ErrorId, outcomes[1].Error!.ErrorId, by404.ErrorId));
        Assert.StartsWith("No user with id 42 (X: Could not find user with ids: [42].\\u001b]0;pwned\\u0007)", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("[x].\\u000d\\u000aWARNING: forged", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.StartsWith("No user with id 44 was found", by404.Message, StringComparison.Ordinal);
        Assert.All(new[] { outcomes[0].Error!.Message, outcomes[1].Error!.Message, by404.Message }, m =>
        {
            Assert.DoesNotContain(m, char.IsControl);
            Assert.DoesNotContain("user user", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Verbose_says_per_request_how_many_users_came_back()
    {
        var observer = new RecordingObserver();
        using XApiClient client = _harness.BearerClient();

        await client.LookupUsersAsync(new[] { "EmulatedUser", "Twitter", "nobody_here", "SuspendedUser" }.Select(V2ClientHarness.Name).ToList(), observer.Call(), CancellationToken.None);

        Assert.Contains(observer.VerboseLines, l => l.StartsWith("/2/users/by: 2 of 4 users returned, 1 not found, 1 suspended", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_banner_sizes_come_from_profile_banner_url_with_no_extra_request()
    {
        using XApiClient client = _harness.BearerClient();

        var sizes = await client.GetProfileBannerAsync(V2ClientHarness.Name("EmulatedUser"), ApiCallOptions.Quiet, CancellationToken.None);
        var none = await Assert.ThrowsAsync<XApiException>(() => client.GetProfileBannerAsync(V2ClientHarness.Name("DefaultUser"), ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal(ProfileMedia.Core.Urls.BannerSize.Names, sizes.Select(s => s.Name));
        Assert.All(sizes, s => Assert.Equal(s.SourceUrl + "/" + s.Name, s.Url));
        Assert.Equal("NoProfileBanner", none.ErrorId);
        Assert.Equal(2, _harness.V2Requests.Count);
        Assert.DoesNotContain(_harness.Server.Requests, r => r.PathAndQuery.StartsWith("/1.1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_connected_account_comes_from_users_me_with_user_context()
    {
        using XApiClient client = _harness.UserClient();

        ProfileUser me = await client.GetAuthenticatedUserAsync(ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal("EmulatedUser", me.ScreenName);
        Assert.StartsWith("/2/users/me?", Assert.Single(_harness.V2Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_uri_ending_in_1_1_means_the_host_root()
    {
        using XApiClient client = _harness.BearerClient(configure: o => o.BaseUri = _harness.Server.BaseUri);

        ProfileUser user = await client.GetUserAsync(V2ClientHarness.Name("Twitter"), ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(_harness.Server.RootUri, client.BaseUri);
        Assert.Equal("783214", user.UserId);
    }
}
