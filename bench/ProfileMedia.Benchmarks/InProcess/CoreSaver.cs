using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Benchmarks.InProcess
{
    /// <summary>
    /// Benchmark 5's case (c), loaded into pwsh from this assembly: the module's own download code (MediaSaver over
    /// MediaDownloader, set up as Save-ProfileMedia sets them up without a connection) driven from C#, with no parameter
    /// binding, dispatcher, provider FileInfo or progress. Here because those types are internal to ProfileMedia.Core.
    /// </summary>
    public sealed class CoreSaver
    {
        private readonly MediaRequest[] requests;

        /// <summary>Turns the variants (ProfileImageVariant or ProfileBannerVariant) into requests once, untimed.</summary>
        public CoreSaver(IReadOnlyList<object> variants)
        {
            ArgumentNullException.ThrowIfNull(variants);
            requests = new MediaRequest[variants.Count];
            for (int i = 0; i < variants.Count; i++)
            {
                requests[i] = variants[i] switch
                {
                    ProfileImageVariant image => MediaRequest.From(image),
                    ProfileBannerVariant banner => MediaRequest.From(banner),
                    _ => throw new ArgumentException("Item " + i + " is neither a ProfileImageVariant nor a ProfileBannerVariant.", nameof(variants)),
                };
            }
        }

        /// <summary>Saves every file into the folder, all requests started at once; throws unless each one was saved.</summary>
        public int SaveAll(string folder, int concurrency)
        {
            using var downloader = new MediaDownloader(new MediaDownloaderOptions { MaxConnections = concurrency });
            using var saver = new MediaSaver(downloader, folder, false, false, concurrency, null);
            var tasks = new Task<MediaSaveResult>[requests.Length];
            for (int i = 0; i < requests.Length; i++)
            {
                tasks[i] = saver.SaveAsync(requests[i], null, null, CancellationToken.None);
            }

            int saved = 0;
            foreach (MediaSaveResult result in Task.WhenAll(tasks).GetAwaiter().GetResult())
            {
                if (result.Status != DownloadStatus.Saved)
                {
                    throw new InvalidOperationException(result.Url + ": " + result.Message);
                }

                saved++;
            }

            return saved;
        }
    }
}
