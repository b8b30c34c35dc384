using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ProfileMedia.Emulator.Tests;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests.V2;

/// <summary>One emulator at a chosen access level (pay-per-use unless asked), and raw v2 calls with a Bearer token or user context.</summary>
internal sealed class V2Harness : IAsyncDisposable
{
    private V2Harness(EmulatorServer server)
    {
        Server = server;
    }

    public EmulatorServer Server { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public EmulatorAccount Uploader => Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");

    public static async Task<V2Harness> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options ?? new EmulatorOptions()));

    public Uri Root(string relative) => new(Server.RootUri, relative);

    /// <summary>GET with the app's Bearer token, or another token when given.</summary>
    public Task<HttpResponseMessage> BearerGetAsync(string relative, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Root(relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (token ?? Server.BearerToken));
        return Http.SendAsync(request);
    }

    /// <summary>GET signed with OAuth 1.0a user context by the tests' own signer.</summary>
    public Task<HttpResponseMessage> UserGetAsync(string relative, EmulatorAccount? account = null)
    {
        var url = Root(relative);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("GET", url, account ?? Uploader));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> TokenAsync(string key, string secret, string body = "grant_type=client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Root("oauth2/token"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(key) + ":" + Uri.EscapeDataString(secret)));
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + basic);
        return Http.SendAsync(request);
    }

    public static async Task<(int Status, JsonElement Body)> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return ((int)response.StatusCode, await ResponseJson.ReadAsync(response));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
