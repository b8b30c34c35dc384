using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using ProfileMedia.Emulator;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests.Activity;

/// <summary>GET /2/activity/stream: framing, keep-alives, events from uploads, backfill, drops, error frames, faults.</summary>
public sealed class EmulatorActivityStreamTests
{
    [Fact]
    public async Task An_idle_stream_sends_bare_keep_alives_and_an_upload_sends_the_event_with_the_real_urls()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.SubscribeAsync("1000001", tag: "watch");
        var before = xaa.Server.GetMediaUrls("EmulatedUser");
        using var frames = await xaa.OpenStreamAsync();

        Assert.Equal(string.Empty, await frames.NextAsync());
        using (var upload = await UploadAsync(xaa, "account/update_profile_image.json", "image"))
        {
            Assert.Equal(200, (int)upload.StatusCode);
        }

        var data = (await frames.NextObjectAsync()).GetProperty("data");
        var after = xaa.Server.GetMediaUrls("EmulatedUser");
        Assert.Equal("profile.update.profile_picture", data.GetProperty("event_type").GetString());
        Assert.Equal("1000001", data.GetProperty("filter").GetProperty("user_id").GetString());
        Assert.Equal("watch", data.GetProperty("tag").GetString());
        Assert.True(Guid.TryParse(data.GetProperty("event_uuid").GetString(), out _));
        Assert.Equal(before.ProfileImageUrl.AbsoluteUri, data.GetProperty("payload").GetProperty("before").GetString());
        Assert.Equal((after.PendingProfileImageUrl ?? after.ProfileImageUrl).AbsoluteUri, data.GetProperty("payload").GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_new_banner_and_a_removed_one_are_events_and_a_removed_banner_is_empty()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.SubscribeAsync("1000001", "profile.update.banner_picture");
        var before = xaa.Server.GetMediaUrls("EmulatedUser").ProfileBannerUrl!.AbsoluteUri;
        using var frames = await xaa.OpenStreamAsync();

        (await UploadAsync(xaa, "account/update_profile_banner.json", "banner")).Dispose();
        var changed = (await frames.NextObjectAsync()).GetProperty("data").GetProperty("payload");
        var current = xaa.Server.GetMediaUrls("EmulatedUser").ProfileBannerUrl!.AbsoluteUri;
        (await PostSignedAsync(xaa, "account/remove_profile_banner.json")).Dispose();
        var removed = (await frames.NextObjectAsync()).GetProperty("data").GetProperty("payload");

        Assert.Equal(before, changed.GetProperty("before").GetString());
        Assert.Equal(current, changed.GetProperty("after").GetString());
        Assert.NotEqual(before, current);
        Assert.Equal(current, removed.GetProperty("before").GetString());
        Assert.Equal(string.Empty, removed.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Events_for_users_nobody_subscribed_to_are_not_delivered()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.SubscribeAsync("1000002");
        using var frames = await xaa.OpenStreamAsync();

        var unwatched = await xaa.ControlAsync("activity/events", "{\"screenName\":\"EmulatedUser\",\"kind\":\"image\"}");
        var watched = await xaa.ControlAsync("activity/events", "{\"screenName\":\"DefaultUser\",\"kind\":\"image\",\"after\":\"http://x/new.png\"}");
        var data = (await frames.NextObjectAsync()).GetProperty("data");

        Assert.False(unwatched.GetProperty("delivered").GetBoolean());
        Assert.True(watched.GetProperty("delivered").GetBoolean());
        Assert.Equal(watched.GetProperty("eventUuid").GetString(), data.GetProperty("event_uuid").GetString());
        Assert.Equal("http://x/new.png", data.GetProperty("payload").GetProperty("after").GetString());
    }

    [Fact]
    public async Task Backfill_replays_the_recent_events_with_their_uuids_and_no_backfill_replays_none()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.SubscribeAsync("1000001");
        var first = await xaa.ControlAsync("activity/events", "{\"screenName\":\"EmulatedUser\",\"kind\":\"image\"}");

        using (var plain = await xaa.OpenStreamAsync())
        {
            var live = await xaa.ControlAsync("activity/events", "{\"screenName\":\"EmulatedUser\",\"kind\":\"image\"}");
            Assert.Equal(live.GetProperty("eventUuid").GetString(), (await plain.NextObjectAsync()).GetProperty("data").GetProperty("event_uuid").GetString());
        }

        await xaa.WaitForOpenStreamsAsync(0);
        using var backfilled = await xaa.OpenStreamAsync("?backfill_minutes=2");
        var replayed = (await backfilled.NextObjectAsync()).GetProperty("data").GetProperty("event_uuid").GetString();
        var (bad, problem) = await xaa.CallAsync(HttpMethod.Get, "2/activity/stream?backfill_minutes=6");

        Assert.Equal(first.GetProperty("eventUuid").GetString(), replayed);
        Assert.Equal(400, bad);
        Assert.Equal("backfill_minutes", problem.GetProperty("errors")[0].GetProperty("parameters").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Start_time_replays_from_then_and_end_time_in_the_past_ends_the_stream_after_the_replay()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.SubscribeAsync("1000001");
        var sent = await xaa.ControlAsync("activity/events", "{\"screenName\":\"EmulatedUser\",\"kind\":\"image\"}");
        var start = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        using var frames = await xaa.OpenStreamAsync($"?start_time={start}&end_time={end}");
        var replayed = (await frames.NextObjectAsync()).GetProperty("data").GetProperty("event_uuid").GetString();
        string? frame;
        do
        {
            frame = await frames.NextAsync();
        }
        while (frame == string.Empty);

        var (bad, _) = await xaa.CallAsync(HttpMethod.Get, "2/activity/stream?start_time=yesterday");
        Assert.Equal(sent.GetProperty("eventUuid").GetString(), replayed);
        Assert.Null(frame);
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task Dropping_the_streams_cuts_the_connection_and_closing_them_sends_the_error_object_first()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        using (var dropped = await xaa.OpenStreamAsync())
        {
            var answer = await xaa.ControlAsync("activity/streams/drop");
            Assert.Equal(1, answer.GetProperty("dropped").GetInt32());
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                while (await dropped.NextAsync() is not null)
                {
                }

                throw new InvalidOperationException("ended cleanly");
            });
        }

