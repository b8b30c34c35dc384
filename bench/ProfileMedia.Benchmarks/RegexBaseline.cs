using System.Text.RegularExpressions;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Benchmarks
{
    /// <summary>
    /// The same size rules written the way a peer typically would: static compiled Regexes and Regex.Replace. Checked
    /// against the core for every input and size before anything is timed, so the baseline is correct, not a straw man;
    /// of the patterns tried, these were the fastest correct ones (a single pattern that also finds the empty spot of
    /// a marker-less name was about 3x slower, so that case is a fallback that the common inputs never reach).
    /// </summary>
    internal static class RegexBaseline
    {
        // A size marker that ends the file name: followed only by an extension, then '?', '#' or the end of the URL.
        private static readonly Regex ImageMarker = new Regex(
            @"_(?:normal|bigger|mini|200x200|400x400)(?=(?:\.[^./?#]*)?(?:[?#]|$))",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // Fallback for a name without a marker: the spot before the extension, after at least one character of name.
        private static readonly Regex MarkerSpot = new Regex(
            @"(?<=[^/])(?=(?:\.[^./?#]*)?(?:[?#]|$))",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // A size name (and one trailing slash) at the end of a banner URL.
        private static readonly Regex BannerSuffix = new Regex(
            @"/(?:300x100|mobile|600x200|web|ipad|mobile_retina|web_retina|1500x500|ipad_retina)/?$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The URL of <paramref name="size"/>: the marker replaced by the size's marker (or inserted, when there is none).</summary>
        public static string ImageVariant(string url, ProfileImageSize size)
        {
            string replaced = ImageMarker.Replace(url, size.Marker, 1);
            return ReferenceEquals(replaced, url) && size.Marker.Length > 0 ? MarkerSpot.Replace(url, size.Marker, 1) : replaced;
        }

        /// <summary>The banner URL of <paramref name="size"/>: any size name cut off, then "/" and the size appended.</summary>
        public static string BannerVariant(string url, BannerSize size) => BannerSuffix.Replace(url, string.Empty).TrimEnd('/') + "/" + size.Name;

        /// <summary>Both rules agree with the core on a few shapes beyond the timed inputs (no marker, query, trailing slash).</summary>
        public static readonly string[] ExtraImageChecks =
        {
            "https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p.jpg",
            "http://a0.twimg.com/profile_images/1697484692/image",
            "https://pbs.twimg.com/profile_images/1/Logo_400x400_normal.png?format=png",
        };

        /// <summary>Banner shapes beyond the timed inputs.</summary>
        public static readonly string[] ExtraBannerChecks =
        {
            "https://pbs.twimg.com/profile_banners/6253282/1347394302/",
            "https://pbs.twimg.com/profile_banners/6253282/1347394302/web_retina",
        };
    }
}
