using System;
using System.Globalization;
using System.Management.Automation;
using ProfileMedia.Core.Api;

namespace ProfileMedia.Threading;

/// <summary>Hears the API client on background threads and writes verbose, debug and progress records on the pipeline thread.</summary>
internal sealed class CmdletApiObserver : IXApiObserver
{
    private const int RateLimitActivityId = 0x5ABE;
    private readonly Cmdlet _cmdlet;
    private readonly PipelineDispatcher _dispatcher;

    public CmdletApiObserver(Cmdlet cmdlet, PipelineDispatcher dispatcher)
    {
        _cmdlet = cmdlet;
        _dispatcher = dispatcher;
    }

    public void Verbose(string message) => _dispatcher.Post(() => _cmdlet.WriteVerbose(message));

    public void Debug(string message) => _dispatcher.Post(() => _cmdlet.WriteDebug(message));

    public void RateLimitWait(TimeSpan remaining, TimeSpan total, DateTimeOffset until)
    {
        var record = new ProgressRecord(RateLimitActivityId, "Waiting for the X API rate limit", "Resumes at " + until.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture))
        {
            SecondsRemaining = (int)Math.Ceiling(remaining.TotalSeconds),
            PercentComplete = total <= TimeSpan.Zero ? 100 : (int)Math.Min(100, Math.Max(0, 100 - (remaining.TotalMilliseconds * 100 / total.TotalMilliseconds))),
            RecordType = remaining <= TimeSpan.Zero ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        _dispatcher.Post(() => _cmdlet.WriteProgress(record));
    }
}
