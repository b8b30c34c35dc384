using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>Names in one run's folder: each belongs to one input, so two inputs with one safe name never overwrite each other.</summary>
public sealed class DestinationFolderTests
{
    [Fact]
    public void A_name_belongs_to_the_first_url_that_claims_it_for_the_whole_run()
    {
        using var folder = new TempFolder();
        var destination = new DestinationFolder(folder.Path);

        Assert.True(destination.Claim("a_b_original", "https://pbs.example/1/x.jpg", out _));
        Assert.True(destination.Claim("a_b_original", "https://pbs.example/1/x.jpg", out _));
        Assert.False(destination.Claim("a_b_original", "https://pbs.example/2/y.jpg", out string holder));
        Assert.Equal("https://pbs.example/1/x.jpg", holder);
        Assert.False(destination.Claim("A_B_ORIGINAL", "https://pbs.example/2/y.jpg", out _));
        Assert.True(new DestinationFolder(folder.Path).Claim("a_b_original", "https://pbs.example/2/y.jpg", out _));
    }
}
