using System;
using System.Linq;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;
using Xunit;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>v2 has no banner endpoint: the sizes come from profile_banner_url, and a URL that is not one is named.</summary>
public sealed class BannerVariantsTests
{
    private static readonly UserReference Asked = UserReference.ForScreenName("EmulatedUser", out _)!;

    private static ProfileUser WithBanner(string? bannerUrl) =>
        new ProfileUser("1000001", "EmulatedUser", "Emulated", null, "https://pbs.twimg.com/profile_images/1/a_normal.png", bannerUrl, false);

    [Fact]
    public void A_banner_url_gives_every_size_by_the_url_rule()
    {
        var sizes = BannerVariants.Of(WithBanner("https://pbs.twimg.com/profile_banners/1000001/1700000000"), Asked);

        Assert.Contains(sizes, s => s.Name == "1500x500" && s.Url == "https://pbs.twimg.com/profile_banners/1000001/1700000000/1500x500");
        Assert.Equal(sizes.Count, sizes.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_user_without_a_banner_is_NoProfileBanner(string? bannerUrl)
    {
        var e = Assert.Throws<XApiException>(() => BannerVariants.Of(WithBanner(bannerUrl), Asked));
        Assert.Equal(ErrorIds.NoProfileBanner, e.ErrorId);
    }

    [Theory]
    [InlineData("ftp://pbs.twimg.com/profile_banners/1000001/1700000000")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public void A_banner_url_that_is_not_http_is_an_error_that_names_it(string bannerUrl)
    {
        var e = Assert.Throws<XApiException>(() => BannerVariants.Of(WithBanner(bannerUrl), Asked));

        Assert.Equal(ErrorIds.UnexpectedResponse, e.ErrorId);
        Assert.Contains(bannerUrl.Substring(0, 8), e.Message, StringComparison.Ordinal);
    }
}
