using System;
using System.IO;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Tests.Downloads;

public sealed class FileIdentityTests
{
    [Fact]
    public void One_file_is_the_same_by_every_name_and_another_file_is_not()
    {
        using var folder = new TempFolder();
        string photo = Path.Combine(folder.Path, "photo.jpg");
        string other = Path.Combine(folder.Path, "other.jpg");
        File.WriteAllText(photo, "photo");
        File.WriteAllText(other, "photo");
        string link = Path.Combine(folder.Path, "link.jpg");
        File.CreateSymbolicLink(link, photo);
        string linkedFolder = Path.Combine(folder.Path, "again");
        Directory.CreateSymbolicLink(linkedFolder, folder.Path);

        Assert.True(FileIdentity.IsSameFile(photo, photo));
        Assert.True(FileIdentity.IsSameFile(photo, Path.Combine(folder.Path, ".", "photo.jpg")));
        Assert.True(FileIdentity.IsSameFile(photo, link));
        Assert.True(FileIdentity.IsSameFile(link, photo));
        Assert.True(FileIdentity.IsSameFile(photo, Path.Combine(linkedFolder, "photo.jpg")));
        Assert.False(FileIdentity.IsSameFile(photo, other)); // same content, another file
        Assert.False(FileIdentity.IsSameFile(photo, Path.Combine(folder.Path, "missing.jpg")));
    }

    [Fact]
    public void A_file_held_open_by_someone_else_is_still_told_apart()
    {
        using var folder = new TempFolder();
        string photo = Path.Combine(folder.Path, "photo.jpg");
        string other = Path.Combine(folder.Path, "other.jpg");
        File.WriteAllText(photo, "photo");
        File.WriteAllText(other, "other");

        using (new FileStream(other, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            Assert.False(FileIdentity.IsSameFile(photo, other));
        }
    }
}
