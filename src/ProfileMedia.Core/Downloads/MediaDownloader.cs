using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Retries;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Downloads media files (profile images, banners) from their public hosts into a folder, over one shared
/// <see cref="HttpClient"/>. A file appears under its final name complete or not at all: the body goes to a hidden
/// temporary file in the same folder, which is renamed into place only when every byte has arrived. Thread-safe:
/// many downloads may run at once on one downloader.
/// </summary>
internal sealed class MediaDownloader : IDisposable
{
    private const int BufferSize = 81920;

    private readonly MediaDownloaderOptions _options;
    private readonly HttpClient _http;

    /// <summary>Creates a downloader; it owns <see cref="MediaDownloaderOptions.Handler"/> when one is given.</summary>
    public MediaDownloader(MediaDownloaderOptions options)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _options = options.Clone();
        if (_options.Timeout <= TimeSpan.Zero && _options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Timeout must be positive.", nameof(options));
        }

        if (_options.MaxRetries < 0 || _options.RetryBaseDelay < TimeSpan.Zero || _options.MaxConnections < 1 || _options.MaxFileBytes < 1)
        {
            throw new ArgumentException("MaxRetries and RetryBaseDelay must not be negative; MaxConnections and MaxFileBytes must be positive.", nameof(options));
        }

        // Time-outs are per read (see MediaDownloaderOptions.Timeout), so HttpClient's own whole-request timer is off.
        _http = new HttpClient(_options.Handler ?? CreateHandler(_options), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("ProfileMedia/" + typeof(MediaDownloader).Assembly.GetName().Version?.ToString(3));
    }

