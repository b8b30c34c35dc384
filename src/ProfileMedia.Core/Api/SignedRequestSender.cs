using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Retries;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// Sends one request to X, for the API client and the PIN flow alike: authorizes each attempt afresh (a new OAuth
/// nonce and timestamp, or the Bearer token), times it out, retries what <see cref="RetryRule"/> allows with backoff,
/// waits out a rate limit when asked to (never a usage cap or an empty balance), shows requests on the observer with
/// the Authorization header redacted, and turns every other failure into an <see cref="XApiException"/>. Its
/// HttpClient comes from <see cref="XHttpClient"/>: no redirect followed, no cookie kept.
/// </summary>
internal sealed class SignedRequestSender
{
    // API bodies are small JSON documents; anything larger is not an answer we can use.
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly XApiClientOptions _options;

    public SignedRequestSender(HttpClient http, XApiClientOptions options)
    {
        _http = http;
        _options = options;
    }

    /// <param name="operation">What the user asked for, for messages ("Get user @x").</param>
    /// <param name="method">GET or POST.</param>
    /// <param name="uri">The full request URI with its query; it is signed exactly as sent.</param>
    /// <param name="authorization">Makes each attempt's Authorization header.</param>
    /// <param name="content">Makes the body for each attempt (a fresh file stream each time); null for none.</param>
    /// <param name="retry">What may be sent again: see <see cref="RetryRule"/>.</param>
    /// <param name="call">This call's observer, rate-limit choices and read API.</param>
    /// <param name="cancellationToken">Stops the call, including a rate-limit wait or a retry delay.</param>
    /// <param name="refusal">
    /// Words a final answer that is not 2xx, for endpoints whose refusals mean something of their own (the token
    /// endpoints); null for the API's usual advice.
    /// </param>
    public async Task<ApiAnswer> SendAsync(string operation, HttpMethod method, Uri uri, RequestAuthorization authorization, Func<HttpContent>? content,
        RetryRule retry, ApiCallOptions call, CancellationToken cancellationToken, Func<ApiAnswer, XApiException>? refusal = null)
    {
        bool retryWithoutAnswer = retry == RetryRule.Transient;
        IXApiObserver? observer = call.Observer;
        RateLimitAction rateLimitAction = call.RateLimitAction ?? _options.RateLimitAction;
        TimeSpan maxWait = call.MaxRateLimitWait ?? _options.MaxRateLimitWait;
        int retries = 0;
        bool waitedForRateLimit = false;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            HttpStatusCode status;
            byte[] body;
            RateLimitStatus? rateLimit;
            TimeSpan? retryAfter;
            try
            {
                using var request = new HttpRequestMessage(method, uri);
                request.Content = content?.Invoke();
                request.Headers.TryAddWithoutValidation("Authorization", authorization.HeaderFor(method, uri));
                observer?.Verbose(method.Method + " " + uri.AbsoluteUri);
                observer?.Debug(DescribeHeaders("Request", request.Headers, request.Content?.Headers, authorization.Scheme));

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.Timeout);
                using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                body = await ReadBodyAsync(operation, response, timeout.Token).ConfigureAwait(false);
                status = response.StatusCode;
                rateLimit = RateLimitStatus.FromHeaders(response);
                retryAfter = RetryAfterOf(response, rateLimit);
                observer?.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} in {4} ms{5}", method.Method, uri.AbsoluteUri, (int)status, status, clock.ElapsedMilliseconds,
                    rateLimit == null ? string.Empty : " (rate limit " + rateLimit + ")"));
                observer?.Debug(DescribeHeaders("Response", response.Headers, response.Content?.Headers, authorization.Scheme));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (retryWithoutAnswer && retries < _options.MaxRetries)
                {
                    retries++;
                    await PauseBeforeRetryAsync(observer, retries, null, "no answer within " + _options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s", cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw XApiErrorAdvice.NoAnswer(operation, ErrorIds.Timeout, string.Format(CultureInfo.InvariantCulture, "no answer within {0} s{1}.", _options.Timeout.TotalSeconds, Attempts(retries)), null);
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException)
            {
                if (retryWithoutAnswer && retries < _options.MaxRetries)
                {
                    retries++;
                    await PauseBeforeRetryAsync(observer, retries, null, "connection failed: " + e.Message, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw XApiErrorAdvice.NoAnswer(operation, ErrorIds.ConnectionFailed, "the connection failed" + Attempts(retries) + ": " + MessageText.Reason(e)
                    + (retry == RetryRule.AnsweredFailures ? " The change may or may not have been made." : string.Empty), e,
                    retry == RetryRule.AnsweredFailures ? AdviceKind.CheckBeforeRetrying : AdviceKind.None);
            }

            int code = (int)status;
            if (code >= 200 && code < 300)
            {
                return new ApiAnswer(status, body, rateLimit);
            }

            IReadOnlyList<XApiErrorDetail> errors = ResponseParser.ParseErrors(body);
            XApiProblem? problem = V2ResponseParser.ParseProblem(body);

            // Only the rate limit ends with its window: a usage cap is monthly, and an empty balance (402) never refills itself.
            bool rateLimited = code == 429 && problem?.Name != "usage-capped";
            if (rateLimited && rateLimitAction == RateLimitAction.Wait && !waitedForRateLimit)
            {
                TimeSpan wait = retryAfter ?? TimeSpan.Zero;
                if (retryAfter != null && wait <= maxWait)
                {
                    waitedForRateLimit = true;
                    await WaitForRateLimitAsync(observer, wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (code >= 500 && retry != RetryRule.Never && retries < _options.MaxRetries)
            {
                retries++;
                await PauseBeforeRetryAsync(observer, retries, retryAfter, "HTTP " + code.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw refusal?.Invoke(new ApiAnswer(status, body, rateLimit))
                ?? XApiErrorAdvice.FromAnswer(operation, status, errors, rateLimit, retryAfter, retries + 1, problem, uri,
                    rateLimitAction == RateLimitAction.Wait ? new RateLimitWait(maxWait, waitedForRateLimit) : null);
        }
    }

    private async Task PauseBeforeRetryAsync(IXApiObserver? observer, int retry, TimeSpan? retryAfter, string reason, CancellationToken cancellationToken)
    {
        TimeSpan delay = RetryDelay.For(retry, _options.RetryBaseDelay, retryAfter);
        observer?.Verbose(string.Format(CultureInfo.InvariantCulture, "Retry {0} of {1} in {2} ms: {3}", retry, _options.MaxRetries, (long)delay.TotalMilliseconds, reason));
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitForRateLimitAsync(IXApiObserver? observer, TimeSpan wait, CancellationToken cancellationToken)
    {
        DateTimeOffset until = DateTimeOffset.UtcNow + wait;
        observer?.Verbose("Rate limit reached: waiting until " + RateLimitStatus.Describe(until));
        for (TimeSpan left = wait; left > TimeSpan.Zero; left = until - DateTimeOffset.UtcNow)
        {
            observer?.RateLimitWait(left, wait, until);
            TimeSpan step = left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
            await Task.Delay(step, cancellationToken).ConfigureAwait(false);
        }

        observer?.RateLimitWait(TimeSpan.Zero, wait, until);
    }

    // Retry-After, else a rate-limit reset a second past the mark: the window opens at the reset, not before it.
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, RateLimitStatus? rateLimit) =>
        RetryDelay.AskedFor(response)
        ?? (rateLimit?.Reset is DateTimeOffset reset ? RetryDelay.Positive(reset - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)) : null);

    private static async Task<byte[]> ReadBodyAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content == null)
        {
            return Array.Empty<byte>();
        }

        using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                // The service answered, just not with anything usable: retrying would fetch the same again.
                throw new XApiException(operation + " failed: the answer's body is larger than " + MaxBodyBytes.ToString(CultureInfo.InvariantCulture) + " bytes.",
                    ErrorIds.UnexpectedResponse, response.StatusCode, Array.Empty<XApiErrorDetail>(), RateLimitStatus.FromHeaders(response), null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Attempts(int retries) =>
        retries == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, " after {0} attempts", retries + 1);

    private static string DescribeHeaders(string title, System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? contentHeaders, string scheme)
    {
        var text = new StringBuilder(title).Append(" headers:");
        Append(text, headers, scheme);
        if (contentHeaders != null)
        {
            Append(text, contentHeaders, scheme);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, System.Net.Http.Headers.HttpHeaders headers, string scheme)
    {
        foreach (var header in headers)
        {
            // The Authorization header carries the signature, the Bearer token or the app's secret: only its scheme is shown.
            string value = string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase) ? scheme + " (redacted)" : string.Join(", ", header.Value);
            text.Append("\n  ").Append(header.Key).Append(": ").Append(value);
        }
    }
}
