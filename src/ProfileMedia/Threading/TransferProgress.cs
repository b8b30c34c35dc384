using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;

namespace ProfileMedia.Threading;

/// <summary>
/// The progress record of many transfers: files started and finished and bytes received, written at most every
/// 200 ms (each record costs the host a redraw) and completed at the end.
/// </summary>
internal sealed class TransferProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _sinceWritten = Stopwatch.StartNew();
    private long _bytes;
    private int _started;
    private int _finished;

    public TransferProgress(Cmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
    }

    /// <summary>One more file started. Pipeline thread only.</summary>
    public void Started() => _started++;

    /// <summary>Bytes received (negative when an attempt's bytes are given up); safe from any thread.</summary>
    public void Received(long bytes) => Interlocked.Add(ref _bytes, bytes);

    /// <summary>One more file finished; writes the record when the last one is old enough. Pipeline thread only.</summary>
    public void Finished()
    {
        _finished++;
        if (_sinceWritten.Elapsed >= Interval)
        {
            Write(completed: false);
        }
    }

    /// <summary>Marks the record completed. Pipeline thread only.</summary>
    public void Complete() => Write(completed: true);

    private void Write(bool completed)
    {
        _sinceWritten.Restart();
        double megabytes = Interlocked.Read(ref _bytes) / 1048576.0;
        var record = new ProgressRecord(_activityId, _activity, string.Format(CultureInfo.InvariantCulture, "{0} of {1} files, {2:0.0} MB", _finished, _started, megabytes))
        {
            PercentComplete = _started == 0 ? 100 : Math.Min(100, _finished * 100 / _started),
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        _cmdlet.WriteProgress(record);
    }
}
