using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProfileMedia.Emulator.Activity;

/// <summary>What creating a subscription came to.</summary>
internal enum CreateOutcome
{
    Created,
    Duplicate,
    LimitReached,
}

/// <summary>
/// The app's X Activity API subscriptions, oldest first, under one lock: one per event type and user, at most
/// <see cref="EmulatorOptions.SubscriptionLimit"/> of them (1,500 on self-serve).
/// </summary>
internal sealed class SubscriptionStore(int limit, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly List<ActivitySubscription> _subscriptions = [];
    private long _nextId = 1_900_000_000_000_000_001;

    public int Limit => limit;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public CreateOutcome Create(string eventType, string userId, string? tag, string? webhookId, out ActivitySubscription subscription)
    {
        lock (_gate)
        {
            var existing = _subscriptions.FirstOrDefault(s => s.EventType == eventType && s.UserId == userId);
            if (existing is not null)
            {
                subscription = existing;
                return CreateOutcome.Duplicate;
            }

            if (_subscriptions.Count >= limit)
            {
                subscription = null!;
                return CreateOutcome.LimitReached;
            }

            var now = clock.GetUtcNow();
            subscription = new ActivitySubscription((_nextId++).ToString(CultureInfo.InvariantCulture), eventType, userId, tag, webhookId, now, now);
            _subscriptions.Add(subscription);
            return CreateOutcome.Created;
        }
    }

    public IReadOnlyList<ActivitySubscription> Snapshot()
    {
        lock (_gate)
        {
            return [.. _subscriptions];
        }
    }

    public ActivitySubscription? Find(string eventType, string userId)
    {
        lock (_gate)
        {
            return _subscriptions.FirstOrDefault(s => s.EventType == eventType && s.UserId == userId);
        }
    }

    /// <summary>Changes the tag; null when there is no such subscription.</summary>
    public ActivitySubscription? Update(string id, string? tag)
    {
        lock (_gate)
        {
            var index = _subscriptions.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                return null;
            }

            var updated = _subscriptions[index] with { Tag = tag, UpdatedAt = clock.GetUtcNow() };
            _subscriptions[index] = updated;
            return updated;
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _subscriptions.Clear();
        }
    }
}
