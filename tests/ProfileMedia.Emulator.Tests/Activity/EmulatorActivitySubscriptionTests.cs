using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests.Activity;

/// <summary>POST, GET, PUT and DELETE /2/activity/subscriptions: shapes, validation, one per type and user, the limit, auth.</summary>
public sealed class EmulatorActivitySubscriptionTests
{
    [Fact]
    public async Task A_created_subscription_is_listed_with_its_tag_and_a_second_one_for_the_same_user_and_type_is_refused()
    {
        await using var xaa = await ActivityHarness.StartAsync();

        var (status, created) = await xaa.SubscribeAsync("1000001", tag: "avatars");
        var (again, duplicate) = await xaa.SubscribeAsync("1000001");
        var (bannerStatus, _) = await xaa.SubscribeAsync("1000001", "profile.update.banner_picture");
        var (listed, list) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions");

        Assert.Equal(200, status);
        var data = created.GetProperty("data");
        Assert.Matches("^[0-9]{1,19}$", data.GetProperty("subscription_id").GetString());
        Assert.Equal("profile.update.profile_picture", data.GetProperty("event_type").GetString());
        Assert.Equal("1000001", data.GetProperty("filter").GetProperty("user_id").GetString());
        Assert.Equal("avatars", data.GetProperty("tag").GetString());
        Assert.True(DateTimeOffset.TryParse(data.GetProperty("created_at").GetString(), out _));
        Assert.Equal(409, again);
        Assert.Contains(data.GetProperty("subscription_id").GetString()!, duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, bannerStatus);
        Assert.Equal(200, listed);
        Assert.Equal(2, list.GetProperty("meta").GetProperty("total_subscriptions").GetInt32());
        Assert.Equal(2, list.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"filter\":{\"user_id\":\"1000001\"}}", "$.event_type")]
    [InlineData("{\"event_type\":\"profile.update.avatar\",\"filter\":{\"user_id\":\"1000001\"}}", "$.event_type")]
    [InlineData("{\"event_type\":\"profile.update.bio\"}", "$.filter")]
    [InlineData("{\"event_type\":\"profile.update.bio\",\"filter\":{\"user_id\":\"12ab\"}}", "$.filter.user_id")]
    [InlineData("{\"event_type\":\"profile.update.bio\",\"filter\":{\"user_id\":\"1000001\",\"screen_name\":\"x\"}}", "$.filter.screen_name")]
    [InlineData("{\"event_type\":\"profile.update.bio\",\"filter\":{\"user_id\":\"1000001\"},\"tag\":5}", "$.tag")]
    [InlineData("[1,2]", "not a JSON object")]
    public async Task A_body_the_schema_does_not_allow_is_400_invalid_request_naming_the_member(string body, string named)
    {
        await using var xaa = await ActivityHarness.StartAsync();

        var (status, problem) = await xaa.CallAsync(HttpMethod.Post, "2/activity/subscriptions", body);

        Assert.Equal(400, status);
        Assert.EndsWith("/2/problems/invalid-request", problem.GetProperty("type").GetString());
        Assert.Contains(named, problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, xaa.Server.Requests.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task A_missing_or_suspended_user_is_refused_as_resource_not_found()
    {
        await using var xaa = await ActivityHarness.StartAsync();

        var (missing, notFound) = await xaa.SubscribeAsync("42");
        var (suspended, refused) = await xaa.SubscribeAsync("1000004");

        Assert.Equal((400, 400), (missing, suspended));
        Assert.EndsWith("/resource-not-found", notFound.GetProperty("type").GetString());
        Assert.Contains("[42]", notFound.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Forbidden", refused.GetProperty("title").GetString());
        Assert.Contains("suspended", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_refuses_the_subscription_past_it_until_one_is_deleted()
    {
        await using var xaa = await ActivityHarness.StartAsync(new EmulatorOptions { SubscriptionLimit = 2 });

        var (_, first) = await xaa.SubscribeAsync("1000001");
        await xaa.SubscribeAsync("1000002");
        var (over, problem) = await xaa.SubscribeAsync("783214");
        var (deleted, _) = await xaa.CallAsync(HttpMethod.Delete, "2/activity/subscriptions/" + first.GetProperty("data").GetProperty("subscription_id").GetString());
        var (now, _) = await xaa.SubscribeAsync("783214");

        Assert.Equal(403, over);
        Assert.EndsWith("/subscription-limit", problem.GetProperty("type").GetString());
        Assert.Contains("2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((200, 200), (deleted, now));
    }

    [Fact]
    public async Task Pages_follow_next_token_and_every_page_says_the_total()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        foreach (var id in new[] { "1000001", "1000002", "1000003", "783214" })
        {
            await xaa.SubscribeAsync(id);
            await xaa.SubscribeAsync(id, "profile.update.banner_picture");
        }

        var seen = new System.Collections.Generic.List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (status, page) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions?max_results=3" + (token is null ? string.Empty : "&pagination_token=" + token));
            Assert.Equal(200, status);
            Assert.Equal(8, page.GetProperty("meta").GetProperty("total_subscriptions").GetInt32());
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("subscription_id").GetString()!));
            token = page.GetProperty("meta").TryGetProperty("next_token", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        var (bad, _) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions?max_results=0");
        Assert.Equal(3, pages);
        Assert.Equal(8, seen.Distinct().Count());
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task Put_changes_the_tag_and_bulk_delete_reports_the_unknown_ids_as_errors()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        var (_, a) = await xaa.SubscribeAsync("1000001");
        var (_, b) = await xaa.SubscribeAsync("1000002");
        var idA = a.GetProperty("data").GetProperty("subscription_id").GetString();
        var idB = b.GetProperty("data").GetProperty("subscription_id").GetString();

        var (put, updated) = await xaa.CallAsync(HttpMethod.Put, "2/activity/subscriptions/" + idA, "{\"tag\":\"renamed\"}");
        var (deleted, answer) = await xaa.CallAsync(HttpMethod.Delete, $"2/activity/subscriptions?ids={idA},{idB},123");
        var (_, list) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions");
        var (gone, _) = await xaa.CallAsync(HttpMethod.Delete, "2/activity/subscriptions/" + idA);

        Assert.Equal(200, put);
        Assert.Equal("renamed", updated.GetProperty("data").GetProperty("tag").GetString());
        Assert.Equal(200, deleted);
        Assert.Equal([idA, idB], answer.GetProperty("data").GetProperty("subscription_ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("123", answer.GetProperty("errors")[0].GetProperty("value").GetString());
        Assert.Equal(0, list.GetProperty("meta").GetProperty("total_subscriptions").GetInt32());
        Assert.Equal(404, gone);
    }

    [Fact]
    public async Task Only_the_apps_Bearer_token_is_taken_and_legacy_free_gets_client_not_enrolled()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        var url = new Uri(xaa.Server.RootUri, "2/activity/subscriptions");

        var (none, _) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions", authorization: "Bearer wrong");
        var (user, userProblem) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions", authorization: TestOAuthSigner.Header("GET", url, xaa.Uploader));
        xaa.Server.AccessLevel = AccessLevel.LegacyFree;
        var (legacy, legacyProblem) = await xaa.CallAsync(HttpMethod.Get, "2/activity/subscriptions");

        Assert.Equal(401, none);
        Assert.Equal(403, user);
        Assert.EndsWith("/unsupported-authentication", userProblem.GetProperty("type").GetString());
        Assert.Equal(403, legacy);
        Assert.Equal("client-not-enrolled", legacyProblem.GetProperty("reason").GetString());
    }
}
