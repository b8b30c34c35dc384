using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Activity;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The X Activity API: /2/activity/subscriptions (one subscription per event type and user) and the persistent
/// /2/activity/stream. Both take only the app-only Bearer token. Requests go through the same sender as every other
/// call (retries, rate limits, error advice); only the stream, which never ends by itself, is read here.
/// </summary>
internal sealed partial class XApiClient
{
    /// <summary>Subscriptions a bulk delete may name; the emulator's reading, as X does not publish it.</summary>
    public const int MaxIdsPerDelete = 100;

    private const int SubscriptionPageSize = 100;

    /// <summary>Creates the subscription for one user and kind. A second one for the same is AlreadyWatched, past the limit SubscriptionLimitReached.</summary>
    public async Task<ProfileMediaWatch> CreateWatchAsync(string userId, ProfileMediaWatchKind kind, string? tag, ApiCallOptions call, CancellationToken cancellationToken)
    {
        string operation = "Watch the " + (kind == ProfileMediaWatchKind.Image ? "profile image" : "banner") + " of user " + userId;
        var body = new StringBuilder("{\"event_type\":\"").Append(WatchEventTypes.Of(kind)).Append("\",\"filter\":{\"user_id\":");
        JsonLine.AppendString(body, userId).Append('}');
        if (tag != null)
        {
            JsonLine.AppendString(body.Append(",\"tag\":"), tag);
        }

        string json = body.Append('}').ToString();
        ApiAnswer answer;
        try
        {
            // Not retried without an answer: the service may have created it, and a retry would then be refused as a duplicate.
            answer = await _sender.SendAsync(operation, HttpMethod.Post, Endpoint("2/activity/subscriptions", new List<KeyValuePair<string, string>>()), AppOnlyFor(operation),
                () => new StringContent(json, Encoding.UTF8, "application/json"), RetryRule.AnsweredFailures, call, cancellationToken).ConfigureAwait(false);
        }
        catch (XApiException e)
        {
            throw ActivityErrors.Refine(e, userId, kind);
        }

        return ActivityResponseParser.ParseCreated(operation, answer.Body) ?? throw ResponseParser.Unexpected(operation, "the new subscription is not of the event type asked for.");
    }

    /// <summary>Every watch of the app, all pages, oldest first, and how many subscriptions of any type the app holds (they all count toward the limit).</summary>
    public async Task<(IReadOnlyList<ProfileMediaWatch> Watches, int Total)> ListWatchesAsync(ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "List the X Activity API subscriptions";
        var watches = new List<ProfileMediaWatch>();
        int total = 0;
        string? token = null;
        do
        {
            var query = new List<KeyValuePair<string, string>> { Pair("max_results", SubscriptionPageSize.ToString(CultureInfo.InvariantCulture)) };
            if (token != null)
            {
                query.Add(Pair("pagination_token", token));
            }

            ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Get, Endpoint("2/activity/subscriptions", query), AppOnlyFor(operation), null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
            var page = ActivityResponseParser.ParsePage(operation, answer.Body);
            watches.AddRange(page.Watches);
            total = page.Total;
            token = page.NextToken;
        }
        while (token != null);

        return (watches, total);
    }

    /// <summary>
    /// Deletes subscriptions by id, up to <see cref="MaxIdsPerDelete"/> a request (DELETE ?ids=); returns the ids it
    /// deleted and the ones the service did not know.
    /// </summary>
    public async Task<(IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound)> DeleteWatchesAsync(IReadOnlyList<string> ids, ApiCallOptions call, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        var notFound = new List<string>();
        for (int start = 0; start < ids.Count; start += MaxIdsPerDelete)
        {
            int count = Math.Min(MaxIdsPerDelete, ids.Count - start);
            string joined = string.Join(",", Slice(ids, start, count));
            string operation = count == 1 ? "Delete subscription " + joined : "Delete " + count.ToString(CultureInfo.InvariantCulture) + " subscriptions";
            Uri uri = Endpoint("2/activity/subscriptions", new List<KeyValuePair<string, string>> { Pair("ids", joined) });
            ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Delete, uri, AppOnlyFor(operation), null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
            var outcome = ActivityResponseParser.ParseBulkDelete(operation, answer.Body);
            deleted.AddRange(outcome.Deleted);
            notFound.AddRange(outcome.NotFound);
        }

        return (deleted, notFound);
    }

    /// <summary>
    /// Opens GET /2/activity/stream and returns the answer once its headers are in; the caller reads and disposes it.
    /// A refusal is the XApiException the other calls give (its RetryAfter says how long the service asked to wait).
    /// </summary>
    public async Task<HttpResponseMessage> OpenActivityStreamAsync(int backfillMinutes, ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Open the X Activity API stream";
        var query = new List<KeyValuePair<string, string>>();
        if (backfillMinutes > 0)
        {
            query.Add(Pair("backfill_minutes", backfillMinutes.ToString(CultureInfo.InvariantCulture)));
        }

        Uri uri = Endpoint("2/activity/stream", query);
        RequestAuthorization authorization = AppOnlyFor(operation);
        HttpResponseMessage? response = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Authorization", authorization.HeaderFor(HttpMethod.Get, uri));
            call.Observer?.Verbose("GET " + uri.AbsoluteUri);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.Timeout);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            RateLimitStatus? rateLimit = RateLimitStatus.FromHeaders(response);
            throw XApiErrorAdvice.FromAnswer(operation, response.StatusCode, ResponseParser.ParseErrors(body), rateLimit,
                Retries.RetryDelay.AskedFor(response), 1, V2ResponseParser.ParseProblem(body), uri);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw XApiErrorAdvice.NoAnswer(operation, ErrorIds.Timeout, "no answer within " + Options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.", null);
        }
        catch (Exception e) when (e is HttpRequestException || e is IOException)
        {
            response?.Dispose();
            throw XApiErrorAdvice.NoAnswer(operation, ErrorIds.ConnectionFailed, "the connection failed: " + MessageText.Reason(e), e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The Bearer token for an X Activity API call; on a connection with only user context this fails before any
    /// request, saying how to connect with one.
    /// </summary>
    private RequestAuthorization AppOnlyFor(string operation) => Volatile.Read(ref _appOnly) ?? throw new XApiException(
        operation + " cannot run on this connection: the X Activity API takes only the app-only Bearer token, and the connection holds only OAuth 1.0a user context. "
        + ActivityErrors.BearerTokenAdvice, ErrorIds.BearerTokenRequired, null, Array.Empty<XApiErrorDetail>(), null, null);

    private static IEnumerable<string> Slice(IReadOnlyList<string> items, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            yield return items[i];
        }
    }
}
