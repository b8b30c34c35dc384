using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>Each v2 problem type becomes its own error id with advice; only a rate-limit 429 is waited for.</summary>
public sealed class XApiClientV2ProblemTests : IClassFixture<V2ClientHarness>
{
    private const string ByUsername = "/2/users/by/username/";
    private readonly V2ClientHarness _harness;

    public XApiClientV2ProblemTests(V2ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    private static UserReference Twitter => V2ClientHarness.Name("Twitter");

    private static async Task<XApiException> FailingLookupAsync(XApiClient client, ApiCallOptions? call = null)
    {
        var outcome = (await client.LookupUsersAsync(new[] { Twitter }, call ?? ApiCallOptions.Quiet, CancellationToken.None))[0];
        Assert.Null(outcome.User);
        return outcome.Error!;
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_AuthenticationFailed_naming_the_bearer_token_and_never_showing_it()
    {
        using XApiClient client = _harness.BearerClient("AAAAAAAAwrongToken");

        var error = await FailingLookupAsync(client);

        Assert.Equal("AuthenticationFailed", error.ErrorId);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("about:blank", error.Problem!.Name);
        Assert.Contains("Bearer token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrongToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_not_enrolled_says_to_move_the_app_to_pay_per_use_in_the_console()
    {
        _harness.Server.AccessLevel = AccessLevel.LegacyFree;
        using XApiClient client = _harness.BearerClient();

        var error = await FailingLookupAsync(client);

        Assert.Equal("ClientNotEnrolled", error.ErrorId);
        Assert.Equal("client-not-enrolled", error.Problem!.Reason);
        Assert.Contains("Pay-per-use", error.Message, StringComparison.Ordinal);
        Assert.Contains("developer console", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_authentication_says_which_credentials_the_call_needs()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = "/2/users/me", Status = 403, Body = "{\"title\":\"Unsupported Authentication\",\"detail\":\"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.\",\"type\":\"https://api.x.com/2/problems/unsupported-authentication\",\"status\":403}" });
        using XApiClient client = _harness.UserClient();

        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetAuthenticatedUserAsync(ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal("UnsupportedAuthentication", error.ErrorId);
        Assert.Contains("-AccessTokenSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_request_quotes_the_services_message_about_the_parameter()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = ByUsername, Status = 400, Body = "{\"errors\":[{\"parameters\":{\"username\":[\"Twitter\"]},\"message\":\"The `username` query parameter value [Twitter] is not valid\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}" });
        using XApiClient client = _harness.BearerClient();

        var error = await FailingLookupAsync(client);

        Assert.Equal("InvalidRequest", error.ErrorId);
        Assert.Contains("The `username` query parameter value [Twitter] is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_429_is_waited_for_when_asked()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = ByUsername, Status = 429, RetryAfterSeconds = 1 });
        var observer = new RecordingObserver();
        using XApiClient client = _harness.BearerClient();

        var outcome = (await client.LookupUsersAsync(new[] { Twitter }, observer.Call(RateLimitAction.Wait), CancellationToken.None))[0];

        Assert.Equal("Twitter", outcome.User!.ScreenName);
        Assert.Equal(2, _harness.V2Requests.Count);
        Assert.NotEmpty(observer.Waits);
    }

    [Fact]
    public async Task A_rate_limit_429_without_Wait_is_RateLimited()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = ByUsername, Status = 429, RetryAfterSeconds = 1 });
        using XApiClient client = _harness.BearerClient();

        var error = await FailingLookupAsync(client);

        Assert.Equal("RateLimited", error.ErrorId);
        Assert.Contains("-RateLimitAction Wait", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_cap_is_never_waited_for_and_says_the_window_will_not_help()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = ByUsername, Kind = FaultKind.UsageCapped, RetryAfterSeconds = 1 });
        var observer = new RecordingObserver();
        using XApiClient client = _harness.BearerClient();

        var error = await FailingLookupAsync(client, observer.Call(RateLimitAction.Wait));

        Assert.Equal("UsageCapped", error.ErrorId);
        Assert.Contains("monthly", error.Message, StringComparison.Ordinal);
        Assert.Empty(observer.Waits);
        Assert.Single(_harness.V2Requests);
    }

    [Fact]
    public async Task An_empty_balance_402_is_CreditsDepleted_and_never_retried_or_waited_for()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = ByUsername, Status = 402, Count = 5 });
        using XApiClient client = _harness.BearerClient();

        var error = await FailingLookupAsync(client, new RecordingObserver().Call(RateLimitAction.Wait));

        Assert.Equal("CreditsDepleted", error.ErrorId);
        Assert.Contains("credits", error.Message, StringComparison.Ordinal);
        Assert.Single(_harness.V2Requests);
    }

    [Fact]
    public async Task An_unknown_problem_type_still_gives_its_title_and_detail()
    {
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = ByUsername, Status = 403, Body = "{\"title\":\"Brand New Problem\",\"detail\":\"Something the module has never seen.\",\"type\":\"https://api.x.com/2/problems/brand-new\",\"status\":403}" });
        using XApiClient client = _harness.BearerClient();

        var error = await FailingLookupAsync(client);

        Assert.Equal("Forbidden", error.ErrorId);
        Assert.Contains("brand-new: Brand New Problem: Something the module has never seen.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v1_user_read_at_pay_per_use_is_453_naming_the_endpoint_and_pointing_to_v2()
    {
        using XApiClient client = _harness.UserClient(o => o.ReadApi = ReadApi.V1);

        var error = (await client.LookupUsersAsync(new[] { Twitter }, ApiCallOptions.Quiet, CancellationToken.None))[0].Error!;

        Assert.Equal("AccessTierInsufficient", error.ErrorId);
        Assert.True(error.HasCode(XErrorCode.OutsideAccessTier));
        Assert.Contains("/1.1/users/lookup.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("v2, the default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_v1_mode_at_enterprise_batches_through_users_lookup_and_polls_verify_credentials()
    {
        _harness.Server.AccessLevel = AccessLevel.Enterprise;
        using XApiClient client = _harness.UserClient(o => o.ReadApi = ReadApi.V1);

        var outcomes = await client.LookupUsersAsync(V2ClientHarness.Bulk(150), ApiCallOptions.Quiet, CancellationToken.None);
        ProfileUser me = await client.GetAuthenticatedUserAsync(ApiCallOptions.Quiet, CancellationToken.None);

        Assert.All(outcomes, o => Assert.NotNull(o.User));
        Assert.Equal(2, _harness.Server.Requests.Count(r => r.PathAndQuery.StartsWith("/1.1/users/lookup.json", StringComparison.Ordinal)));
        Assert.Equal("EmulatedUser", me.ScreenName);
        Assert.Contains(_harness.Server.Requests, r => r.PathAndQuery.StartsWith("/1.1/account/verify_credentials.json", StringComparison.Ordinal));
    }
}
