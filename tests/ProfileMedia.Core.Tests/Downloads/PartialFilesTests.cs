using System;
using System.IO;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>
/// The temporary files a killed run leaves are swept by the next run into the folder: only this module's names, only
/// when no live download holds them, and nothing else in the folder, whatever it is called.
/// </summary>
public sealed class PartialFilesTests
{
    [Fact]
    public void Only_names_the_module_makes_count_as_its_temporary_files()
    {
        Assert.True(PartialFiles.IsPartialName(PartialFiles.NewName("EmulatedUser_400x400")));
        Assert.True(PartialFiles.IsPartialName(PartialFiles.NewName("a")));
        foreach (string other in new[]
        {
            "download.partial", ".partial", ".x.partial", ".EmulatedUser_400x400.partial", "EmulatedUser_400x400.0123456789abcdef0123456789abcdef.partial",
            ".Emulated.User.0123456789abcdef0123456789abcdef.partial", ".EmulatedUser.0123456789ABCDEF0123456789ABCDEF.partial",
            ".EmulatedUser.0123456789abcdef0123456789abcde.partial", ".EmulatedUser.0123456789abcdef0123456789abcdef.partial.png", ".CON.0123456789abcdef0123456789abcdef.partial",
        })
        {
            Assert.False(PartialFiles.IsPartialName(other), other);
        }
    }

    [Fact]
    public void A_stale_temporary_file_is_swept_and_nothing_else()
    {
        using var folder = new TempFolder();
        string stale = Create(folder, PartialFiles.NewName("EmulatedUser_400x400"), age: TimeSpan.FromHours(1));
        string young = Create(folder, PartialFiles.NewName("EmulatedUser_mini"), age: TimeSpan.Zero);
        string foreign = Create(folder, "backup.partial", age: TimeSpan.FromHours(1));
        string lookalike = Create(folder, ".EmulatedUser_normal.partial", age: TimeSpan.FromHours(1));
        string image = Create(folder, "EmulatedUser_400x400.png", age: TimeSpan.FromHours(1));

        var removed = PartialFiles.SweepStale(folder.Path);

        Assert.Equal([Path.GetFileName(stale)], removed);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(young), "a file written within the last minute may be a download starting");
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(lookalike));
        Assert.True(File.Exists(image));
    }

    [Fact]
    public void A_temporary_file_a_live_download_holds_is_left_however_old()
    {
        using var folder = new TempFolder();
        string held = Create(folder, PartialFiles.NewName("EmulatedUser_400x400"), age: TimeSpan.FromHours(1));

        // Held as PartialCopy holds it (FileShare.None), as another process's download would.
        using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Empty(PartialFiles.SweepStale(folder.Path));
        }

        Assert.True(File.Exists(held));
    }

    [Fact]
    public void A_missing_folder_sweeps_nothing()
    {
        Assert.Empty(PartialFiles.SweepStale(Path.Combine(Path.GetTempPath(), "pm-none-" + Guid.NewGuid().ToString("N"))));
    }

    private static string Create(TempFolder folder, string name, TimeSpan age)
    {
        string path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, new byte[] { 0x89, 0x50 });
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }
}
