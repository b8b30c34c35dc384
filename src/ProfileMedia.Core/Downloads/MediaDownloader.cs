using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Retries;
using ProfileMedia.Core.Text;

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
    private const int MaxRedirects = 10;

    private readonly MediaDownloaderOptions _options;
    private readonly HttpClient _http;
    private readonly TimeSpan _fileDeadline;

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

        // Ten silent periods: 5 minutes with the default time-out, ample for any profile image or banner on a slow link.
        _fileDeadline = _options.FileDeadline
            ?? (_options.Timeout == System.Threading.Timeout.InfiniteTimeSpan ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(_options.Timeout.Ticks * 10));
        if (_fileDeadline <= TimeSpan.Zero && _fileDeadline != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("FileDeadline must be positive.", nameof(options));
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
    /// Downloads <see cref="DownloadRequest.Url"/> into its folder as <see cref="DownloadRequest.FileNameWithoutExtension"/>
    /// plus the extension the bytes show (<see cref="ImageExtension"/>). Never throws for a failed download: the outcome
    /// says what happened. Throws only for a programming error (null, unsafe name) and for cancellation.
    /// </summary>
    /// <param name="request">What to fetch and where to put it.</param>
    /// <param name="cancellationToken">Stops the download; the partial file is deleted and OperationCanceledException thrown.</param>
    public async Task<MediaSaveResult> DownloadAsync(DownloadRequest request, CancellationToken cancellationToken)
    {
        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (!MediaFileName.IsSafeStem(request.FileNameWithoutExtension))
        {
            throw new ArgumentException("The file name must come from MediaFileName: 1 to " + MediaFileName.MaxStemLength.ToString(CultureInfo.InvariantCulture)
                + " characters of A-Z, a-z, 0-9, '_' and '-', and no Windows device name.", nameof(request));
        }

        string url = request.Url;
        cancellationToken.ThrowIfCancellationRequested();
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return AttemptResult.Failure(null, "it is not an absolute http or https URL").ToOutcome(url, 0);
        }

        string? knownExtension = MediaFileName.AcceptedExtension(request.UrlExtension);
        try
        {
            // Told before any request: no download can take the place of a folder, with -Force or without.
            string? folder = request.Folder.FindFolderInTheWay(request.FileNameWithoutExtension, knownExtension);
            if (folder != null)
            {
                return AttemptResult.Failure(null, "a folder has the name it would be saved under (" + folder + ")", ErrorIds.TargetIsDirectory).ToOutcome(url, 0);
            }

            string? existing = request.Overwrite ? null : request.Folder.FindExisting(request.FileNameWithoutExtension, knownExtension);
            if (existing != null)
            {
                return AttemptResult.Exists(null, existing).ToOutcome(url, 0);
            }
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return AttemptResult.Failure(null, "the folder " + request.Folder + " cannot be used: " + e.Message).ToOutcome(url, 0);
        }

        // The whole file, retries included, has a deadline besides the per-read time-out: a host that sends one byte
        // just often enough to beat the time-out must not hold a download open for ever.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_fileDeadline);
        for (int attempt = 1; ; attempt++)
        {
            AttemptResult result = await AttemptAsync(uri, request, knownExtension, deadline, cancellationToken).ConfigureAwait(false);
            if (!result.Retryable || attempt > _options.MaxRetries)
            {
                return result.ToOutcome(url, attempt);
            }

            TimeSpan delay = RetryDelay.For(attempt, _options.RetryBaseDelay, result.RetryAfter);
            request.Verbose?.Invoke(string.Format(CultureInfo.InvariantCulture, "Retry {0} of {1} for {2} in {3} ms: {4}", attempt, _options.MaxRetries, UrlText.Shown(url),
                (long)delay.TotalMilliseconds, result.Reason));
            try
            {
                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return PastDeadline().ToOutcome(url, attempt);
            }
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _http.Dispose();

    // One request: open (status and length, following redirects), copy (the body into a hidden temporary file, checked to
    // be a complete image), commit (rename into place). File-system failures are caught where the file is touched, so a
    // network IOException is never taken for one.
    private async Task<AttemptResult> AttemptAsync(Uri uri, DownloadRequest request, string? knownExtension, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        using var copy = new PartialCopy(request);
        HttpResponseMessage? response = null;
        try
        {
            AttemptResult? refused;
            (response, refused) = await OpenAsync(uri, request, stall).ConfigureAwait(false);
            if (refused != null)
            {
                return refused;
            }

            // .NET Framework's response stream ignores the token once a read has started; disposing the response ends a stalled read there.
            using CancellationTokenRegistration abort = stall.Token.Register(response!.Dispose);
            int code = (int)response.StatusCode;
            AttemptResult? failed = await CopyAsync(response, code, copy, stall, cancellationToken).ConfigureAwait(false);
            if (failed != null)
            {
                return failed;
            }

            if (knownExtension != null && !string.Equals(knownExtension, copy.Extension, StringComparison.Ordinal))
            {
                request.Verbose?.Invoke("The URL " + UrlText.Shown(request.Url) + " says " + knownExtension + " but the bytes are " + copy.Extension + ": saving as " + copy.Extension + ".");
            }

            return copy.Commit(code);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && (IsNetworkError(e) || IsFileSystemError(e)))
        {
            // The user's cancellation surfaced as a disposed or broken stream: report it as the cancellation it is.
            throw new OperationCanceledException("The download of " + UrlText.Shown(request.Url) + " was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && (e is OperationCanceledException || IsNetworkError(e)))
        {
            return PastDeadline();
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
            response?.Dispose();
        }
    }

    // Sends the request and follows redirects here rather than in the handler, so that each hop is checked: only http
    // and https, never from https down to http, at most MaxRedirects. Returns the final answer, or why there is none.
    private async Task<(HttpResponseMessage? Response, AttemptResult? Refused)> OpenAsync(Uri uri, DownloadRequest request, CancellationTokenSource stall)
    {
        Uri current = uri;
        for (int hops = 0; ; hops++)
        {
            stall.CancelAfter(_options.Timeout);
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            using (var message = new HttpRequestMessage(HttpMethod.Get, current))
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
            }

            int code = (int)response.StatusCode;
            request.Verbose?.Invoke(string.Format(CultureInfo.InvariantCulture, "GET {0} -> {1} in {2} ms", UrlText.Shown(current.OriginalString), Describe(code), clock.ElapsedMilliseconds));
            if (!IsRedirect(code) || response.Headers.Location == null)
            {
                AttemptResult? refused = Open(response, code);
                if (refused != null)
                {
                    response.Dispose();
                    return (null, refused);
                }

                return (response, null);
            }

            Uri location = response.Headers.Location;
            response.Dispose();
            Uri next = location.IsAbsoluteUri ? location : new Uri(current, location);
            string shown = UrlText.Shown(next.OriginalString);
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            {
                return (null, AttemptResult.Failure(code, "it redirects to " + shown + ", which is not an http or https URL"));
            }

            if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
            {
                return (null, AttemptResult.Failure(code, "it redirects from https to the plain http URL " + shown));
            }

            if (hops == MaxRedirects)
            {
                return (null, AttemptResult.Failure(code, "it redirects more than " + MaxRedirects.ToString(CultureInfo.InvariantCulture) + " times"));
            }

            current = next;
        }
    }

    // The answer's status and announced length, before any byte is read.
    private AttemptResult? Open(HttpResponseMessage response, int code)
    {
        if (code < 200 || code > 299)
        {
            return Classify(response, code);
        }

        return response.Content?.Headers.ContentLength > _options.MaxFileBytes ? TooLarge(code) : null;
    }

    // The body into the temporary file, checked as it comes: the size limit, and an image signature in the first bytes.
    private async Task<AttemptResult?> CopyAsync(HttpResponseMessage response, int code, PartialCopy copy, CancellationTokenSource stall, CancellationToken cancellationToken)
    {
        long? expected = response.Content?.Headers.ContentLength;
        using Stream body = response.Content == null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        if (copy.Create(cancellationToken) is AttemptResult unwritable)
        {
            return unwritable;
        }

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

            if (copy.Received + read > _options.MaxFileBytes)
            {
                return TooLarge(code);
            }

            if (headerCount < header.Length)
            {
                int take = Math.Min(read, header.Length - headerCount);
                Buffer.BlockCopy(buffer, 0, header, headerCount, take);
                headerCount += take;

                // Stop at once on an HTML page or the like: not worth downloading, and never saved as an image.
                if (headerCount == header.Length && (copy.Extension = ImageExtension.FromBytes(header, headerCount)) == null)
                {
                    return NotAnImage(code);
                }
            }

            if (await copy.WriteAsync(buffer, read, cancellationToken).ConfigureAwait(false) is AttemptResult writeFailed)
            {
                return writeFailed;
            }
        }

        // HttpClient on .NET checks this itself; .NET Framework may hand over a short body as if it were whole.
        if (expected is long length && copy.Received != length)
        {
            return AttemptResult.Transient(code, string.Format(CultureInfo.InvariantCulture, "the body ended after {0} of {1} bytes", copy.Received, length));
        }

        copy.Extension ??= ImageExtension.FromBytes(header, headerCount);
        if (copy.Extension == null)
        {
            return NotAnImage(code);
        }

        return copy.Finish(code, cancellationToken);
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
            // Redirects with a Location are followed in OpenAsync; this one says nowhere to go (or is 304, 305...).
            return AttemptResult.Failure(code, reason + ", a redirect without a place to go");
        }

        return AttemptResult.Failure(code, reason);
    }

    private AttemptResult TooLarge(int code) =>
        AttemptResult.Failure(code, "the file is larger than the limit of " + _options.MaxFileBytes.ToString(CultureInfo.InvariantCulture) + " bytes");

    private AttemptResult PastDeadline() =>
        AttemptResult.Failure(null, "the file did not arrive within " + _fileDeadline.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s, the limit for one file");

    private static bool IsRedirect(int code) => code == 301 || code == 302 || code == 303 || code == 307 || code == 308;

    private static AttemptResult NotAnImage(int code) =>
        AttemptResult.Failure(code, "the answer is not a PNG, JPEG, GIF or WebP image");

    private static string Describe(int code) =>
        code.ToString(CultureInfo.InvariantCulture) + (Enum.IsDefined(typeof(HttpStatusCode), code) ? " (" + (HttpStatusCode)code + ")" : string.Empty);

    private static bool IsNetworkError(Exception e) => e is HttpRequestException || e is IOException || e is ObjectDisposedException;

    private static bool IsFileSystemError(Exception e) => WriteFailure.IsFileSystemError(e);

    private static HttpClientHandler CreateHandler(MediaDownloaderOptions options) => new HttpClientHandler
    {
        // Media CDNs may redirect: OpenAsync follows them itself, checking each hop's scheme (the handler would follow an
        // ftp: Location as if it were http). No credentials are ever attached. Certificate validation stays on: there is
        // no callback to weaken it.
        AllowAutoRedirect = false,
        UseCookies = false,
        UseDefaultCredentials = false,

        // Images are compressed already; decompressing would also make Content-Length describe other bytes than those read.
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = options.MaxConnections,
    };
}
