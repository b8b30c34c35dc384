using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Benchmarks
{
    /// <summary>
    /// Benchmark 2: one operation computes every size of every input URL; OperationsPerInvoke divides the time and the
    /// allocated bytes by the number of variants, so BenchmarkDotNet reports them per variant.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class VariantBenchmarks
    {
        /// <summary>4 image URLs x 6 sizes.</summary>
        public const int ImageVariantsPerOp = 24;

        /// <summary>2 banner URLs x 9 sizes.</summary>
        public const int BannerVariantsPerOp = 18;

        private readonly string[] _imageUrls = Inputs.ImageUrls;
        private readonly string[] _bannerUrls = Inputs.BannerUrls;
        private readonly ProfileImageSize[] _imageSizes = ProfileImageSize.All.ToArray();
        private readonly BannerSize[] _bannerSizes = BannerSize.All.ToArray();
        private ProfileImageUrl[] _parsedImages = Array.Empty<ProfileImageUrl>();
        private ProfileBannerUrl[] _parsedBanners = Array.Empty<ProfileBannerUrl>();

        /// <summary>Parses the inputs for the pre-parsed case and checks the per-invoke constants still fit the inputs.</summary>
        [GlobalSetup]
        public void Setup()
        {
            if (_imageUrls.Length * _imageSizes.Length != ImageVariantsPerOp || _bannerUrls.Length * _bannerSizes.Length != BannerVariantsPerOp)
            {
                throw new InvalidOperationException("The variants-per-operation constants no longer match the inputs and sizes.");
            }

            _parsedImages = Inputs.ParseImages(_imageUrls);
            _parsedBanners = Inputs.ParseBanners(_bannerUrls);
        }

        /// <summary>All six image sizes through the core, parse included (what the cmdlet does per URL).</summary>
        [Benchmark(OperationsPerInvoke = ImageVariantsPerOp)]
        [BenchmarkCategory("Image")]
        public int ImageCore() => Workloads.ImageCore(_imageUrls, _imageSizes);

        /// <summary>All six image sizes through the core, URLs parsed beforehand: the variant step alone.</summary>
        [Benchmark(OperationsPerInvoke = ImageVariantsPerOp)]
        [BenchmarkCategory("Image")]
        public int ImageCorePreParsed() => Workloads.ImageCorePreParsed(_parsedImages, _imageSizes);

        /// <summary>All six image sizes through the Regex.Replace baseline.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = ImageVariantsPerOp)]
        [BenchmarkCategory("Image")]
        public int ImageRegex() => Workloads.ImageRegex(_imageUrls, _imageSizes);

        /// <summary>All nine banner sizes through the core, parse included.</summary>
        [Benchmark(OperationsPerInvoke = BannerVariantsPerOp)]
        [BenchmarkCategory("Banner")]
        public int BannerCore() => Workloads.BannerCore(_bannerUrls, _bannerSizes);

        /// <summary>All nine banner sizes through the core, URLs parsed beforehand.</summary>
        [Benchmark(OperationsPerInvoke = BannerVariantsPerOp)]
        [BenchmarkCategory("Banner")]
        public int BannerCorePreParsed() => Workloads.BannerCorePreParsed(_parsedBanners, _bannerSizes);

        /// <summary>All nine banner sizes through the regex-and-concatenation baseline.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = BannerVariantsPerOp)]
        [BenchmarkCategory("Banner")]
        public int BannerRegex() => Workloads.BannerRegex(_bannerUrls, _bannerSizes);
    }
}
