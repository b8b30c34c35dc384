using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// The X Activity API's moving parts: the subscriptions, the events delivered in the last minutes (what backfill
/// replays), the open streams, and keep-alives a test may withhold. (HTTP errors on the stream come from the ordinary faults.)
/// Publishing and opening a stream take one lock, so a stream opened with backfill misses no event and gets none twice.
/// </summary>
internal sealed class ActivityHub
{
    /// <summary>backfill_minutes goes up to 5; a little more is kept so start_time can reach the same span.</summary>
    private static readonly TimeSpan History = TimeSpan.FromMinutes(6);

    private readonly object _gate = new();
    private readonly LinkedList<ActivityEvent> _history = new();
    private readonly List<ActivityStream> _streams = [];
    private readonly TimeProvider _clock;
    private int _keepAlivesWithheld;

    public ActivityHub(EmulatorOptions options)
    {
        _clock = options.TimeProvider;
        Subscriptions = new SubscriptionStore(options.SubscriptionLimit, _clock);
        KeepAliveInterval = options.KeepAliveInterval;
    }

    public SubscriptionStore Subscriptions { get; }

    /// <summary>How often an idle stream gets its "\r\n"; the service promises at least every 20 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; }

    /// <summary>While true, open streams send no keep-alives, so a client must notice the silence itself.</summary>
    public bool KeepAlivesWithheld
    {
        get => Volatile.Read(ref _keepAlivesWithheld) == 1;
        set => Volatile.Write(ref _keepAlivesWithheld, value ? 1 : 0);
    }

    public int OpenStreams
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>Every event delivered in the history window, oldest first.</summary>
    public IReadOnlyList<ActivityEvent> Delivered()
    {
        lock (_gate)
        {
            return [.. _history];
        }
    }

    /// <summary>
    /// Sends an event to every open stream when the app subscribes to <paramref name="eventType"/> for the user, and
    /// keeps it for backfill; null when no subscription matches (the service delivers nothing then).
    /// </summary>
    public ActivityEvent? Publish(string eventType, string userId, string before, string after)
    {
        var subscription = Subscriptions.Find(eventType, userId);
        if (subscription is null)
        {
            return null;
        }

        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var sent = new ActivityEvent(Guid.NewGuid().ToString("D"), eventType, userId, subscription.Tag, before, after, now);
            _history.AddLast(sent);
            while (_history.First is { } oldest && oldest.Value.SentAt < now - History)
            {
                _history.RemoveFirst();
            }

            var frame = ActivityJson.EventFrame(sent);
            foreach (var stream in _streams)
            {
                stream.Send(frame);
            }

            return sent;
        }
    }

    /// <summary>Registers a stream and queues the replay of the events sent in [<paramref name="from"/>, <paramref name="to"/>] first.</summary>
    public ActivityStream Open(DateTimeOffset? from, DateTimeOffset? to)
    {
        var stream = new ActivityStream();
        lock (_gate)
        {
            if (from is { } since)
            {
                foreach (var old in _history.Where(e => e.SentAt >= since && (to is null || e.SentAt <= to)))
                {
                    stream.Send(ActivityJson.EventFrame(old));
                }
            }

            _streams.Add(stream);
        }

        return stream;
    }

    public void Close(ActivityStream stream)
    {
        lock (_gate)
        {
            _streams.Remove(stream);
        }
    }

    /// <summary>Drops every open connection without a word, as a network failure or a service restart would; returns how many.</summary>
    public int DropAll()
    {
        lock (_gate)
        {
            foreach (var stream in _streams)
            {
                stream.Drop();
            }

            return _streams.Count;
        }
    }

    /// <summary>Ends every open stream with an error object, as the service does when it disconnects a client; returns how many.</summary>
    public int CloseAllWithError(byte[] errorFrame)
    {
        lock (_gate)
        {
            foreach (var stream in _streams)
            {
                stream.Close(errorFrame);
            }

            return _streams.Count;
        }
    }

    public void Reset()
    {
        Subscriptions.Clear();
        KeepAlivesWithheld = false;
        lock (_gate)
        {
            _history.Clear();
        }

        DropAll();
    }
}
