using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Core.Tests.Downloads;
using ProfileMedia.Core.Tests.Net;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// Transport rules over real loopback sockets: an untrusted certificate ends a call before any HTTP is sent; plain
/// http is refused for an API base anywhere but this machine; the API client follows no redirect, and the
/// downloader's redirects never carry an Authorization header. Every check is recorded for tests/RELIABILITY.md.
/// </summary>
[Trait("Category", "Transport")]
public sealed class TransportSecurityTests
{
    private static readonly byte[] UserJson = Encoding.UTF8.GetBytes("{\"id_str\":\"1\",\"screen_name\":\"fuzz\"}");

    private static OAuthCredentials Credentials() =>
        new("consumer-key", ClientHarness.Secret("consumer-secret"), "1-access-token", ClientHarness.Secret("access-token-secret"));

    private static XApiClient Client(OAuthCredentials credentials, Uri baseUri) =>
        new(credentials, new XApiClientOptions { BaseUri = baseUri, MaxRetries = 0, RetryBaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) });

    private static MediaDownloader Downloader() =>
        new(new MediaDownloaderOptions { MaxRetries = 0, RetryBaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) });

    private static UserReference User() => UserReference.ForScreenName("fuzz", out _)!;

    private static void Check(string name, bool held, string detail)
    {
        ReliabilityFigures.RecordTransport(name, held, detail);
        Assert.True(held, name + ": " + detail);
    }

    private static async Task<Exception?> FailureOf(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }

    private static bool IsCausedBy<T>(Exception? e)
        where T : Exception
    {
        for (; e != null; e = e.InnerException)
        {
            if (e is T)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task Control_the_tls_server_answers_a_client_that_trusts_its_certificate()
    {
        using var server = new SelfSignedTlsServer(UserJson);
        string pinned = server.Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate != null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.Ordinal);
        using var http = new HttpClient(handler);
        using HttpResponseMessage response = await http.GetAsync(new Uri(server.Url("1.1/users/show.json")));

        Check("control: the self-signed TLS server answers a client that pins its certificate", response.IsSuccessStatusCode && server.RequestLines == 1,
            "status " + (int)response.StatusCode + ", " + server.RequestLines + " request line(s) read");
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_the_api_call_before_any_request_is_sent()
    {
        using var server = new SelfSignedTlsServer(UserJson);
        using OAuthCredentials credentials = Credentials();
        using XApiClient client = Client(credentials, new Uri(server.Url("1.1/")));

        Exception? failure = await FailureOf(() => client.GetUserAsync(User(), ApiCallOptions.Quiet, CancellationToken.None));

        var api = failure as XApiException;
        Check("certificate: XApiClient refuses a self-signed certificate before sending a request",
            api?.ErrorId == "ConnectionFailed" && IsCausedBy<AuthenticationException>(failure) && server.Connections >= 1 && server.RequestLines == 0,
            (failure == null ? "no exception" : failure.GetType().Name + " " + api?.ErrorId + ": " + failure.Message) + "; " + server.Connections + " connection(s), "
            + server.CompletedHandshakes + " completed handshake(s) on the server, " + server.RequestLines + " request line(s) read");
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_the_download_before_any_request_is_sent()
    {
        using var server = new SelfSignedTlsServer(TestImages.PngLike(200));
        using var folder = new TempFolder();
        using MediaDownloader downloader = Downloader();

        MediaSaveResult outcome = await downloader.DownloadAsync(new DownloadRequest(server.Url("profile_images/1/a_normal.png"), new DestinationFolder(folder.Path), "a", ".png"), CancellationToken.None);

        Check("certificate: MediaDownloader refuses a self-signed certificate before sending a request",
            outcome.Status == DownloadStatus.Failed && server.Connections >= 1 && server.RequestLines == 0 && Directory.GetFiles(folder.Path).Length == 0,
            outcome.Status + ": " + outcome.Message + "; " + server.Connections + " connection(s), " + server.RequestLines + " request line(s) read, "
            + Directory.GetFiles(folder.Path).Length + " file(s) left");
    }

    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://[::2]/")]
    [InlineData("HTTP://EXAMPLE.COM/1.1/")]
    [InlineData("http://192.168.1.1:80/1.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://127.0.0.1@example.com/")]
    [InlineData("http://api.x.com/1.1/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("ws://127.0.0.1/")]
    [InlineData("file:///tmp/api/")]
    public void Plain_http_is_refused_for_a_host_that_is_not_this_machine(string baseUri)
    {
        using OAuthCredentials credentials = Credentials();
        Exception? failure = null;
        try
        {
            using XApiClient client = Client(credentials, new Uri(baseUri));
        }
        catch (ArgumentException e)
        {
            failure = e;
        }

        Check("plain http: the API base " + baseUri + " is refused", failure != null, failure?.Message ?? "accepted");
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.5.5.5/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://127.0.0.1:8080/1.1/")]
    [InlineData("http://LOCALHOST:5000/1.1")]
    [InlineData("https://example.com/1.1/")]
    public void Plain_http_is_accepted_for_loopback_and_https_anywhere(string baseUri)
    {
        using OAuthCredentials credentials = Credentials();
        string detail;
        bool held;
        try
        {
            using XApiClient client = Client(credentials, new Uri(baseUri));
            held = client.BaseUri.AbsoluteUri.EndsWith('/');
            detail = "accepted as " + client.BaseUri.AbsoluteUri;
        }
        catch (ArgumentException e)
        {
            held = false;
            detail = e.Message;
        }

        Check("plain http: the API base " + baseUri + " is accepted", held, detail);
    }

    [Theory]
    [InlineData(301, "127.0.0.1")]
    [InlineData(302, "127.0.0.1")]
    [InlineData(302, "localhost")]
    [InlineData(303, "127.0.0.1")]
    [InlineData(307, "127.0.0.1")]
    [InlineData(307, "localhost")]
    [InlineData(308, "127.0.0.1")]
    public async Task The_api_client_follows_no_redirect_so_the_signature_stays_with_the_api_host(int status, string otherHost)
    {
        using var other = new RawHttpServer(_ => RawHttpServer.Answer(200, "OK", "Content-Type: application/json\r\n", UserJson));
        string location = "http://" + otherHost + ":" + other.Port + "/1.1/users/show.json?screen_name=fuzz";
        using var api = new RawHttpServer(_ => RawHttpServer.Answer(status, "Moved", "Location: " + location + "\r\n", Array.Empty<byte>()));
        using OAuthCredentials credentials = Credentials();
        using XApiClient client = Client(credentials, new Uri(api.BaseUri, "1.1/"));

        Exception? getFailure = await FailureOf(() => client.GetUserAsync(User(), ApiCallOptions.Quiet, CancellationToken.None));
        Exception? postFailure = await FailureOf(() => client.RemoveProfileBannerAsync(ApiCallOptions.Quiet, CancellationToken.None));

        bool signedToApi = api.Requests.Count == 2 && api.Requests.All(r => r.Header("Authorization")?.StartsWith("OAuth ", StringComparison.Ordinal) == true);
        bool failedWithStatus = getFailure is XApiException get && (int?)get.StatusCode == status && postFailure is XApiException post && (int?)post.StatusCode == status;
        Check("redirect: XApiClient does not follow a " + status + " to " + otherHost + " (GET and POST)",
            signedToApi && failedWithStatus && other.Connections == 0 && other.Requests.IsEmpty,
            "API host saw " + api.Requests.Count + " signed request(s); the call failed with " + Describe(getFailure) + " / " + Describe(postFailure)
            + "; the other host saw " + other.Connections + " connection(s) and " + other.Requests.Count(r => r.Header("Authorization") != null) + " Authorization header(s)");
    }

    [Theory]
    [InlineData(301, "127.0.0.1", false)]
    [InlineData(302, "127.0.0.1", false)]
    [InlineData(302, "localhost", false)]
    [InlineData(303, "127.0.0.1", false)]
    [InlineData(307, "localhost", false)]
    [InlineData(308, "127.0.0.1", false)]
    [InlineData(302, "127.0.0.1", true)]
    [InlineData(307, "localhost", true)]
    public async Task A_download_redirect_to_another_host_carries_no_Authorization_header(int status, string otherHost, bool userInfoInUrl)
    {
        byte[] png = TestImages.PngLike(300);
        using var other = new RawHttpServer(_ => RawHttpServer.Answer(200, "OK", "Content-Type: image/png\r\n", png));
        string location = "http://" + otherHost + ":" + other.Port + "/profile_images/1/a_400x400.png";
        using var media = new RawHttpServer(_ => RawHttpServer.Answer(status, "Moved", "Location: " + location + "\r\n", Array.Empty<byte>()));
        using var folder = new TempFolder();
        using MediaDownloader downloader = Downloader();
        string url = "http://" + (userInfoInUrl ? "user:secret@" : string.Empty) + "127.0.0.1:" + media.Port + "/profile_images/1/a_400x400.png";

        MediaSaveResult outcome = await downloader.DownloadAsync(new DownloadRequest(url, new DestinationFolder(folder.Path), "a", ".png"), CancellationToken.None);

        int otherAuthorizations = other.Requests.Count(r => r.Header("Authorization") != null);
        int mediaAuthorizations = media.Requests.Count(r => r.Header("Authorization") != null);
        Check("redirect: MediaDownloader follows a " + status + " to " + otherHost + (userInfoInUrl ? " from a URL with user info" : string.Empty) + " without an Authorization header",
            outcome.Status == DownloadStatus.Saved && other.Requests.Count == 1 && otherAuthorizations == 0 && (userInfoInUrl || mediaAuthorizations == 0),
            outcome.Status + ": " + outcome.Message.TrimEnd('.') + "; the first host saw " + media.Requests.Count + " request(s) with " + mediaAuthorizations
            + " Authorization header(s), the other host " + other.Requests.Count + " with " + otherAuthorizations);
    }

    private static string Describe(Exception? e) => e switch
    {
        null => "no exception",
        XApiException api => "XApiException " + api.ErrorId + " (HTTP " + (int?)api.StatusCode + ")",
        _ => e.GetType().Name + ": " + e.Message,
    };
}
