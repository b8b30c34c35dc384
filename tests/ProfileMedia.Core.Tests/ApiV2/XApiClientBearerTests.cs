using System;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Core.Uploads;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>App-only Bearer tokens: pasted or minted, kept secret, and never enough for writes or /2/users/me.</summary>
public sealed class XApiClientBearerTests : IClassFixture<V2ClientHarness>
{
    private readonly V2ClientHarness _harness;

    public XApiClientBearerTests(V2ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    [Fact]
    public async Task Writes_and_users_me_on_a_bearer_only_client_fail_before_any_request_naming_the_credentials_needed()
    {
        using XApiClient client = _harness.BearerClient();
        string path = TestImages.WriteTemp(TestImages.Png);
        ImageFile.Inspect(path, ImageFile.MaxProfileImageBytes, out ImageFile? image, out _);

        var errors = new[]
        {
            await Assert.ThrowsAsync<XApiException>(() => client.UpdateProfileImageAsync(image!, false, true, ApiCallOptions.Quiet, CancellationToken.None)),
            await Assert.ThrowsAsync<XApiException>(() => client.UpdateProfileBannerAsync(image!, null, ApiCallOptions.Quiet, CancellationToken.None)),
            await Assert.ThrowsAsync<XApiException>(() => client.RemoveProfileBannerAsync(ApiCallOptions.Quiet, CancellationToken.None)),
            await Assert.ThrowsAsync<XApiException>(() => client.GetAuthenticatedUserAsync(ApiCallOptions.Quiet, CancellationToken.None)),
        };

        Assert.All(errors, e => Assert.Equal("UserContextRequired", e.ErrorId));
        Assert.All(errors, e => Assert.Contains("-AccessTokenSecret", e.Message, StringComparison.Ordinal));
        Assert.Empty(_harness.Server.Requests);
        Assert.Equal(CredentialKinds.AppOnlyBearer, client.Credentials);
    }

    [Fact]
    public async Task A_minted_token_reads_and_a_wrong_secret_is_AuthenticationFailed_code_99()
    {
        var account = _harness.Uploader;
        using XApiClient client = new(null, null, new XApiClientOptions { BaseUri = _harness.Server.RootUri });
        using XApiClient wrong = new(null, null, new XApiClientOptions { BaseUri = _harness.Server.RootUri });

        await client.AcquireBearerTokenAsync(new AppCredentials(account.ConsumerKey, ClientHarness.Secret(account.ConsumerSecret)), ApiCallOptions.Quiet, CancellationToken.None);
        ProfileUser user = await client.GetUserAsync(V2ClientHarness.Name("Twitter"), ApiCallOptions.Quiet, CancellationToken.None);
        var error = await Assert.ThrowsAsync<XApiException>(() => wrong.AcquireBearerTokenAsync(new AppCredentials(account.ConsumerKey, ClientHarness.Secret("not-it")), ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal("Twitter", user.ScreenName);
        Assert.Equal(CredentialKinds.AppOnlyBearer, client.Credentials);
        Assert.Equal("AuthenticationFailed", error.ErrorId);
        Assert.True(error.HasCode(XErrorCode.UnableToVerifyCredentials));
        Assert.Contains(_harness.Server.Requests, r => r.Method == "POST" && r.PathAndQuery == "/oauth2/token");
    }

    [Fact]
    public async Task Debug_shows_the_bearer_scheme_only_and_the_token_appears_nowhere()
    {
        var observer = new RecordingObserver();
        using XApiClient client = _harness.BearerClient();
        using var token = new BearerToken(ClientHarness.Secret(_harness.Server.BearerToken));

        await client.GetUserAsync(V2ClientHarness.Name("Twitter"), observer.Call(), CancellationToken.None);

        string everything = string.Join("\n", observer.DebugLines.Concat(observer.VerboseLines)) + client + token;
        Assert.Contains("Authorization: Bearer (redacted)", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Server.BearerToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("EmuBearer", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_with_a_space_or_line_break_is_refused_without_showing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new BearerToken(ClientHarness.Secret("AAAA secret\n")));
        Assert.DoesNotContain("secret", error.Message.Replace("Bearer token", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_both_kinds_reads_use_user_context_and_writes_work()
    {
        var account = _harness.Uploader;
        var credentials = new ProfileMedia.Core.OAuth.OAuthCredentials(account.ConsumerKey, ClientHarness.Secret(account.ConsumerSecret), account.AccessToken, ClientHarness.Secret(account.AccessTokenSecret));
        using XApiClient client = new(credentials, new BearerToken(ClientHarness.Secret(_harness.Server.BearerToken)), new XApiClientOptions { BaseUri = _harness.Server.RootUri });

        await client.RemoveProfileBannerAsync(ApiCallOptions.Quiet, CancellationToken.None);
        ProfileUser me = await client.GetAuthenticatedUserAsync(ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal(CredentialKinds.UserContext | CredentialKinds.AppOnlyBearer, client.Credentials);
        Assert.Null(me.ProfileBannerUrl);
        Assert.All(_harness.Server.Requests, r => Assert.Equal(200, r.Status));
    }
}
