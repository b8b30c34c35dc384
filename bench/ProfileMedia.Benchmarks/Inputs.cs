using System.Linq;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Benchmarks
{
    /// <summary>The URLs benchmark 2 reads: the shapes X actually hands out, not edge cases.</summary>
    internal static class Inputs
    {
        /// <summary>profile_image_url values: pbs jpg and png, an extensionless a0 URL, X's default image.</summary>
        public static readonly string[] ImageUrls =
        {
            "https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_normal.jpg",
            "https://pbs.twimg.com/profile_images/1683325380441128960/n4Ak8lUs_400x400.png",
            "http://a0.twimg.com/profile_images/1697484692/image_normal",
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png",
        };

        /// <summary>profile_banner_url values: the bare URL X returns, and one that already names a size.</summary>
        public static readonly string[] BannerUrls =
        {
            "https://pbs.twimg.com/profile_banners/6253282/1347394302",
            "https://pbs.twimg.com/profile_banners/783214/1646075315/1500x500",
        };

        /// <summary>Parses image URLs ahead of time for the pre-parsed cases.</summary>
        public static ProfileImageUrl[] ParseImages(string[] values) => values.Select(value =>
        {
            ProfileImageUrl.TryParse(value, out ProfileImageUrl url);
            return url;
        }).ToArray();

        /// <summary>Parses banner URLs ahead of time for the pre-parsed cases.</summary>
        public static ProfileBannerUrl[] ParseBanners(string[] values) => values.Select(value =>
        {
            ProfileBannerUrl.TryParse(value, out ProfileBannerUrl url);
            return url;
        }).ToArray();
    }
}