    /// <summary>
    /// Downloads <paramref name="url"/> into <paramref name="destinationFolder"/> as <paramref name="fileNameWithoutExtension"/>
    /// plus the extension the bytes show (<see cref="ImageExtension"/>). Never throws for a failed download: the outcome says
    /// what happened. Throws only for a programming error (null, unsafe name, relative folder) and for cancellation.
    /// </summary>
    /// <param name="url">An absolute http or https URL; anything else fails without a request.</param>
    /// <param name="destinationFolder">An absolute folder path (resolve PowerShell paths first: the process's current directory is not $PWD); created when missing.</param>
    /// <param name="fileNameWithoutExtension">A name from <see cref="MediaFileName"/>; any name <see cref="MediaFileName.IsSafeStem"/> rejects is an ArgumentException.</param>
    /// <param name="urlExtension">
    /// The URL's extension, or null (banners). When it is an image extension and the file exists without
    /// <paramref name="overwrite"/>, the outcome is Exists with no request; with no extension, a file of this name with
    /// any image extension counts. If the bytes show another format, the bytes win and the file is named after them.
    /// </param>
    /// <param name="overwrite">Replace an existing file (atomically) instead of leaving it.</param>
    /// <param name="bytesReceived">
    /// Called on a thread-pool thread with the number of bytes that just arrived (a delta, so one running total can
    /// serve many concurrent downloads). When an attempt ends without saving its file it is called once with minus
    /// that attempt's bytes, so the running total counts only files saved and downloads under way.
    /// </param>
    /// <param name="verbose">Called on a thread-pool thread with a line for the verbose stream: each request and its status, each retry.</param>
    /// <param name="cancellationToken">Stops the download; the partial file is deleted and OperationCanceledException thrown.</param>
    public async Task<DownloadOutcome> DownloadAsync(string url, string destinationFolder, string fileNameWithoutExtension, string? urlExtension, bool overwrite,
        Action<long>? bytesReceived, Action<string>? verbose, CancellationToken cancellationToken)
    {
        if (url == null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (destinationFolder == null)
        {
            throw new ArgumentNullException(nameof(destinationFolder));
        }

        if (!MediaFileName.IsSafeStem(fileNameWithoutExtension))
        {
            throw new ArgumentException("The file name must come from MediaFileName: 1 to " + MediaFileName.MaxStemLength.ToString(CultureInfo.InvariantCulture)
                + " characters of A-Z, a-z, 0-9, '_' and '-', and no Windows device name.", nameof(fileNameWithoutExtension));
        }

        if (!Path.IsPathRooted(destinationFolder))
        {
            throw new ArgumentException("The destination folder must be an absolute path.", nameof(destinationFolder));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return AttemptResult.Failure(null, "it is not an absolute http or https URL").ToOutcome(url, 0);
        }

        string? knownExtension = MediaFileName.AcceptedExtension(urlExtension);
        string folder;
        try
        {
            folder = DestinationFolder.Prepare(destinationFolder);
            string? existing = overwrite ? null : DestinationFolder.FindExisting(folder, fileNameWithoutExtension, knownExtension);
            if (existing != null)
            {
                return AttemptResult.Exists(null, existing).ToOutcome(url, 0);
            }
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return AttemptResult.Failure(null, "the folder " + destinationFolder + " cannot be used: " + e.Message).ToOutcome(url, 0);
        }

        for (int attempt = 1; ; attempt++)
        {
            AttemptResult result = await AttemptAsync(uri, folder, fileNameWithoutExtension, knownExtension, overwrite, bytesReceived, verbose, cancellationToken).ConfigureAwait(false);
            if (!result.Retryable || attempt > _options.MaxRetries)
            {
                return result.ToOutcome(url, attempt);
            }

            TimeSpan delay = RetryDelay.For(attempt, _options.RetryBaseDelay, result.RetryAfter);
            verbose?.Invoke(string.Format(CultureInfo.InvariantCulture, "Retry {0} of {1} for {2} in {3} ms: {4}", attempt, _options.MaxRetries, uri.AbsoluteUri,
                (long)delay.TotalMilliseconds, result.Reason));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _http.Dispose();

    private async Task<AttemptResult> AttemptAsync(Uri uri, string folder, string stem, string? knownExtension, bool overwrite,
        Action<long>? bytesReceived, Action<string>? verbose, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? tempPath = null;
        long received = 0;
        bool committed = false;
        bool touchingFile = true;
        try
        {
            // Hidden (leading dot), random (concurrent downloads of one name never share it), and in the destination
            // folder so the final rename never crosses a volume.
            tempPath = DestinationFolder.PathOf(folder, "." + stem + "." + Guid.NewGuid().ToString("N") + ".partial");
            touchingFile = false;
            stall.CancelAfter(_options.Timeout);
            var clock = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);

            // .NET Framework's response stream ignores the token once a read has started; disposing the response ends a stalled read there.
            using CancellationTokenRegistration abort = stall.Token.Register(response.Dispose);
            int code = (int)response.StatusCode;
            verbose?.Invoke(string.Format(CultureInfo.InvariantCulture, "GET {0} -> {1} in {2} ms", uri.AbsoluteUri, Describe(code), clock.ElapsedMilliseconds));
            if (code < 200 || code > 299)
            {
                return Classify(response, code);
            }

            long? expected = response.Content?.Headers.ContentLength;
            if (expected > _options.MaxFileBytes)
            {
                return TooLarge(code);
            }

            using Stream body = response.Content == null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            string? extension = null;
            touchingFile = true;
            using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                touchingFile = false;
                byte[] buffer = new byte[BufferSize];
                byte[] header = new byte[ImageExtension.HeaderLength];
                int headerCount = 0;
                while (true)
                {
                    stall.CancelAfter(_options.Timeout);
                    int read = await body.ReadAsync(buffer, 0, buffer.Length, stall.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    if (received + read > _options.MaxFileBytes)
                    {
                        return TooLarge(code);
                    }

                    if (headerCount < header.Length)
                    {
                        int take = Math.Min(read, header.Length - headerCount);
                        Buffer.BlockCopy(buffer, 0, header, headerCount, take);
                        headerCount += take;

                        // Stop at once on an HTML page or the like: not worth downloading, and never saved as an image.
                        if (headerCount == header.Length && (extension = ImageExtension.FromBytes(header, headerCount)) == null)
                        {
                            return NotAnImage(code);
                        }
                    }

                    touchingFile = true;
                    await file.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    touchingFile = false;
                    received += read;
                    bytesReceived?.Invoke(read);
                }

                // HttpClient on .NET checks this itself; .NET Framework may hand over a short body as if it were whole.
                if (expected is long length && received != length)
                {
                    return AttemptResult.Transient(code, string.Format(CultureInfo.InvariantCulture, "the body ended after {0} of {1} bytes", received, length));
                }

                extension ??= ImageExtension.FromBytes(header, headerCount);
                if (extension == null)
                {
                    return NotAnImage(code);
                }

                touchingFile = true;
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (knownExtension != null && !string.Equals(knownExtension, extension, StringComparison.Ordinal))
            {
                verbose?.Invoke("The URL " + uri.AbsoluteUri + " says " + knownExtension + " but the bytes are " + extension + ": saving as " + extension + ".");
            }

            string finalPath = DestinationFolder.PathOf(folder, stem + extension);
            if (!FileCommit.MoveIntoPlace(tempPath, finalPath, overwrite))
            {
                return AttemptResult.Exists(code, finalPath);
            }

            committed = true;
            return AttemptResult.Saved(code, finalPath, received);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && (IsNetworkError(e) || IsFileSystemError(e)))
        {
            // The user's cancellation surfaced as a disposed or broken stream: report it as the cancellation it is.
            throw new OperationCanceledException("The download of " + uri.AbsoluteUri + " was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (touchingFile && IsFileSystemError(e))
        {
            return AttemptResult.Failure(null, "the file could not be written in " + folder + ": " + e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException || (e is ObjectDisposedException && stall.IsCancellationRequested))
        {
            return AttemptResult.Transient(null, "no data within " + _options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        }
        catch (Exception e) when (IsNetworkError(e))
        {
            return AttemptResult.Transient(null, "the connection failed: " + e.Message);
        }
        finally
        {
            if (!committed)
            {
                if (tempPath != null)
                {
                    DestinationFolder.TryDelete(tempPath);
                }

                if (received > 0)
                {
                    bytesReceived?.Invoke(-received);
                }
            }
        }
    }

    private static AttemptResult Classify(HttpResponseMessage response, int code)
    {
        string reason = "HTTP " + Describe(code);
        if (code == 403 || code == 404 || code == 410)
        {
            return AttemptResult.Outdated(code, reason);
        }

        if (code >= 500 || code == 408 || code == 429)
        {
            return AttemptResult.Transient(code, reason, RetryDelay.AskedFor(response));
        }

        if (code >= 300 && code < 400)
        {
            // The handler follows http and https redirects; one it did not follow leads elsewhere (file:, https to http, too many hops).
            return AttemptResult.Failure(code, reason + ", a redirect that was not followed");
        }

        return AttemptResult.Failure(code, reason);
    }

    private AttemptResult TooLarge(int code) =>
        AttemptResult.Failure(code, "the file is larger than the limit of " + _options.MaxFileBytes.ToString(CultureInfo.InvariantCulture) + " bytes");

    private static AttemptResult NotAnImage(int code) =>
        AttemptResult.Failure(code, "the answer is not a PNG, JPEG, GIF or WebP image");

    private static string Describe(int code) =>
        code.ToString(CultureInfo.InvariantCulture) + (Enum.IsDefined(typeof(HttpStatusCode), code) ? " (" + (HttpStatusCode)code + ")" : string.Empty);

    private static bool IsNetworkError(Exception e) => e is HttpRequestException || e is IOException || e is ObjectDisposedException;

    private static bool IsFileSystemError(Exception e) =>
        e is IOException || e is UnauthorizedAccessException || e is SecurityException || e is NotSupportedException || e is ArgumentException;

    private static HttpClientHandler CreateHandler(MediaDownloaderOptions options) => new HttpClientHandler
    {
        // Media CDNs may redirect; the handler follows only http and https targets. No credentials are ever attached,
        // so a redirect carries nothing. Certificate validation stays on: there is no callback to weaken it.
        AllowAutoRedirect = true,
        UseCookies = false,
        UseDefaultCredentials = false,

        // Images are compressed already; decompressing would also make Content-Length describe other bytes than those read.
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = options.MaxConnections,
    };
}
