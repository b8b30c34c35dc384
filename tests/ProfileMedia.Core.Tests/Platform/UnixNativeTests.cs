using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using ProfileMedia.Core.Platform;

namespace ProfileMedia.Core.Tests.Platform;

/// <summary>
/// The module's one room of native calls: it passes its own check on this system and answers stat() and link() as
/// the system does; a shim that cannot be loaded gives the documented fallback, never an exception.
/// </summary>
public sealed class UnixNativeTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pm-native-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_runtime_shim_passes_its_check_on_Unix_and_is_never_used_on_Windows()
    {
        Assert.Equal(!RuntimeInformation.IsOSPlatform(OSPlatform.Windows), UnixNative.Shared.IsAvailable);
    }

    [UnixFact]
    public async Task Tells_a_regular_file_a_directory_a_device_and_a_FIFO_apart()
    {
        string file = Path.Combine(_folder, "picture.png");
        File.WriteAllBytes(file, new byte[] { 1 });
        string fifo = Path.Combine(_folder, "pipe.png");
        using (var mkfifo = Process.Start("mkfifo", new[] { fifo }))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Assert.Equal(FileKindResult.Regular, FileKind.Of(file));
        Assert.Equal(FileKindResult.Directory, FileKind.Of(_folder));
        Assert.Equal(FileKindResult.Special, FileKind.Of("/dev/zero"));
        Assert.Equal(FileKindResult.Special, FileKind.Of(fifo));
        Assert.Equal(FileKindResult.Unknown, FileKind.Of(Path.Combine(_folder, "missing.png")));
    }

    [UnixFact]
    public void A_link_takes_a_free_name_and_never_a_taken_one()
    {
        string first = Path.Combine(_folder, "first.tmp");
        string second = Path.Combine(_folder, "second.tmp");
        string taken = Path.Combine(_folder, "taken.png");
        File.WriteAllText(first, "new");
        File.WriteAllText(second, "newer");

        Assert.True(UnixNative.Shared.TryLink(first, taken));
        Assert.False(UnixNative.Shared.TryLink(second, taken));
        Assert.Equal("new", File.ReadAllText(taken));
    }

    [Fact]
    public void A_shim_that_cannot_be_loaded_gives_the_fallback_answers()
    {
        var missing = new UnixNative("libProfileMediaNoSuchShim");
        string file = Path.Combine(_folder, "picture.png");
        File.WriteAllBytes(file, new byte[] { 1 });

        Assert.False(missing.IsAvailable);
        Assert.Equal(FileKindResult.Unknown, missing.KindOf(file));
        Assert.False(missing.TryLink(file, Path.Combine(_folder, "other.png")));
        Assert.False(File.Exists(Path.Combine(_folder, "other.png")));
    }

    /// <summary>A fact about Unix files and links: skipped, visibly, on Windows.</summary>
    private sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                Skip = "stat() and link() are asked of the system on Unix only.";
            }
        }
    }
}
