using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.PinAuthorization;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Core.Tests.OAuth;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.PinAuthorization;

public sealed class PinAuthorizationClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("https://api.x.com/1.1/", "https://api.x.com/oauth/")]
    [InlineData("https://api.x.com/2/", "https://api.x.com/oauth/")]
    [InlineData("https://api.x.com/", "https://api.x.com/oauth/")]
    [InlineData("http://127.0.0.1:5000/1.1/", "http://127.0.0.1:5000/oauth/")]
    [InlineData("https://proxy.example/x/1.1/", "https://proxy.example/x/oauth/")]
    [InlineData("https://proxy.example/x/", "https://proxy.example/x/oauth/")]
    public void The_token_endpoints_live_beside_the_versioned_API_base(string apiBase, string oauthRoot) =>
        Assert.Equal(new Uri(oauthRoot), PinAuthorizationClient.OAuthRootOf(new Uri(apiBase)));

    [Fact]
    public async Task The_whole_flow_gives_the_approving_account_credentials_that_upload_for_it()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);
        var app = emulator.Uploader;

        PendingAuthorization pending = await client.RequestAsync(app.ConsumerKey, TestSecrets.ToSecureString(app.ConsumerSecret), null, CancellationToken.None);
        Assert.Equal(new Uri(emulator.Server.MediaBaseUri, "oauth/authorize?oauth_token=" + pending.RequestToken), pending.AuthorizeUrl);
        Assert.True(pending.RequestTokenSecret.IsReadOnly());
        string pin = emulator.Server.AuthorizeRequestToken(pending.RequestToken, "DefaultUser");

        AuthorizedAccount account = await client.CompleteAsync(pending, " " + pin + " ", null, CancellationToken.None);

        Assert.Equal(("DefaultUser", "1000002", app.ConsumerKey, emulator.Server.BaseUri), (account.ScreenName, account.UserId, account.ConsumerKey, account.ApiBaseUri));
        Assert.True(pending.IsCompleted);
        Assert.True(account.AccessTokenSecret.IsReadOnly() && account.ConsumerSecret.IsReadOnly());
        using XApiClient api = new XApiClient(
            new Core.OAuth.OAuthCredentials(account.ConsumerKey, account.ConsumerSecret, account.AccessToken, account.AccessTokenSecret),
            new XApiClientOptions { BaseUri = emulator.Server.BaseUri });
        ProfileUser self = await api.GetUserAsync(UserReference.ForScreenName("DefaultUser", out _)!, ApiCallOptions.Quiet, CancellationToken.None);
        Assert.Equal("1000002", self.UserId);
    }

    [Fact]
    public async Task A_wrong_pin_is_PinRejected_and_the_right_one_still_completes()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);
        var pending = await RequestAsync(client, emulator);
        string pin = emulator.Server.AuthorizeRequestToken(pending.RequestToken, "EmulatedUser");

        var wrong = await Assert.ThrowsAsync<XApiException>(() => client.CompleteAsync(pending, pin == "0000000" ? "1111111" : "0000000", null, CancellationToken.None));
        var account = await client.CompleteAsync(pending, pin, null, CancellationToken.None);

        Assert.Equal("PinRejected", wrong.ErrorId);
        Assert.Contains(pending.RequestToken, wrong.Message, StringComparison.Ordinal);
        Assert.Contains("Complete-ProfileMediaAuthorization", wrong.Message, StringComparison.Ordinal);
        Assert.Equal("EmulatedUser", account.ScreenName);
    }

    [Fact]
    public async Task A_pin_used_twice_is_PinAlreadyUsed()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);
        var pending = await RequestAsync(client, emulator);
        string pin = emulator.Server.AuthorizeRequestToken(pending.RequestToken, "EmulatedUser");
        await client.CompleteAsync(pending, pin, null, CancellationToken.None);

        var again = await Assert.ThrowsAsync<XApiException>(() => client.CompleteAsync(pending, pin, null, CancellationToken.None));

        Assert.Equal("PinAlreadyUsed", again.ErrorId);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("Request-ProfileMediaAuthorization", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_request_token_is_AuthorizationExpired()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);
        var pending = await RequestAsync(client, emulator);
        string pin = emulator.Server.AuthorizeRequestToken(pending.RequestToken, "EmulatedUser");
        Assert.True(emulator.Server.ExpireRequestToken(pending.RequestToken));

        var expired = await Assert.ThrowsAsync<XApiException>(() => client.CompleteAsync(pending, pin, null, CancellationToken.None));

        Assert.Equal("AuthorizationExpired", expired.ErrorId);
        Assert.False(pending.IsCompleted);
        Assert.Contains("Request-ProfileMediaAuthorization", expired.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, 32, "Could not authenticate you.")]
    [InlineData(403, 415, "Callback URL not approved for this client application.")]
    public async Task A_refused_request_token_says_what_to_set_up_in_the_developer_portal(int status, int code, string message)
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.InjectFault(new FaultSpec { PathPrefix = "/oauth/request_token", Status = status, Body = $$"""{"errors":[{"code":{{code}},"message":"{{message}}"}]}""" });
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);

        var refused = await Assert.ThrowsAsync<XApiException>(() => RequestAsync(client, emulator));

        Assert.Equal("AuthorizationRequestRefused", refused.ErrorId);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Contains("callback URL", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Read and write", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_consumer_secret_is_refused_by_the_emulator_itself()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);

        var refused = await Assert.ThrowsAsync<XApiException>(
            () => client.RequestAsync(emulator.Uploader.ConsumerKey, TestSecrets.ToSecureString("wrong"), null, CancellationToken.None));

        Assert.Equal("AuthorizationRequestRefused", refused.ErrorId);
        Assert.True(refused.HasCode(XErrorCode.CouldNotAuthenticate));
    }

    [Fact]
    public async Task Control_characters_in_the_answered_screen_name_are_made_visible_as_in_v2_answers()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);
        var pending = await RequestAsync(client, emulator);
        emulator.Server.InjectFault(new FaultSpec
        {
            PathPrefix = "/oauth/access_token",
            Status = 200,
            Body = "oauth_token=1000001-abc&oauth_token_secret=def&user_id=1000001&screen_name=evil%1B%5D0%3Bpwned%07%0D%0Aname",
        });

        AuthorizedAccount account = await client.CompleteAsync(pending, "1234567", null, CancellationToken.None);

        Assert.Equal("evil\\u001b]0;pwned\\u0007\\u000d\\u000aname", account.ScreenName);
        Assert.DoesNotContain(account.ToString(), c => char.IsControl(c));
    }

    [Fact]
    public async Task Each_request_is_reported_to_the_observer_without_its_Authorization_header()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new PinAuthorizationClient(emulator.Server.BaseUri, Timeout);
        var observer = new Api.RecordingObserver();

        await client.RequestAsync(emulator.Uploader.ConsumerKey, TestSecrets.ToSecureString(emulator.Uploader.ConsumerSecret), observer, CancellationToken.None);

        Assert.Contains(observer.VerboseLines, line => line.Contains("/oauth/request_token -> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(observer.VerboseLines, line => line.Contains("oauth_signature", StringComparison.Ordinal));
    }

    private static Task<PendingAuthorization> RequestAsync(PinAuthorizationClient client, Emulator emulator) =>
        client.RequestAsync(emulator.Uploader.ConsumerKey, TestSecrets.ToSecureString(emulator.Uploader.ConsumerSecret), null, CancellationToken.None);

    /// <summary>One emulator per test: faults and used tokens of one test never reach another.</summary>
    private sealed class Emulator : IAsyncDisposable
    {
        private Emulator(EmulatorServer server) => Server = server;

        public EmulatorServer Server { get; }

        public EmulatorAccount Uploader => Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");

        public static async Task<Emulator> StartAsync() => new(await EmulatorServer.StartAsync(new EmulatorOptions()));

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
