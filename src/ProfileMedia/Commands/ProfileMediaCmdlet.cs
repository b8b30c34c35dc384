using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Urls;
using ProfileMedia.Errors;
using ProfileMedia.Threading;

namespace ProfileMedia.Commands;

/// <summary>
/// What every ProfileMedia cmdlet shares: a cancellation token that Ctrl+C (StopProcessing) cancels, and the
/// error records for input that cannot be used.
/// </summary>
public abstract class ProfileMediaCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private PipelineDispatcher? _dispatcher;

    /// <summary>Cancelled when the user presses Ctrl+C, the pipeline is stopped, or the cmdlet is disposed; every network call takes it.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>Runs background work and carries its Write* calls back to the pipeline thread.</summary>
    internal PipelineDispatcher Dispatcher => _dispatcher ??= new PipelineDispatcher();

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Hears Core's network work on any thread and writes its verbose, debug and progress on the pipeline thread.</summary>
    private protected IXApiObserver Observer => new CmdletApiObserver(this, Dispatcher);

    /// <summary>
    /// Runs one piece of network work. On failure writes a non-terminating error about <paramref name="target"/> (or
    /// hands it to <paramref name="report"/>, which may make it a warning) and returns false; Ctrl+C stops it promptly.
    /// </summary>
    private protected bool TryRun(object? target, Func<CancellationToken, Task> work, Action<ErrorRecord>? report = null)
    {
        report ??= WriteError;
        try
        {
            Dispatcher.Run(work(CancellationToken));
            return true;
        }
        catch (XApiException e)
        {
            report(ErrorRecords.ApiFailure(e, target));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ObjectDisposedException)
        {
            report(ErrorRecords.ClosedDuringCall(target));
        }

        return false;
    }

    /// <summary>Runs one piece of network work that gives a result, as <see cref="TryRun(object?, Func{CancellationToken, Task}, Action{ErrorRecord}?)"/> does.</summary>
    private protected bool TryRun<T>(object? target, Func<CancellationToken, Task<T>> work, out T result, Action<ErrorRecord>? report = null)
    {
        Task<T>? running = null;
        bool succeeded = TryRun(target, token => running = work(token), report);
        result = succeeded ? running!.GetAwaiter().GetResult() : default!;
        return succeeded;
    }

    /// <summary>
    /// Writes a non-terminating InvalidArgument error for a URL that cannot be used; the target is what the user gave
    /// (<paramref name="input"/>, a user object say), or the URL itself.
    /// </summary>
    private protected void WriteUrlProblem(UrlProblem problem, string? value, string what, object? input = null) =>
        WriteError(ErrorRecords.BadUrl(problem, value, what, input));

    /// <summary>Writes a non-terminating UnsupportedInput error for an input of a kind this cmdlet cannot use.</summary>
    protected void WriteUnsupportedInput(string what, string useInstead, object? input) =>
        WriteError(ErrorRecords.UnsupportedInput(MyInvocation.MyCommand.Name, input, useInstead, what));

    /// <summary>
    /// Reads one pipeline object with <paramref name="read"/>; when its own code throws, writes a non-terminating
    /// UnreadableInput error for it and returns false, so the pipeline goes on with the next object.
    /// </summary>
    private protected bool TryReadInput(Func<object?, Input.MediaInput> read, object? input, out Input.MediaInput result)
    {
        if (Input.MediaInput.TryRead(read, input, out result, out Exception? failure))
        {
            return true;
        }

        WriteError(ErrorRecords.UnreadableInput(MyInvocation.MyCommand.Name, input, failure!));
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // StopProcessing runs only for Ctrl+C and Stop(); a pipeline also ends through Select-Object -First,
        // -ErrorAction Stop or a throw downstream, and then only Dispose is called: work still running stops here too.
        _stopping.Cancel();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the cancellation source; derived cmdlets release their own resources too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
            _dispatcher?.Dispose();
        }
    }
}
