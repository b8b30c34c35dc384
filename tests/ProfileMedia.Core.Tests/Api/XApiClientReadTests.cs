using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>users/show and users/profile_banner through the module's client, against the emulator over loopback.</summary>
public sealed class XApiClientReadTests : IClassFixture<ClientHarness>
{
    private readonly ClientHarness _harness;

    public XApiClientReadTests(ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    private static UserReference ByName(string name) => UserReference.ForScreenName(name, out _)!;

    [Fact]
    public async Task Gets_a_user_by_screen_name_and_by_id_with_its_media_urls()
    {
        using XApiClient client = _harness.Client();
        ProfileUser byName = await client.GetUserAsync(ByName("@emulateduser"), ApiCallOptions.Quiet, CancellationToken.None);
        ProfileUser byId = await client.GetUserAsync(UserReference.ForUserId(byName.UserId, out _)!, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.Equal("EmulatedUser", byName.ScreenName);
        Assert.Equal(byName.ProfileImageUrlHttps, byId.ProfileImageUrlHttps);
        Assert.EndsWith("_normal.png", byName.ProfileImageUrlHttps, StringComparison.Ordinal);
        Assert.StartsWith(_harness.Server.MediaBaseUri.AbsoluteUri, byName.ProfileBannerUrl, StringComparison.Ordinal);
        Assert.False(byName.IsDefaultProfileImage);
    }

    [Fact]
    public async Task An_unknown_user_is_UserNotFound_with_the_service_code()
    {
        using XApiClient client = _harness.Client();
        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(ByName("nobody_here"), ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("UserNotFound", error.ErrorId);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.True(error.HasCode(XErrorCode.UserNotFound));
        Assert.NotNull(error.RateLimit?.Limit);
    }

    [Fact]
    public async Task Lists_the_banner_sizes_smallest_first()
    {
        using XApiClient client = _harness.Client();
        var sizes = await client.GetProfileBannerAsync(ByName("EmulatedUser"), ApiCallOptions.Quiet, CancellationToken.None);
        Assert.Equal(ProfileMedia.Core.Urls.BannerSize.Names, sizes.Select(s => s.Name));
        Assert.All(sizes, s => Assert.EndsWith("/" + s.Name, s.Url, StringComparison.Ordinal));
        Assert.Equal("EmulatedUser", sizes[0].ScreenName);
    }

    [Fact]
    public async Task A_user_without_a_banner_is_NoProfileBanner()
    {
        using XApiClient client = _harness.Client();
        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetProfileBannerAsync(ByName("DefaultUser"), ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("NoProfileBanner", error.ErrorId);
    }

    [Fact]
    public async Task Wrong_secret_is_AuthenticationFailed_and_says_to_check_keys_and_clock()
    {
        using XApiClient client = _harness.Client(consumerSecret: "not-the-secret");
        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(ByName("EmulatedUser"), ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("AuthenticationFailed", error.ErrorId);
        Assert.True(error.HasCode(XErrorCode.CouldNotAuthenticate));
        Assert.Contains("clock", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountRestrictions.TokenRevoked, "TokenInvalid", 89)]
    [InlineData(AccountRestrictions.Locked, "AccountLocked", 326)]
    [InlineData(AccountRestrictions.OutsideAccessTier, "AccessTierInsufficient", 453)]
    public async Task Account_states_become_errors_that_say_what_to_do(AccountRestrictions restriction, string errorId, int code)
    {
        _harness.Server.Restrict("EmulatedUser", restriction);
        using XApiClient client = _harness.Client();
        var error = await Assert.ThrowsAsync<XApiException>(() => client.GetUserAsync(ByName("EmulatedUser"), ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal(errorId, error.ErrorId);
        Assert.True(error.HasCode((XErrorCode)code));
    }

    [Fact]
    public async Task Verbose_shows_each_request_and_debug_never_shows_the_signature()
    {
        var observer = new RecordingObserver();
        using XApiClient client = _harness.Client();
        await client.GetUserAsync(ByName("EmulatedUser"), observer.Call(), CancellationToken.None);

        Assert.Contains(observer.VerboseLines, l => l.Contains("GET ", StringComparison.Ordinal) && l.Contains("-> 200", StringComparison.Ordinal) && l.Contains("rate limit", StringComparison.Ordinal));
        string debug = string.Join("\n", observer.DebugLines);
        Assert.Contains("Authorization: OAuth (redacted)", debug, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth_signature", debug, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Uploader.AccessTokenSecret, debug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/1.1/")]
    [InlineData("http://10.0.0.1/1.1/")]
    [InlineData("ftp://127.0.0.1/1.1/")]
    public void Plain_http_is_refused_unless_the_host_is_loopback(string baseUri)
    {
        var error = Assert.Throws<ArgumentException>(() => _harness.Client(configure: o => o.BaseUri = new Uri(baseUri)));
        Assert.Contains(baseUri, error.Message, StringComparison.Ordinal);
    }
}
