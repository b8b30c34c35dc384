using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using ProfileMedia.Emulator;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

public sealed class EmulatorProfileImageUploadTests
{
    private const string UpdatePath = "account/update_profile_image.json";

    [Fact]
    public async Task The_upload_answer_shows_the_new_picture_but_users_show_switches_only_after_processing()
    {
        var clock = new ManualClock();
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            TimeProvider = clock,
            ProcessingDelay = TimeSpan.FromSeconds(5),
        });
        var before = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_image_url").GetString();

        using var upload = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Png);
        var answered = (await ResponseJson.ReadAsync(upload)).GetProperty("profile_image_url").GetString();
        var duringProcessing = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_image_url").GetString();
        clock.Advance(TimeSpan.FromSeconds(5));
        var afterProcessing = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_image_url").GetString();

        Assert.Equal(200, (int)upload.StatusCode);
        Assert.NotEqual(before, answered);
        Assert.Matches("/profile_images/[0-9]+/[A-Za-z0-9]{8}_normal\\.png$", answered);
        Assert.Equal(before, duringProcessing);
        Assert.Equal(answered, afterProcessing);
    }

    [Fact]
    public async Task Old_picture_urls_keep_working_while_processing_and_answer_404_in_every_size_afterwards()
    {
        var clock = new ManualClock();
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var old = emulator.Server.GetMediaUrls("EmulatedUser").ProfileImageUrl.AbsoluteUri;

        using var upload = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Png);
        using var whileProcessing = await emulator.Http.GetAsync(old);
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(200, (int)whileProcessing.StatusCode);
        foreach (var suffix in new[] { "_normal.png", "_bigger.png", "_mini.png", "_200x200.png", "_400x400.png", ".png" })
        {
            using var gone = await emulator.Http.GetAsync(old.Replace("_normal.png", suffix, StringComparison.Ordinal));
            Assert.Equal(404, (int)gone.StatusCode);
        }
    }

    [Fact]
    public async Task Processing_finishes_on_the_real_clock_too()
    {
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { ProcessingDelay = TimeSpan.FromMilliseconds(200) });

        var stopwatch = Stopwatch.StartNew(); // before the upload, so the server's 200 ms cannot have started earlier
        using var upload = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Png);
        var answered = (await ResponseJson.ReadAsync(upload)).GetProperty("profile_image_url").GetString();
        string? current;
        TimeSpan switchedAfter;
        do
        {
            await Task.Delay(50);
            current = (await emulator.UserAsync("EmulatedUser")).GetProperty("profile_image_url").GetString();
            switchedAfter = stopwatch.Elapsed; // after the answer, which the server gave no earlier than its switch
        }
        while (current != answered && stopwatch.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(answered, current);
        Assert.True(switchedAfter >= TimeSpan.FromMilliseconds(200), $"switched after {switchedAfter}, before the processing delay");
    }

    [Fact]
    public async Task The_original_is_served_byte_for_byte_with_its_own_type_and_extension()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var upload = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Jpeg);
        var normal = (await ResponseJson.ReadAsync(upload)).GetProperty("profile_image_url").GetString()!;
        using var original = await emulator.Http.GetAsync(normal.Replace("_normal.jpg", ".jpg", StringComparison.Ordinal));

        Assert.EndsWith("_normal.jpg", normal);
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Jpeg, await original.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_default_user_stops_being_default_once_the_upload_is_processed()
    {
        var clock = new ManualClock();
        await using var emulator = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = clock });

        using var upload = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Gif, emulator.DefaultUser);
        var during = await emulator.UserAsync("DefaultUser");
        clock.Advance(TimeSpan.FromSeconds(6));
        var after = await emulator.UserAsync("DefaultUser");

        Assert.False((await ResponseJson.ReadAsync(upload)).GetProperty("default_profile_image").GetBoolean());
        Assert.True(during.GetProperty("default_profile_image").GetBoolean());
        Assert.False(after.GetProperty("default_profile_image").GetBoolean());
        Assert.EndsWith("_normal.gif", after.GetProperty("profile_image_url").GetString());
    }

    [Fact]
    public async Task A_base64_form_upload_is_accepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostFormAsync(UpdatePath, [new("image", Convert.ToBase64String(TestImages.Png)), new("skip_status", "1")]);
        var user = await ResponseJson.ReadAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(user.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Picture_ids_and_names_differ_for_every_upload()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var urls = new HashSet<string>();

        for (var i = 0; i < 3; i++)
        {
            using var response = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Png);
            Assert.True(urls.Add((await ResponseJson.ReadAsync(response)).GetProperty("profile_image_url").GetString()!));
        }
    }

    [Fact]
    public async Task A_missing_image_gets_400_code_38()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var multipart = await emulator.PostFileAsync(UpdatePath, "picture", TestImages.Png);
        using var form = await emulator.PostFormAsync(UpdatePath, [new("skip_status", "true")]);

        Assert.Equal(400, (int)multipart.StatusCode);
        Assert.Equal(38, await ResponseJson.ErrorCodeAsync(multipart));
        Assert.Equal(38, await ResponseJson.ErrorCodeAsync(form));
    }

    [Fact]
    public async Task A_file_that_is_not_a_picture_gets_400()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var text = await emulator.PostFileAsync(UpdatePath, "image", TestImages.NotAnImage);
        using var truncated = await emulator.PostFileAsync(UpdatePath, "image", TestImages.Png[..16]);
        using var notBase64 = await emulator.PostFormAsync(UpdatePath, [new("image", "%%% not base64 %%%")]);

        Assert.Equal(400, (int)text.StatusCode);
        Assert.Equal(324, await ResponseJson.ErrorCodeAsync(text));
        Assert.Equal(400, (int)truncated.StatusCode);
        Assert.Equal(400, (int)notBase64.StatusCode);
    }

    [Fact]
    public async Task A_picture_of_exactly_700_KB_is_accepted_and_one_byte_more_gets_413_with_an_empty_body()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var atLimit = await emulator.PostFileAsync(UpdatePath, "image", TestImages.PngOfSize(716_800));
        using var overLimit = await emulator.PostFileAsync(UpdatePath, "image", TestImages.PngOfSize(716_801));
        using var overLimitBase64 = await emulator.PostFormAsync(UpdatePath, [new("image", Convert.ToBase64String(TestImages.PngOfSize(716_801)))]);

        Assert.Equal(200, (int)atLimit.StatusCode);
        Assert.Equal(413, (int)overLimit.StatusCode);
        Assert.Empty(await overLimit.Content.ReadAsByteArrayAsync());
        Assert.Equal(413, (int)overLimitBase64.StatusCode);
    }
}
