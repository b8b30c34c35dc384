using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>A URL in a message never shows the credentials it carries, whatever else is wrong with it.</summary>
public sealed class UrlTextTests
{
    [Theory]
    [InlineData("https://user:pass@pbs.example/a.jpg", "https://***@pbs.example/a.jpg")]
    [InlineData("https://token@pbs.example/a.jpg?x=@y", "https://***@pbs.example/a.jpg?x=@y")]
    [InlineData("ftp://u:p@host", "ftp://***@host")]
    [InlineData("https://a@b:c@host/p", "https://***@host/p")]
    [InlineData("user:pass@host/a.jpg", "***@host/a.jpg")]
    [InlineData("https://pbs.example/a@2x.jpg", "https://pbs.example/a@2x.jpg")]
    [InlineData("https://pbs.example/a.jpg", "https://pbs.example/a.jpg")]
    [InlineData("", "")]
    [InlineData("@", "***@")]
    public void User_information_is_masked(string url, string shown)
    {
        Assert.Equal(shown, UrlText.WithoutUserInfo(url));
    }
}
