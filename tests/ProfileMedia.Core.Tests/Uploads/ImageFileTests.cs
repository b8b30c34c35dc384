using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Uploads;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Uploads;

/// <summary>What the upload check says of files that are complete with data after their end, and of things that are no regular file.</summary>
public sealed class ImageFileTests
{
    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(4096)]
    public void A_complete_png_with_trailing_zeros_can_be_uploaded(int zeros)
    {
        byte[] png = TestImages.Png;
        string path = TestImages.WriteTemp(png.Concat(new byte[zeros]).ToArray());
        Assert.Equal(ImageProblem.None, ImageFile.Inspect(path, ImageFile.MaxProfileImageBytes, out ImageFile? file, out string message));
        Assert.Equal(string.Empty, message);
        Assert.Equal(png.Length + zeros, file!.Length);
    }

    [Fact]
    public void A_cut_png_is_truncated_and_named()
    {
        string path = TestImages.WriteTemp(TestImages.Png.Take(TestImages.Png.Length - 1).Concat(new byte[32]).ToArray());
        Assert.Equal(ImageProblem.TruncatedImage, ImageFile.Inspect(path, ImageFile.MaxProfileImageBytes, out _, out string message));
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.EndsWith("damaged.", message, StringComparison.Ordinal);
    }

    [SkippableUnixFact]
    public void A_character_device_is_not_a_regular_file()
    {
        foreach (string device in new[] { "/dev/zero", "/dev/urandom", "/dev/null" })
        {
            Assert.Equal(ImageProblem.ImageFileNotRegular, ImageFile.Inspect(device, ImageFile.MaxBannerBytes, out _, out string message));
            Assert.Contains("not a regular file", message, StringComparison.Ordinal);
        }
    }

    [SkippableUnixFact]
    public void A_proc_file_that_reports_no_size_is_not_a_regular_file()
    {
        Assert.Equal(ImageProblem.ImageFileNotRegular, ImageFile.Inspect("/proc/self/status", ImageFile.MaxBannerBytes, out _, out _));
    }

    [SkippableUnixFact]
    public async Task A_fifo_is_refused_without_waiting_for_a_writer()
    {
        string folder = Path.GetDirectoryName(TestImages.WriteTemp(Array.Empty<byte>()))!;
        string fifo = Path.Combine(folder, "avatar.png");
        File.Delete(fifo);
        using (var mkfifo = Process.Start("mkfifo", new[] { fifo }))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // No writer ever opens the FIFO: a check that opened it would never return and the test would hang.
        Task<ImageProblem> check = Task.Run(() => ImageFile.Inspect(fifo, ImageFile.MaxBannerBytes, out _, out _));
        Assert.Same(check, await Task.WhenAny(check, Task.Delay(TimeSpan.FromMinutes(1))));
        Assert.Equal(ImageProblem.ImageFileNotRegular, await check);
    }

    [Fact]
    public void An_empty_regular_file_is_still_empty()
    {
        string path = TestImages.WriteTemp(Array.Empty<byte>());
        Assert.Equal(ImageProblem.ImageFileEmpty, ImageFile.Inspect(path, ImageFile.MaxBannerBytes, out _, out _));
    }

    /// <summary>A fact about Unix files (devices, FIFOs, /proc): skipped, visibly, on Windows.</summary>
    private sealed class SkippableUnixFactAttribute : FactAttribute
    {
        public SkippableUnixFactAttribute()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                Skip = "Unix devices, FIFOs and /proc do not exist on Windows.";
            }
        }
    }
}