        using var closed = await xaa.OpenStreamAsync();
        await xaa.ControlAsync("activity/streams/close", "{\"title\":\"ConnectionException\",\"detail\":\"This stream is currently at the maximum allowed connection limit.\",\"type\":\"streaming-connection\"}");
        var error = (await closed.NextObjectAsync()).GetProperty("errors")[0];
        string? frame;
        do
        {
            frame = await closed.NextAsync();
        }
        while (frame == string.Empty);

        Assert.Equal("ConnectionException", error.GetProperty("title").GetString());
        Assert.EndsWith("/2/problems/streaming-connection", error.GetProperty("type").GetString());
        Assert.Null(frame);
    }

    [Fact]
    public async Task Withheld_keep_alives_leave_only_events_on_the_wire_until_resumed()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        await xaa.SubscribeAsync("1000001");
        await xaa.ControlAsync("activity/keepalives/withhold");
        using var frames = await xaa.OpenStreamAsync();

        await xaa.ControlAsync("activity/events", "{\"screenName\":\"EmulatedUser\",\"kind\":\"image\"}");
        var first = await frames.NextAsync();
        await xaa.ControlAsync("activity/keepalives/resume");

        Assert.StartsWith("{\"data\"", first, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await frames.NextAsync());
    }

    [Fact]
    public async Task A_fault_on_the_stream_path_answers_its_status_for_the_attempts_asked_then_the_stream_opens()
    {
        await using var xaa = await ActivityHarness.StartAsync();
        xaa.Server.InjectFault(new FaultSpec { PathPrefix = "/2/activity/stream", Count = 2, Status = 503 });

        var (first, problem) = await xaa.CallAsync(HttpMethod.Get, "2/activity/stream");
        var (second, _) = await xaa.CallAsync(HttpMethod.Get, "2/activity/stream");
        using var third = await xaa.OpenStreamAsync();

        Assert.Equal((503, 503), (first, second));
        Assert.Equal("about:blank", problem.GetProperty("type").GetString());
        Assert.Equal(string.Empty, await third.NextAsync());
    }

    private static Task<HttpResponseMessage> UploadAsync(ActivityHarness xaa, string relative, string part)
    {
        var url = new Uri(xaa.Server.BaseUri, relative);
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, part, "upload.bin");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("POST", url, xaa.Uploader));
        return xaa.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostSignedAsync(ActivityHarness xaa, string relative)
    {
        var url = new Uri(xaa.Server.BaseUri, relative);
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.TryAddWithoutValidation("Authorization", TestOAuthSigner.Header("POST", url, xaa.Uploader));
        return xaa.Http.SendAsync(request);
    }
}
