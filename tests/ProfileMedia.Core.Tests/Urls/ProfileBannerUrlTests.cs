using System.Linq;
using ProfileMedia.Core.Json;
using ProfileMedia.Core.Urls;

using ProfileMedia.Core.Tests.Json;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Urls;

public class ProfileBannerUrlTests
{
    private static string Variant(string url, string size, bool https = false)
    {
        Assert.Equal(UrlProblem.None, ProfileBannerUrl.TryParse(url, out ProfileBannerUrl parsed));
        Assert.True(BannerSize.TryParse(size, out BannerSize bannerSize));
        return parsed.GetVariantUrl(bannerSize, https);
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_banners/783214/1611950530")]
    [InlineData("https://pbs.twimg.com/profile_banners/783214/1611950530/")]
    [InlineData("https://pbs.twimg.com/profile_banners/783214/1611950530/ipad_retina")]
    [InlineData("https://pbs.twimg.com/profile_banners/783214/1611950530/WEB/")]
    public void Every_documented_size_is_derived_from_the_bare_or_sized_url(string input)
    {
        JsonValue sizes = JsonText.Parse(System.IO.File.ReadAllText(TestData.PathOf("users-profile-banner.json")))["sizes"]!;
        Assert.Equal(9, sizes.Properties.Count);
        foreach (var documented in sizes.Properties)
        {
            Assert.Equal(documented.Value["url"]!.GetString(), Variant(input, documented.Key));
            Assert.True(BannerSize.TryParse(documented.Key, out BannerSize size));
            Assert.True(documented.Value["w"]!.TryGetInt64(out long width) && width == size.Width);
            Assert.True(documented.Value["h"]!.TryGetInt64(out long height) && height == size.Height);
        }
    }

    [Fact]
    public void Keeps_query_and_fragment_and_upgrades_to_https_on_request()
    {
        Assert.Equal("https://127.0.0.1:9/profile_banners/1/2/web?a=1#f", Variant("http://127.0.0.1:9/profile_banners/1/2/mobile?a=1#f", "web", https: true));
        Assert.Equal("http://127.0.0.1:9/profile_banners/1/2/web?a=1", Variant("http://127.0.0.1:9/profile_banners/1/2/?a=1", "web"));
    }

    [Theory]
    [InlineData("https://pbs.twimg.com")]
    [InlineData("https://pbs.twimg.com/")]
    [InlineData("https://pbs.twimg.com/1500x500")]
    [InlineData("https://pbs.twimg.com//")]
    public void Refuses_a_url_with_nothing_to_put_a_size_after(string input)
    {
        Assert.Equal(UrlProblem.UrlHasNoFileSegment, ProfileBannerUrl.TryParse(input, out _));
    }

    [Fact]
    public void Sizes_are_ordered_smallest_first_and_names_round_trip()
    {
        var areas = BannerSize.All.Select(s => s.Width * s.Height).ToList();
        Assert.Equal(areas.OrderBy(a => a), areas);
        Assert.Equal(BannerSize.All.Select(s => s.Name), BannerSize.Names);
    }
}
