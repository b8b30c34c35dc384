using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Session;
using ProfileMedia.Threading;

namespace ProfileMedia.Commands;

/// <summary>
/// What every cmdlet that calls the X API shares: -Connection (else the session's), per-call rate-limit choices,
/// and one way to run a call so that its verbose lines, progress and errors reach the pipeline thread.
/// </summary>
public abstract class ApiCmdlet : ProfileMediaCmdlet
{
    private ProfileMediaConnection? _connection;

    /// <summary>The connection to use; the one Connect-ProfileMedia made in this session when left out.</summary>
    [Parameter]
    [ValidateNotNull]
    public ProfileMediaConnection? Connection { get; set; }

    /// <summary>What a 429 answer does for this call: Wait (bounded by -MaxRateLimitWait) or Fail.</summary>
    [Parameter]
    public RateLimitAction? RateLimitAction { get; set; }

    /// <summary>The longest this call waits for a rate-limit window.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00", "1.00:00:00")]
    public TimeSpan? MaxRateLimitWait { get; set; }

    /// <summary>The connection in use, once BeginProcessing has found it.</summary>
    protected ProfileMediaConnection ActiveConnection => _connection ?? throw new InvalidOperationException("BeginProcessing has not run.");

    /// <summary>False for the parameter sets of a cmdlet that work offline.</summary>
    protected virtual bool NeedsConnection => true;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (!NeedsConnection)
        {
            return;
        }

        // No connection makes every record fail, so it is the one terminating error.
        _connection = Connection ?? ConnectionStore.Current(this);
        if (_connection == null)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }

        if (_connection!.IsClosed)
        {
            ThrowTerminatingError(ErrorRecords.ConnectionClosed(_connection, "connect again"));
        }
    }

    /// <summary>
    /// Runs one API call. On failure writes a non-terminating error about <paramref name="target"/> and returns false;
    /// Ctrl+C stops it promptly.
    /// </summary>
    private protected bool TryCall<T>(object? target, Func<XApiClient, ApiCallOptions, CancellationToken, Task<T>> call, out T result)
    {
        result = default!;
        var settings = new ApiCallOptions(new CmdletApiObserver(this, Dispatcher), RateLimitAction, MaxRateLimitWait);
        try
        {
            result = Dispatcher.Run(call(ActiveConnection.Client, settings, CancellationToken));
            return true;
        }
        catch (XApiException e)
        {
            WriteError(ErrorRecords.ApiFailure(e, target));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ObjectDisposedException)
        {
            WriteError(ErrorRecords.ClosedDuringCall(target));
        }

        return false;
    }
}
