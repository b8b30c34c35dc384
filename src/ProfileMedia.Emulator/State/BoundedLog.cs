using System.Collections.Generic;

namespace ProfileMedia.Emulator.State;

/// <summary>A thread-safe log that keeps the newest <c>capacity</c> entries, so a long benchmark run cannot grow it without limit.</summary>
internal sealed class BoundedLog<T>(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<T> _entries = new();

    public void Add(T entry)
    {
        lock (_gate)
        {
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
