using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Emulator;

namespace ProfileMedia.Emulator.Tests.Activity;

/// <summary>An emulator with fast keep-alives, and raw X Activity API calls with the app's Bearer token.</summary>
internal sealed class ActivityHarness : IAsyncDisposable
{
    /// <summary>A deadline for waiting on the stream, not a timing assertion: a healthy run answers in milliseconds.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions LeaveOutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private ActivityHarness(EmulatorServer server)
    {
        Server = server;
    }

    public EmulatorServer Server { get; }

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public EmulatorAccount Uploader => Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");

    public static async Task<ActivityHarness> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options ?? new EmulatorOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(50) }));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Server.RootUri, relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? "Bearer " + Server.BearerToken);
        return Http.SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> CallAsync(HttpMethod method, string relative, string? json = null, string? authorization = null)
    {
        using var response = await SendAsync(method, relative, json, authorization);
        return ((int)response.StatusCode, await ResponseJson.ReadAsync(response));
    }

    public Task<(int Status, JsonElement Body)> SubscribeAsync(string userId, string eventType = "profile.update.profile_picture", string? tag = null) =>
        CallAsync(HttpMethod.Post, "2/activity/subscriptions",
            JsonSerializer.Serialize(new { event_type = eventType, filter = new { user_id = userId }, tag }, LeaveOutNulls));

    public async Task<StreamFrames> OpenStreamAsync(string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.RootUri, "2/activity/stream" + query));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Server.BearerToken);
        var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        var frames = new StreamFrames(response, await response.Content.ReadAsStreamAsync());
        await WaitForOpenStreamsAsync(1);
        return frames;
    }

    public async Task<JsonElement> ControlAsync(string relative, string? json = null)
    {
        using var response = await Http.PostAsync(new Uri(Server.ControlUri, relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.Content.Headers.ContentLength == 0 ? default : await ResponseJson.ReadAsync(response);
    }

    /// <summary>Waits until the emulator has <paramref name="count"/> streams open, polling its control endpoint up to the deadline.</summary>
    public async Task WaitForOpenStreamsAsync(int count)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            using var response = await Http.GetAsync(new Uri(Server.ControlUri, "activity/streams"));
            var open = (await ResponseJson.ReadAsync(response)).GetProperty("open").GetInt32();
            if (open == count)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"{open} streams open, not {count}, by the deadline.");
            await Task.Yield();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Reads a stream's frames: the text between "\r\n" separators; "" is a keep-alive; null is the end of the stream.</summary>
internal sealed class StreamFrames(HttpResponseMessage response, Stream body) : IDisposable
{
    private readonly StringBuilder _pending = new();
    private readonly byte[] _buffer = new byte[8192];

    public async Task<string?> NextAsync()
    {
        using var deadline = new CancellationTokenSource(ActivityHarness.Deadline);
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf("\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 2);
                return text[..end];
            }

            var read = await body.ReadAsync(_buffer, deadline.Token);
            if (read == 0)
            {
                return null;
            }

            _pending.Append(Encoding.UTF8.GetString(_buffer, 0, read));
        }
    }

    /// <summary>The next frame that is not a keep-alive, as JSON.</summary>
    public async Task<JsonElement> NextObjectAsync()
    {
        while (true)
        {
            var frame = await NextAsync();
            Assert.NotNull(frame);
            if (frame.Length > 0)
            {
                return JsonDocument.Parse(frame).RootElement.Clone();
            }
        }
    }

    public void Dispose()
    {
        body.Dispose();
        response.Dispose();
    }
}
