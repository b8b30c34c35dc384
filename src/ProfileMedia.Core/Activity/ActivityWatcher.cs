using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Json;
using ProfileMedia.Core.Retries;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Activity;

/// <summary>
/// Keeps the X Activity API stream open until cancelled: reads its frames, takes 20 s (configurable) of silence for a
/// dead connection, reconnects at once after a drop and with exponential backoff after a refused or failed connect,
/// asks for backfill on every connect, and hands on each event once however often it is replayed (by event_uuid).
/// A refusal that waiting cannot cure (credentials, enrolment, usage cap, no credits) ends the watch with its error.
/// </summary>
internal sealed class ActivityWatcher
{
    private readonly XApiClient _client;
    private readonly ActivityWatchOptions _options;
    private readonly ApiCallOptions _call;
    private readonly RecentEventIds _seen;
    private long _received;
    private long _duplicates;
    private int _connects;

    public ActivityWatcher(XApiClient client, ActivityWatchOptions options, ApiCallOptions call)
    {
        _client = client;
        _options = options;
        _call = call;
        _seen = new RecentEventIds(options.RememberedEvents);
    }

    /// <summary>Events of a watched kind received so far, repeats included: each is billed.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Repeats dropped (the same event_uuid again, after a reconnect's backfill).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Connections made so far.</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (OperationCanceledException) or a refusal ends it (XApiException).</summary>
    /// <param name="deliver">Each new event, in the order read, on the watcher's thread.</param>
    /// <param name="report">A problem the watch survives: the service closed the stream with an error object.</param>
    /// <param name="cancellationToken">Stops the watch and closes the connection at once.</param>
    public async Task RunAsync(Action<ProfileMediaChange> deliver, Action<XApiException> report, CancellationToken cancellationToken)
    {
        int failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HttpResponseMessage response;
            try
            {
                response = await _client.OpenActivityStreamAsync(BackfillFor(Connects), _call, cancellationToken).ConfigureAwait(false);
            }
            catch (XApiException e) when (IsTransient(e))
            {
                failures++;
                await BackOffAsync(failures, e.RetryAfter, "the stream could not be opened (" + e.Message + ")", cancellationToken).ConfigureAwait(false);
                continue;
            }

            Interlocked.Increment(ref _connects);
            Verbose(string.Format(CultureInfo.InvariantCulture, "Connected to the activity stream (connection {0}{1}).", Connects,
                BackfillFor(Connects - 1) > 0 ? ", replaying the last " + BackfillFor(Connects - 1).ToString(CultureInfo.InvariantCulture) + " min" : string.Empty));
            bool gotFrames;
            string why;
            using (response)
            {
                (gotFrames, why) = await ReadAsync(response, deliver, report, cancellationToken).ConfigureAwait(false);
            }

            // A connection that gave something is reconnected at once; one that died before any frame backs off from the second time.
            failures = gotFrames ? 0 : failures + 1;
            if (failures <= 1)
            {
                Verbose(why + ": reconnecting at once.");
                continue;
            }

            await BackOffAsync(failures - 1, null, why, cancellationToken).ConfigureAwait(false);
        }
    }

    // The first connect replays what was asked; every reconnect at least a minute, so a drop loses nothing.
    private int BackfillFor(int connectsBefore) => connectsBefore == 0 ? _options.BackfillMinutes : Math.Max(_options.BackfillMinutes, _options.ReconnectBackfillMinutes);

    // A refusal that waiting may cure: no answer, the service failing, or a rate limit (not a usage cap).
    private static bool IsTransient(XApiException e)
    {
        int status = (int?)e.StatusCode ?? 0;
        return status == 0 ? e.ErrorId != Errors.ErrorIds.BearerTokenRequired : status >= 500 || (status == 429 && e.ErrorId == Errors.ErrorIds.RateLimited);
    }

    private async Task BackOffAsync(int attempt, TimeSpan? asked, string why, CancellationToken cancellationToken)
    {
        TimeSpan delay = RetryDelay.For(attempt, _options.BackoffBase, asked);
        Verbose(string.Format(CultureInfo.InvariantCulture, "Reconnecting in {0} ms (attempt {1}): {2}", (long)delay.TotalMilliseconds, attempt + 1, why));
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(bool GotFrames, string Why)> ReadAsync(HttpResponseMessage response, Action<ProfileMediaChange> deliver, Action<XApiException> report, CancellationToken cancellationToken)
    {
        // Closing the answer ends a pending read on every runtime; not all honour a cancelled read by themselves.
        using CancellationTokenRegistration closeOnStop = cancellationToken.Register(response.Dispose);
        Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var reader = new ActivityFrameReader(body);
        bool gotFrames = false;
        while (true)
        {
            byte[]? frame;
            using (var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                silence.CancelAfter(_options.SilenceTimeout);
                try
                {
                    frame = await reader.ReadFrameAsync(silence.Token).ConfigureAwait(false);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return (gotFrames, "Keep-alive missed: no event and no keep-alive for " + _options.SilenceTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s, so the connection is dead");
                }
                catch (Exception e) when (e is IOException || e is HttpRequestException || e is ObjectDisposedException)
                {
                    return (gotFrames, "The connection dropped (" + MessageText.Reason(e) + ")");
                }
            }

            if (frame == null)
            {
                return (gotFrames, "The service ended the stream");
            }

            gotFrames = true;
            if (frame.Length > 0)
            {
                Take(frame, deliver, report);
            }
        }
    }

    private void Take(byte[] frame, Action<ProfileMediaChange> deliver, Action<XApiException> report)
    {
        ProfileMediaChange? change;
        try
        {
            change = ActivityResponseParser.ParseFrame(frame, DateTimeOffset.UtcNow);
        }
        catch (XApiException e)
        {
            report(e); // the error object; the service closes the stream after it
            return;
        }
        catch (JsonFormatException e)
        {
            Verbose("Ignored a stream frame that is not JSON: " + MessageText.Escape(e.Message));
            return;
        }

        if (change == null)
        {
            return; // an event type this module does not watch (bio, posts, follows)
        }

        long received = Interlocked.Increment(ref _received);
        if (!_seen.Add(change.EventId))
        {
            Interlocked.Increment(ref _duplicates);
            Verbose("Dropped a repeat of event " + change.EventId + " (replayed after a reconnect).");
            return;
        }

        Verbose(string.Format(CultureInfo.InvariantCulture, "Event {0} for user {1} ({2}): {3} received so far, about ${4:0.000} at ${5:0.000} each.",
            change.EventId, change.UserId, change.Kind, received, received * WatchEventTypes.CostPerEvent, WatchEventTypes.CostPerEvent));
        deliver(change);
    }

    private void Verbose(string message) => _call.Observer?.Verbose(message);
}
