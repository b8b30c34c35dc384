using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace ProfileMedia.Threading;

/// <summary>
/// Runs background work while the pipeline thread waits, and lets that work hand Write* calls back to the pipeline
/// thread: PowerShell allows Write* only from the thread that called ProcessRecord.
/// </summary>
internal sealed class PipelineDispatcher : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();

    /// <summary>Queues <paramref name="action"/> to run on the pipeline thread; safe from any thread.</summary>
    public void Post(Action action)
    {
        try
        {
            _queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // Also ObjectDisposedException: the cmdlet has finished and nothing is left to write to.
        }
    }

    /// <summary>Runs queued actions on this (the pipeline) thread until <paramref name="task"/> ends, then returns its result.</summary>
    public T Run<T>(Task<T> task)
    {
        PumpUntil(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs queued actions on this thread until <paramref name="task"/> ends, and rethrows its failure.</summary>
    public void Run(Task task)
    {
        PumpUntil(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs what is queued now, without waiting for more.</summary>
    public void RunPending()
    {
        while (_queue.TryTake(out Action? action))
        {
            action();
        }
    }

    /// <summary>Runs queued actions until <paramref name="task"/> ends; its failure is left for the caller to read.</summary>
    public void RunUntil(Task task) => PumpUntil(task);

    /// <inheritdoc />
    public void Dispose() => _queue.Dispose();

    private void PumpUntil(Task task)
    {
        // The continuation wakes the loop without polling; the no-op it posts is harmless if it arrives later.
        task.ContinueWith(_ => Post(static () => { }), TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            _queue.Take()();
        }

        RunPending();
    }
}
