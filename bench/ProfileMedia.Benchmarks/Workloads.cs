using System;
using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Benchmarks
{
    /// <summary>
    /// The timed work, shared by the BenchmarkDotNet class and the exact allocation check. Sizes come in as arrays so
    /// the loops themselves allocate nothing (foreach over an IReadOnlyList would box an enumerator).
    /// </summary>
    internal static class Workloads
    {
        /// <summary>Parses each URL once, then computes every size: what Get-ProfileImageVariant does per input.</summary>
        public static int ImageCore(string[] urls, ProfileImageSize[] sizes, List<string>? sink = null)
        {
            int total = 0;
            foreach (string value in urls)
            {
                if (ProfileImageUrl.TryParse(value, out ProfileImageUrl url) != UrlProblem.None)
                {
                    throw new InvalidOperationException("Benchmark input is not a profile image URL: " + value);
                }

                foreach (ProfileImageSize size in sizes)
                {
                    string variant = url.GetVariantUrl(size);
                    total += variant.Length;
                    sink?.Add(variant);
                }
            }

            return total;
        }

        /// <summary>Only the variant step, on URLs parsed beforehand: splits the core's cost into parse and splice.</summary>
        public static int ImageCorePreParsed(ProfileImageUrl[] urls, ProfileImageSize[] sizes, List<string>? sink = null)
        {
            int total = 0;
            foreach (ProfileImageUrl url in urls)
            {
                foreach (ProfileImageSize size in sizes)
                {
                    string variant = url.GetVariantUrl(size);
                    total += variant.Length;
                    sink?.Add(variant);
                }
            }

            return total;
        }

        /// <summary>The regex baseline over the same URLs and sizes.</summary>
        public static int ImageRegex(string[] urls, ProfileImageSize[] sizes, List<string>? sink = null)
        {
            int total = 0;
            foreach (string value in urls)
            {
                foreach (ProfileImageSize size in sizes)
                {
                    string variant = RegexBaseline.ImageVariant(value, size);
                    total += variant.Length;
                    sink?.Add(variant);
                }
            }

            return total;
        }

        /// <summary>Parses each banner URL once, then computes all nine sizes.</summary>
        public static int BannerCore(string[] urls, BannerSize[] sizes, List<string>? sink = null)
        {
            int total = 0;
            foreach (string value in urls)
            {
                if (ProfileBannerUrl.TryParse(value, out ProfileBannerUrl url) != UrlProblem.None)
                {
                    throw new InvalidOperationException("Benchmark input is not a profile banner URL: " + value);
                }

                foreach (BannerSize size in sizes)
                {
                    string variant = url.GetVariantUrl(size);
                    total += variant.Length;
                    sink?.Add(variant);
                }
            }

            return total;
        }

        /// <summary>Only the banner variant step, on URLs parsed beforehand.</summary>
        public static int BannerCorePreParsed(ProfileBannerUrl[] urls, BannerSize[] sizes, List<string>? sink = null)
        {
            int total = 0;
            foreach (ProfileBannerUrl url in urls)
            {
                foreach (BannerSize size in sizes)
                {
                    string variant = url.GetVariantUrl(size);
                    total += variant.Length;
                    sink?.Add(variant);
                }
            }

            return total;
        }

        /// <summary>The regex-and-concatenation baseline over the same banner URLs and sizes.</summary>
        public static int BannerRegex(string[] urls, BannerSize[] sizes, List<string>? sink = null)
        {
            int total = 0;
            foreach (string value in urls)
            {
                foreach (BannerSize size in sizes)
                {
                    string variant = RegexBaseline.BannerVariant(value, size);
                    total += variant.Length;
                    sink?.Add(variant);
                }
            }

            return total;
        }
    }
}
