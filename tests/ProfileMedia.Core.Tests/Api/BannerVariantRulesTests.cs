using System.Linq;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Tests.Api;

public sealed class BannerVariantRulesTests
{
    private static readonly ProfileBannerVariant[] Listed =
    {
        new("ipad", 626, 313, "http://pbs.twimg.com/profile_banners/1/2/ipad", "http://pbs.twimg.com/profile_banners/1/2", "a", "1"),
        new("1500x500", 1500, 500, "https://pbs.twimg.com/profile_banners/1/2/1500x500", "https://pbs.twimg.com/profile_banners/1/2", "a", "1"),
        new("web", 520, 260, "http://pbs.twimg.com/profile_banners/1/2/web", "http://pbs.twimg.com/profile_banners/1/2", "a", "1"),
    };

    [Fact]
    public void Without_sizes_every_listed_size_comes_back_in_the_APIs_order_unchanged()
    {
        var selected = BannerVariantRules.Select(Listed, null, https: false);

        Assert.Equal(Listed, selected);
    }

    [Fact]
    public void With_sizes_they_come_back_in_the_order_asked_and_unlisted_ones_are_left_out()
    {
        BannerSize[] wanted = { Size("web"), Size("mobile"), Size("1500x500") };

        var selected = BannerVariantRules.Select(Listed, wanted, https: false);

        Assert.Equal(new[] { "web", "1500x500" }, selected.Select(s => s.Name));
    }

    [Fact]
    public void Https_changes_only_the_scheme_of_http_urls()
    {
        var selected = BannerVariantRules.Select(Listed, null, https: true);

        Assert.Equal(
            new[]
            {
                "https://pbs.twimg.com/profile_banners/1/2/ipad",
                "https://pbs.twimg.com/profile_banners/1/2/1500x500",
                "https://pbs.twimg.com/profile_banners/1/2/web",
            },
            selected.Select(s => s.Url));
        Assert.Same(Listed[1], selected[1]);
        Assert.Equal(Listed[0].SourceUrl, selected[0].SourceUrl);
        Assert.Equal((626, 313, "a", "1"), (selected[0].Width, selected[0].Height, selected[0].ScreenName, selected[0].UserId));
    }

    private static BannerSize Size(string name)
    {
        Assert.True(BannerSize.TryParse(name, out BannerSize size));
        return size;
    }
}
