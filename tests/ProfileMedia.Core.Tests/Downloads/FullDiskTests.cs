using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>
/// Writing onto a disk that fills up, for real: a 64 KiB tmpfs. Whatever fails while writing, the hidden temporary
/// file goes, the error says the disk is full and names the folder, and the next file that fits is saved.
/// </summary>
public sealed class FullDiskTests
{
    private const int DiskSize = 64 * 1024;

    private static MediaDownloader NewDownloader() =>
        new(new MediaDownloaderOptions { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(10) });

    [SmallDiskTheory]
    [InlineData("large")]
    [InlineData("endless")]
    public async Task A_body_larger_than_the_disk_leaves_no_temporary_file_and_the_next_save_works(string body)
    {
        byte[] small = TestImages.PngLike(2_000);
        using var server = new TestMediaServer((context, _) => context.Request.Path.Value == "/small.png"
            ? TestMediaServer.SendAsync(context, small)
            : body == "large" ? TestMediaServer.SendAsync(context, TestImages.PngLike(400_000)) : SendEndlessAsync(context));
        using var disk = SmallDisk.Mount(DiskSize);
        using var downloader = NewDownloader();
        var folder = new DestinationFolder(disk.Path);

        MediaSaveResult full = await downloader.DownloadAsync(new DownloadRequest(server.Url("big.png"), folder, "big", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Failed, full.Status);
        Assert.Equal("DiskFull", full.ErrorId);
        Assert.Contains(folder.FullPath, full.Message, StringComparison.Ordinal);
        Assert.Contains("full", full.Message, StringComparison.Ordinal);
        Assert.Equal(1, full.Attempts); // a full disk is not a network hiccup: not retried
        Assert.Empty(disk.Files());

        MediaSaveResult next = await downloader.DownloadAsync(new DownloadRequest(server.Url("small.png"), folder, "small", ".png"), CancellationToken.None);

        Assert.Equal(DownloadStatus.Saved, next.Status);
        Assert.Equal(["small.png"], disk.Files());
    }

    [SmallDiskFact]
    public async Task Twelve_8_KiB_files_into_64_KiB_save_what_fits_and_leave_no_temporary_file()
    {
        using var server = new TestMediaServer((context, _) => TestMediaServer.SendAsync(context, TestImages.PngLike(8 * 1024, seed: context.Request.Path.Value!.Length)));
        using var disk = SmallDisk.Mount(DiskSize);
        using var downloader = NewDownloader();
        var folder = new DestinationFolder(disk.Path);
        var saved = new List<string>();
        var failures = new List<MediaSaveResult>();

        for (int i = 0; i < 12; i++)
        {
            MediaSaveResult result = await downloader.DownloadAsync(new DownloadRequest(server.Url("f" + i + ".png"), folder, "f" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), ".png"), CancellationToken.None);
            if (result.Status == DownloadStatus.Saved)
            {
                saved.Add(Path.GetFileName(result.Path!));
            }
            else
            {
                failures.Add(result);
            }
        }

        Assert.InRange(saved.Count, 6, 8);
        Assert.Equal(12 - saved.Count, failures.Count);
        Assert.All(failures, f => Assert.Equal("DiskFull", f.ErrorId));
        Assert.Equal(saved, disk.Files()); // the saved files, and no temporary file beside them
        foreach (string name in saved)
        {
            Assert.Equal(8 * 1024, new FileInfo(Path.Combine(disk.Path, name)).Length);
        }
    }

    [SmallDiskFact]
    public void A_prepared_image_too_large_for_the_disk_is_refused_as_disk_full_and_leaves_nothing()
    {
        using var disk = SmallDisk.Mount(DiskSize);
        string destination = Path.Combine(disk.Path, "me.avatar.jpg");

        var e = Assert.Throws<FileWriteException>(() => PreparedImageWriter.Write(Prepared(200_000), "/photos/me.jpg", destination, overwrite: false));

        Assert.Equal("DiskFull", e.ErrorId);
        Assert.Contains(disk.Path, e.Message, StringComparison.Ordinal);
        Assert.Empty(disk.Files());

        PreparedImage? written = PreparedImageWriter.Write(Prepared(20_000), "/photos/me.jpg", destination, overwrite: false);
        Assert.NotNull(written);
        Assert.Equal(["me.avatar.jpg"], disk.Files());
    }

    [Fact]
    public void A_disk_full_error_is_told_apart_from_other_write_failures()
    {
        // .NET puts errno (Unix) or the HRESULT (Windows) in HResult: ENOSPC, EDQUOT; ERROR_DISK_FULL.
        int full = OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28;
        int quota = OperatingSystem.IsWindows() ? unchecked((int)0x80070718) : OperatingSystem.IsLinux() ? 122 : 69;
        int denied = OperatingSystem.IsWindows() ? unchecked((int)0x80070005) : 13;
        Assert.True(WriteFailure.IsDiskFull(new IOException("No space left on device", full)));
        Assert.True(WriteFailure.IsDiskFull(new IOException("Disk quota exceeded", quota)));
        Assert.False(WriteFailure.IsDiskFull(new IOException("Permission denied", denied)));
        Assert.False(WriteFailure.IsDiskFull(new UnauthorizedAccessException("Access denied")));
    }

    private static FittedImage Prepared(int length) =>
        new(FitTarget.Avatar, ImageFormat.Jpeg, 400, 400, 1, new ImageRegion(0, 0, 400, 400), 400, 400, 400, 400, ImageFormat.Jpeg, 90, [90], TestImages.JpegLike(length));

    private static async Task SendEndlessAsync(HttpContext context)
    {
        context.Response.ContentType = "image/png";
        byte[] chunk = TestImages.PngLike(16_384);
        await context.Response.Body.WriteAsync(chunk.AsMemory(0, 4096), context.RequestAborted);
        byte[] filler = new byte[16_384];
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.Body.WriteAsync(filler, context.RequestAborted);
        }
    }
}
