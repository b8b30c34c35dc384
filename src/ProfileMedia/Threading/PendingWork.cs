using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ProfileMedia.Threading;

/// <summary>
/// Background tasks a cmdlet started and has not seen finish, with back-pressure: the pipeline thread writes what has
/// finished as it goes, and waits when it is far ahead of the work, so memory stays bounded however long the input.
/// </summary>
internal sealed class PendingWork
{
    private readonly List<Task> _pending = new List<Task>();
    private readonly PipelineDispatcher _dispatcher;
    private readonly int _maxPending;

    /// <param name="dispatcher">Runs the tasks' Write* calls on the pipeline thread.</param>
    /// <param name="maxPending">How many unfinished tasks may pile up before the pipeline thread waits.</param>
    public PendingWork(PipelineDispatcher dispatcher, int maxPending)
    {
        _dispatcher = dispatcher;
        _maxPending = maxPending;
    }

    /// <summary>Tracks a task whose end posts its results to the dispatcher.</summary>
    public void Add(Task task) => _pending.Add(task);

    /// <summary>
    /// Writes what has finished, then waits while more than the limit is unfinished; <paramref name="beforeWaiting"/>
    /// runs first, to release work that would otherwise wait for more input. Pipeline thread only.
    /// </summary>
    public void Keep(Action? beforeWaiting = null)
    {
        _dispatcher.RunPending();
        _pending.RemoveAll(task => task.IsCompleted);
        while (_pending.Count > _maxPending)
        {
            beforeWaiting?.Invoke();
            _dispatcher.RunUntil(Task.WhenAny(_pending));
            _pending.RemoveAll(task => task.IsCompleted);
        }
    }

    /// <summary>Writes everything as it finishes, until all has. Pipeline thread only.</summary>
    public void Finish() => _dispatcher.RunUntil(Task.WhenAll(_pending));

    /// <summary>
    /// Once the work is cancelled: waits until all of it has ended (and so deleted its temporary files), bounded by
    /// <paramref name="atMost"/> in case something ignores cancellation. Nothing is written: the pipeline is over.
    /// </summary>
    public void WaitForAll(TimeSpan atMost) => Task.WaitAny(Task.WhenAll(_pending), Task.Delay(atMost));
}
