using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests;

/// <summary>One emulator on a free port and a client that signs its requests with the tests' own signer.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(EmulatorServer server)
    {
        Server = server;
    }

    public EmulatorServer Server { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>EmulatedUser: has an uploaded picture and a banner.</summary>
    public EmulatorAccount Uploader => Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");

    /// <summary>DefaultUser: default picture, no banner.</summary>
    public EmulatorAccount DefaultUser => Server.Accounts.Single(a => a.ScreenName == "DefaultUser");

    /// <summary>
    /// The v1.1 tests run at the enterprise access level, the one that still has v1.1 user reads; the v2 tests
    /// (<see cref="V2Harness"/>) run at the default.
    /// </summary>
    public static async Task<EmulatorHarness> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync((options ?? new EmulatorOptions { ProcessingDelay = TimeSpan.FromMilliseconds(200) }) with { AccessLevel = AccessLevel.Enterprise }));

    public Uri Api(string relative) => new(Server.BaseUri, relative);

    public Task<HttpResponseMessage> GetAsync(string relative, EmulatorAccount? account = null)
    {
        var url = Api(relative);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("GET", url, account ?? Uploader));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFormAsync(string relative, IReadOnlyList<KeyValuePair<string, string>> form, EmulatorAccount? account = null)
    {
        var url = Api(relative);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("POST", url, account ?? Uploader, form));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFileAsync(
        string relative, string partName, byte[] file, EmulatorAccount? account = null, IReadOnlyDictionary<string, string>? fields = null)
    {
        var url = Api(relative);
        var content = new MultipartFormDataContent();
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(filePart, partName, "upload.bin");
        foreach (var field in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(field.Value), field.Key);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("POST", url, account ?? Uploader));
        return Http.SendAsync(request);
    }

    public async Task<JsonElement> UserAsync(string screenName)
    {
        using var response = await GetAsync("users/show.json?screen_name=" + screenName);
        Assert.Equal(200, (int)response.StatusCode);
        return await ResponseJson.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
