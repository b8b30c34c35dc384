using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.PinAuthorization;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Core.Tests.Net;
using ProfileMedia.Core.Tests.OAuth;

namespace ProfileMedia.Core.Tests.PinAuthorization;

/// <summary>
/// The PIN flow's requests go to X through the same sender as the API client's: no redirect followed (it would carry
/// the signed header to another host), no cookie kept, the same time-out and the Authorization header redacted.
/// </summary>
public sealed class PinAuthorizationTransportTests
{
    private static readonly byte[] RequestToken = Encoding.ASCII.GetBytes("oauth_token=t1&oauth_token_secret=s1&oauth_callback_confirmed=true");

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_is_not_followed_so_the_signed_request_stays_with_the_host(int status)
    {
        using var other = new RawHttpServer(_ => RawHttpServer.Answer(200, "OK", "Content-Type: text/plain\r\n", RequestToken));
        using var api = new RawHttpServer(_ => RawHttpServer.Answer(status, "Moved", "Location: " + other.Url("oauth/request_token") + "\r\n", Array.Empty<byte>()));
        using var client = new PinAuthorizationClient(api.BaseUri, TimeSpan.FromSeconds(10));

        var refused = await Assert.ThrowsAsync<XApiException>(() => RequestAsync(client, null));

        Assert.Equal(status, (int?)refused.StatusCode);
        Assert.Equal(0, other.Connections);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_cookie_the_host_sets_is_never_sent_back()
    {
        using var api = new RawHttpServer(_ => RawHttpServer.Answer(200, "OK", "Set-Cookie: tracker=abc; Path=/\r\nContent-Type: text/plain\r\n", RequestToken));
        using var client = new PinAuthorizationClient(api.BaseUri, TimeSpan.FromSeconds(10));

        await RequestAsync(client, null);
        await RequestAsync(client, null);

        Assert.Equal(2, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Null(r.Header("Cookie")));
    }

    [Fact]
    public async Task Debug_redacts_the_Authorization_header_and_the_module_names_itself_as_the_api_client_does()
    {
        using var api = new RawHttpServer(_ => RawHttpServer.Answer(200, "OK", "Content-Type: text/plain\r\n", RequestToken));
        using var client = new PinAuthorizationClient(api.BaseUri, TimeSpan.FromSeconds(10));
        var observer = new RecordingObserver();

        await RequestAsync(client, observer);

        Assert.Contains(observer.DebugLines, line => line.Contains("Authorization: OAuth (redacted)", StringComparison.Ordinal));
        Assert.DoesNotContain(observer.DebugLines.Concat(observer.VerboseLines), line => line.Contains("oauth_signature", StringComparison.Ordinal));
        Assert.StartsWith("ProfileMedia/", Assert.Single(api.Requests).Header("User-Agent"), StringComparison.Ordinal);
    }

    private static Task<PendingAuthorization> RequestAsync(PinAuthorizationClient client, IXApiObserver? observer) =>
        client.RequestAsync("app-key", TestSecrets.ToSecureString("app-secret"), observer, CancellationToken.None);
}
