using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// Every API and media request, so tests can assert what the module sent ("nothing under -WhatIf", "exactly two attempts").
/// Bounded so a long benchmark run cannot grow it without limit.
/// </summary>
internal sealed class RequestLog(TextWriter? echo)
{
    private const int Capacity = 100_000;
    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _entries = new();

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(request);
        }

        echo?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Time:O} {request.Method} {request.PathAndQuery} -> {request.Status}{(request.Fault is null ? string.Empty : " (fault: " + request.Fault + ")")}"));
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
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
