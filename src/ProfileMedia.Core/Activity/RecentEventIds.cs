using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.Activity;

/// <summary>The last N event ids seen, so an event replayed after a reconnect is recognised; the oldest is forgotten first.</summary>
internal sealed class RecentEventIds
{
    private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
    private readonly Queue<string> _order = new Queue<string>();
    private readonly int _capacity;

    public RecentEventIds(int capacity)
    {
        _capacity = Math.Max(1, capacity);
    }

    /// <summary>True the first time an id is seen, false for a repeat.</summary>
    public bool Add(string id)
    {
        if (!_seen.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > _capacity)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }
}
