using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Activity;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Activity;

/// <summary>The archive on disk: one holder at a time, files named by arrival time and size, one log line per change.</summary>
public sealed class ProfileMediaArchiveTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-archive-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_second_holder_is_refused_until_the_first_lets_go_and_no_lock_file_stays()
    {
        using (ProfileMediaArchive.Open(_folder))
        {
            var refused = Assert.Throws<ArchiveInUseException>(() => ProfileMediaArchive.Open(_folder));
            Assert.Contains("one watcher per archive", refused.Message, StringComparison.Ordinal);
        }

        using (ProfileMediaArchive.Open(_folder))
        {
        }

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_change_is_saved_in_each_size_under_the_user_id_and_logged_and_a_removed_banner_only_logged()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var current = server.GetMediaUrls("EmulatedUser");
        var at = new DateTimeOffset(2026, 3, 3, 12, 0, 0, 123, TimeSpan.Zero);
        var image = new ProfileMediaChange("e1", ProfileMediaWatchKind.Image, "1000001", "EmulatedUser", at, "t", null, current.ProfileImageUrl.AbsoluteUri);
        var removed = new ProfileMediaChange("e2", ProfileMediaWatchKind.Banner, "1000001", null, at.AddSeconds(1), null, current.ProfileBannerUrl!.AbsoluteUri, "");
        using var downloader = new MediaDownloader(new MediaDownloaderOptions());

        using (var archive = ProfileMediaArchive.Open(_folder))
        {
            var saved = await archive.SaveAsync(image, ["400x400", "original"], downloader, null, CancellationToken.None);
            var none = await archive.SaveAsync(removed, ["1500x500"], downloader, null, CancellationToken.None);
            Assert.All(saved, result => Assert.Equal(DownloadStatus.Saved, result.Status));
            Assert.Empty(none);
        }

        var userFolder = Path.Combine(_folder, "1000001");
        Assert.Equal(
            ["2026-03-03T12-00-00-123Z_image_400x400.png", "2026-03-03T12-00-00-123Z_image_original.png", "changes.jsonl"],
            Directory.GetFiles(userFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var lines = File.ReadAllLines(Path.Combine(userFolder, "changes.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("2026-03-03T12:00:00.123Z", first.RootElement.GetProperty("received_at").GetString());
        Assert.Equal(("image", "t", 2), (first.RootElement.GetProperty("kind").GetString(), first.RootElement.GetProperty("tag").GetString(), first.RootElement.GetProperty("files").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("after").ValueKind);
        Assert.Equal(0, second.RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal(2, image.ArchivedFiles.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
