using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Benchmarks
{
    /// <summary>
    /// Runs benchmark 2 and writes a summary JSON for bench/Invoke-Benchmarks.ps1:
    /// <c>ProfileMedia.Benchmarks --summary &lt;file.json&gt; [--artifacts &lt;dir&gt;] [--quick]</c>.
    /// Before timing anything it checks that the regex baseline gives the core's URLs, and it measures the exact bytes
    /// each workload allocates against the bytes of the result strings alone (BenchmarkDotNet reports bytes, not counts).
    /// </summary>
    public static class Program
    {
        private static readonly ProfileImageSize[] ImageSizes = ProfileImageSize.All.ToArray();
        private static readonly BannerSize[] BannerSizes = BannerSize.All.ToArray();
        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions { WriteIndented = true };

        public static int Main(string[] args)
        {
            string? summaryPath = null;
            string artifacts = Path.Combine(Path.GetTempPath(), "ProfileMedia.Benchmarks");
            bool quick = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--summary" when i + 1 < args.Length:
                        summaryPath = args[++i];
                        break;
                    case "--artifacts" when i + 1 < args.Length:
                        artifacts = args[++i];
                        break;
                    case "--quick":
                        quick = true;
                        break;
                    default:
                        Console.Error.WriteLine("usage: ProfileMedia.Benchmarks --summary <file.json> [--artifacts <dir>] [--quick]");
                        return 2;
                }
            }

            if (!BaselineAgrees())
            {
                return 3;
            }

            Dictionary<string, AllocationCheck> checks = CheckAllocations();

            Job job = (quick ? Job.Dry : Job.Default.WithWarmupCount(3).WithIterationCount(9).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200)))
                .WithLaunchCount(1)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId(quick ? "Dry" : "Short");
            IConfig config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddColumn(StatisticColumn.Median)
                .AddLogger(ConsoleLogger.Default)
                .AddExporter(MarkdownExporter.GitHub, JsonExporter.Full)
                .WithArtifactsPath(artifacts)
                .WithOptions(ConfigOptions.DisableLogFile);

            Summary summary = BenchmarkRunner.Run<VariantBenchmarks>(config);
            var rows = new List<object>();
            foreach (BenchmarkReport report in summary.Reports)
            {
                string method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                checks.TryGetValue(method, out AllocationCheck? check);
                var statistics = report.ResultStatistics;
                long? bdnBytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                rows.Add(new
                {
                    Method = method,
                    Category = report.BenchmarkCase.Descriptor.Categories.FirstOrDefault(),
                    IsBaseline = report.BenchmarkCase.Descriptor.Baseline,
                    VariantsPerOp = report.BenchmarkCase.Descriptor.OperationsPerInvoke,
                    MedianNs = statistics?.Median,
                    MeanNs = statistics?.Mean,
                    StdDevNs = statistics?.StandardDeviation,
                    MinNs = statistics?.Min,
                    MaxNs = statistics?.Max,
                    Iterations = statistics?.N,
                    BdnAllocatedBytesPerVariant = bdnBytes,
                    MeasuredBytesPerVariant = check?.MeasuredBytesPerVariant,
                    ResultStringBytesPerVariant = check?.ResultBytesPerVariant,
                    NewStringsPerVariant = check?.NewStringsPerVariant,
                    ExtraBytesPerOp = check?.ExtraBytesPerOp,
                    ExtraBytesPerVariant = check == null ? (double?)null : check.ExtraBytesPerOp / check.Variants,
                });
            }

            var document = new
            {
                Job = quick ? "Dry (1 iteration: harness check only)" : "in-process, 1 launch, 3 warm-up + 9 measured iterations of 200 ms",
                Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                ImageUrls = Inputs.ImageUrls,
                BannerUrls = Inputs.BannerUrls,
                Benchmarks = rows,
            };
            string json = JsonSerializer.Serialize(document, JsonOptions);
            if (summaryPath != null)
            {
                File.WriteAllText(summaryPath, json);
                Console.WriteLine("Summary written to " + summaryPath);
            }
            else
            {
                Console.WriteLine(json);
            }

            return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 4 : 0;
        }

        /// <summary>The regex baseline must give exactly the core's URL for every input and size, or timing it means nothing.</summary>
        private static bool BaselineAgrees()
        {
            var core = new List<string>();
            var regex = new List<string>();
            string[] images = Inputs.ImageUrls.Concat(RegexBaseline.ExtraImageChecks).ToArray();
            string[] banners = Inputs.BannerUrls.Concat(RegexBaseline.ExtraBannerChecks).ToArray();
            Workloads.ImageCore(images, ImageSizes, core);
            Workloads.ImageRegex(images, ImageSizes, regex);
            Workloads.BannerCore(banners, BannerSizes, core);
            Workloads.BannerRegex(banners, BannerSizes, regex);
            bool agree = true;
            for (int i = 0; i < core.Count; i++)
            {
                if (!string.Equals(core[i], regex[i], StringComparison.Ordinal))
                {
                    Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "Baseline disagrees with the core: core '{0}', regex '{1}'.", core[i], regex[i]));
                    agree = false;
                }
            }

            return agree;
        }

        private static Dictionary<string, AllocationCheck> CheckAllocations()
        {
            ProfileImageUrl[] parsed = Inputs.ParseImages(Inputs.ImageUrls);
            ProfileBannerUrl[] parsedBanners = Inputs.ParseBanners(Inputs.BannerUrls);

            var checks = new Dictionary<string, AllocationCheck>(StringComparer.Ordinal)
            {
                [nameof(VariantBenchmarks.ImageCore)] = Measure(Inputs.ImageUrls, sink => Workloads.ImageCore(Inputs.ImageUrls, ImageSizes, sink)),
                [nameof(VariantBenchmarks.ImageCorePreParsed)] = Measure(Inputs.ImageUrls, sink => Workloads.ImageCorePreParsed(parsed, ImageSizes, sink)),
                [nameof(VariantBenchmarks.ImageRegex)] = Measure(Inputs.ImageUrls, sink => Workloads.ImageRegex(Inputs.ImageUrls, ImageSizes, sink)),
                [nameof(VariantBenchmarks.BannerCore)] = Measure(Inputs.BannerUrls, sink => Workloads.BannerCore(Inputs.BannerUrls, BannerSizes, sink)),
                [nameof(VariantBenchmarks.BannerCorePreParsed)] = Measure(Inputs.BannerUrls, sink => Workloads.BannerCorePreParsed(parsedBanners, BannerSizes, sink)),
                [nameof(VariantBenchmarks.BannerRegex)] = Measure(Inputs.BannerUrls, sink => Workloads.BannerRegex(Inputs.BannerUrls, BannerSizes, sink)),
            };
            foreach (KeyValuePair<string, AllocationCheck> entry in checks)
            {
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "allocation check {0,-20} {1,8:0.##} B/variant allocated, {2,8:0.##} B/variant in result strings, {3:0.##} new strings/variant",
                    entry.Key,
                    entry.Value.MeasuredBytesPerVariant,
                    entry.Value.ResultBytesPerVariant,
                    entry.Value.NewStringsPerVariant));
            }

            return checks;
        }

        /// <summary>
        /// Exact bytes per variant from the thread's allocation counter over many calls, and the bytes of the result
        /// strings alone (measured by copying each new result once, so no object-size arithmetic is assumed).
        /// </summary>
        private static AllocationCheck Measure(string[] inputs, Func<List<string>?, int> workload)
        {
            var results = new List<string>();
            workload(results);
            int variants = results.Count;
            var newStrings = results.Where(result => !inputs.Any(input => ReferenceEquals(input, result))).ToArray();

            var copies = new string[newStrings.Length];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < newStrings.Length; i++)
            {
                copies[i] = new string(newStrings[i].AsSpan());
            }

            long resultBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(copies);

            const int Calls = 20_000;
            for (int i = 0; i < Calls; i++)
            {
                workload(null); // warm up, so tiering is done before counting
            }

            before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Calls; i++)
            {
                workload(null);
            }

            long measured = GC.GetAllocatedBytesForCurrentThread() - before;

            // Whole bytes per operation beyond the results: any real extra allocation is at least 24 B per operation.
            double extraPerOp = Math.Round(((double)measured / Calls) - resultBytes);
            return new AllocationCheck(
                variants,
                (double)measured / Calls / variants,
                (double)resultBytes / variants,
                (double)newStrings.Length / variants,
                extraPerOp);
        }

        private sealed record AllocationCheck(int Variants, double MeasuredBytesPerVariant, double ResultBytesPerVariant, double NewStringsPerVariant, double ExtraBytesPerOp);
    }
}
