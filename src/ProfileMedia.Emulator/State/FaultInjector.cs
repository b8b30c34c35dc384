using System;
using System.Collections.Generic;
using System.Linq;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// Queued faults, consumed in the order they were queued: a request takes one use from the first fault that matches it.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<QueuedFault> _queue = [];

    public void Add(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        fault.Validate();
        lock (_gate)
        {
            _queue.Add(new QueuedFault(fault, fault.Count));
        }
    }

    /// <summary>The fault that catches this request, if any; taking it uses up one of its <see cref="FaultSpec.Count"/>.</summary>
    public FaultSpec? TryTake(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _queue.Count; i++)
            {
                var queued = _queue[i];
                if (!Matches(queued.Fault, method, path))
                {
                    continue;
                }

                queued.Remaining--;
                if (queued.Remaining == 0)
                {
                    _queue.RemoveAt(i);
                }

                return queued.Fault;
            }

            return null;
        }
    }

    /// <summary>What is still queued, each with the uses it has left as its <see cref="FaultSpec.Count"/>.</summary>
    public IReadOnlyList<FaultSpec> Pending()
    {
        lock (_gate)
        {
            return _queue.Select(q => q.Fault with { Count = q.Remaining }).ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    private static bool Matches(FaultSpec fault, string method, string path) =>
        path.StartsWith(fault.PathPrefix, StringComparison.Ordinal)
        && (fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase));

    private sealed class QueuedFault(FaultSpec fault, int remaining)
    {
        public FaultSpec Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
