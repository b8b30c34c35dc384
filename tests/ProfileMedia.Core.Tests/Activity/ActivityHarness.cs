using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Activity;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Activity;

/// <summary>An emulator with fast keep-alives, the module's client on it, and a watcher running in the background.</summary>
internal sealed class ActivityHarness : IAsyncDisposable
{
    /// <summary>A deadline for conditions, not a timing assertion.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly HttpClient _control = new();
    private readonly CancellationTokenSource _stop = new();

    private ActivityHarness(EmulatorServer server)
    {
        Server = server;
        Client = new XApiClient(null, new BearerToken(ClientHarness.Secret(server.BearerToken)), Options());
    }

    public EmulatorServer Server { get; }

    public XApiClient Client { get; }

    public RecordingObserver Observer { get; } = new();

    public BlockingCollection<ProfileMediaChange> Changes { get; } = new();

    public ConcurrentQueue<XApiException> Reported { get; } = new();

    public Task? Running { get; private set; }

    public ActivityWatcher? Watcher { get; private set; }

    public static async Task<ActivityHarness> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options ?? new EmulatorOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(50) }));

    public XApiClient UserOnlyClient()
    {
        var account = Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");
        return new XApiClient(new OAuthCredentials(account.ConsumerKey, ClientHarness.Secret(account.ConsumerSecret), account.AccessToken, ClientHarness.Secret(account.AccessTokenSecret)), null, Options());
    }

    public void StartWatching(int backfill = 0, TimeSpan? silence = null)
    {
        Watcher = new ActivityWatcher(Client, new ActivityWatchOptions { BackfillMinutes = backfill, SilenceTimeout = silence ?? TimeSpan.FromSeconds(5), BackoffBase = TimeSpan.FromMilliseconds(20) }, Observer.Call());
        Running = Task.Run(() => Watcher.RunAsync(Changes.Add, Reported.Enqueue, _stop.Token));
    }

    public void StopWatching() => _stop.Cancel();

    public ProfileMediaChange NextChange()
    {
        Assert.True(Changes.TryTake(out var change, Deadline), "No change arrived by the deadline.");
        return change;
    }

    public async Task<string> FireAsync(string screenName, string kind = "image", string? after = null)
    {
        var body = JsonSerializer.Serialize(new { screenName, kind, after = after ?? "http://127.0.0.1/profile_images/9/" + Guid.NewGuid().ToString("N") + "_normal.png" });
        using var response = await _control.PostAsync(new Uri(Server.ControlUri, "activity/events"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("delivered").GetBoolean(), "Nothing subscribes to " + screenName);
        return json.RootElement.GetProperty("eventUuid").GetString()!;
    }

    public async Task ControlAsync(string relative, string? json = null)
    {
        using var response = await _control.PostAsync(new Uri(Server.ControlUri, relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits, up to the deadline, until the emulator has this many streams open.</summary>
    public async Task WaitForStreamsAsync(int count)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (await OpenStreamsAsync() != count)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"Not {count} open streams by the deadline.");
            await Task.Yield();
        }
    }

    /// <summary>Waits, up to the deadline, until the watcher has connected this many times.</summary>
    public async Task WaitForConnectsAsync(int count)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (Watcher!.Connects < count)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"Not {count} connects by the deadline.");
            await Task.Delay(1);
        }

        await WaitForStreamsAsync(1);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (Running is not null)
        {
            await Task.WhenAny(Running, Task.Delay(Deadline));
        }

        Client.Dispose();
        _control.Dispose();
        _stop.Dispose();
        await Server.DisposeAsync();
    }

    private async Task<int> OpenStreamsAsync()
    {
        using var response = await _control.GetAsync(new Uri(Server.ControlUri, "activity/streams"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("open").GetInt32();
    }

    private XApiClientOptions Options() => new() { BaseUri = Server.RootUri, RetryBaseDelay = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };
}
