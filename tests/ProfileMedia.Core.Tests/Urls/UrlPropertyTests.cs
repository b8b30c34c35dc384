using System;
using System.Collections.Generic;
using System.Text;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Tests.Urls;

/// <summary>Rules that must hold for every URL shape, checked on many generated URLs (fixed seed: failures repeat).</summary>
public class UrlPropertyTests
{
    private const int Cases = 20_000;
    private static readonly string[] Hosts = { "pbs.twimg.com", "abs.twimg.com", "si0.twimg.com", "a0.twimg.com", "127.0.0.1:5000", "PBS.TWIMG.COM:443", "[::1]:8080", "image_normal.png" };
    private static readonly string[] Markers = { "", "_normal", "_bigger", "_mini", "_200x200", "_400x400" };
    private static readonly string[] Extensions = { "", ".jpg", ".JPEG", ".png", ".Gif", ".webp", "." };
    private static readonly string[] Tails = { "", "?a=b", "?x=_normal.jpg", "#frag_mini", "?q=1#_bigger.png" };
    private const string StemAlphabet = "abcXYZ019_-.%~";

    private static IEnumerable<(string Url, string Prefix, string Tail)> GeneratedUrls()
    {
        var random = new Random(20261127);
        for (int i = 0; i < Cases; i++)
        {
            string scheme = random.Next(2) == 0 ? "http" : "https";
            string prefix = scheme + "://" + Hosts[random.Next(Hosts.Length)] + "/" + Folders(random);
            var stem = new StringBuilder();
            int stemLength = 1 + random.Next(12);
            for (int c = 0; c < stemLength; c++)
            {
                stem.Append(StemAlphabet[random.Next(StemAlphabet.Length)]);
            }

            string segment = stem + Markers[random.Next(Markers.Length)] + Extensions[random.Next(Extensions.Length)];
            if (segment.StartsWith('.'))
            {
                segment = "n" + segment;
            }

            string tail = Tails[random.Next(Tails.Length)];
            yield return (prefix + segment + tail, prefix, tail);
        }
    }

    private static string Folders(Random random)
    {
        var folders = new StringBuilder();
        int count = random.Next(4);
        for (int f = 0; f < count; f++)
        {
            folders.Append(random.Next(2) == 0 ? "profile_images/" : "x_normal.png/");
        }

        return folders.ToString();
    }

    [Fact]
    public void Varying_the_original_of_any_variant_gives_the_same_variants()
    {
        foreach (var (url, _, _) in GeneratedUrls())
        {
            Assert.Equal(UrlProblem.None, ProfileImageUrl.TryParse(url, out ProfileImageUrl parsed));
            string original = parsed.GetVariantUrl(ProfileImageSize.Original);
            Assert.Equal(UrlProblem.None, ProfileImageUrl.TryParse(original, out ProfileImageUrl fromOriginal));
            foreach (ProfileImageSize size in ProfileImageSize.All)
            {
                string variant = parsed.GetVariantUrl(size);
                Assert.Equal(variant, fromOriginal.GetVariantUrl(size));

                // And a variant read again is that size, with the same family of variants.
                Assert.Equal(UrlProblem.None, ProfileImageUrl.TryParse(variant, out ProfileImageUrl again));
                Assert.Equal(original, again.GetVariantUrl(ProfileImageSize.Original));
            }
        }
    }

    [Fact]
    public void A_variant_changes_nothing_outside_the_last_segment()
    {
        foreach (var (url, prefix, tail) in GeneratedUrls())
        {
            ProfileImageUrl.TryParse(url, out ProfileImageUrl parsed);
            foreach (ProfileImageSize size in ProfileImageSize.All)
            {
                string variant = parsed.GetVariantUrl(size);
                Assert.StartsWith(prefix, variant, StringComparison.Ordinal);
                Assert.EndsWith(tail, variant, StringComparison.Ordinal);
                Assert.DoesNotContain('/', variant.Substring(prefix.Length, variant.Length - prefix.Length - tail.Length));
            }
        }
    }

    [Fact]
    public void Banner_variants_of_any_variant_agree()
    {
        var random = new Random(7);
        for (int i = 0; i < Cases / 10; i++)
        {
            string bare = (random.Next(2) == 0 ? "http" : "https") + "://" + Hosts[random.Next(Hosts.Length)] + "/profile_banners/" + random.Next() + "/" + random.Next();
            string tail = Tails[random.Next(Tails.Length)];
            Assert.Equal(UrlProblem.None, ProfileBannerUrl.TryParse(bare + tail, out ProfileBannerUrl parsed));
            Assert.Equal(bare + tail, parsed.GetBaseUrl());
            foreach (BannerSize size in BannerSize.All)
            {
                string variant = parsed.GetVariantUrl(size);
                Assert.Equal(bare + "/" + size.Name + tail, variant);
                Assert.Equal(UrlProblem.None, ProfileBannerUrl.TryParse(variant, out ProfileBannerUrl again));
                Assert.Same(size, again.Size);
                Assert.Equal(bare + tail, again.GetBaseUrl());
            }
        }
    }
}
