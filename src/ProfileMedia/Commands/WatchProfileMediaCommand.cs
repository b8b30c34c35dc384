using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.PowerShell.Commands;
using ProfileMedia.Core.Activity;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Threading;
using ProfileMedia.Watching;

namespace ProfileMedia.Commands;

/// <summary>
/// Opens the X Activity API stream and writes one ProfileMediaChange per image or banner change of a watched user, as
/// it arrives, until Ctrl+C, -Timeout, -Count or the end of the pipeline (Select-Object -First); then the connection
/// closes at once. Drops, silences and refusals are survived with reconnects, backfill and backoff; repeats are written
/// once. With -Archive, each new picture is saved under the user's folder and logged before its change is written.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "ProfileMedia")]
[OutputType(typeof(ProfileMediaChange))]
public sealed class WatchProfileMediaCommand : WatchCmdlet
{
    // Archiving answers cancellation within moments; the limit only keeps a host that ignores it from hanging the shell.
    private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(30);

    private CancellationTokenSource? _stop;
    private int _written;

    /// <summary>Minutes of earlier events to replay when the watch starts (0-5); every reconnect replays at least one.</summary>
    [Parameter]
    [ValidateRange(0, 5)]
    public int Backfill { get; set; }

    /// <summary>Stop after this long.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00.001", "3650.00:00:00")]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Stop after writing this many changes.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>No event and no keep-alive for this long means the connection is dead, and it is replaced (X sends a keep-alive at least every 20 s).</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00.050", "00:10:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Only changes of this kind; both by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ProfileMediaWatchKind[] Kind { get; set; } = { ProfileMediaWatchKind.Image, ProfileMediaWatchKind.Banner };

    /// <summary>A folder to keep the history in: each new picture under the user's folder (by id), and a changes.jsonl log there.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Archive { get; set; }

    /// <summary>With -Archive: the image sizes to save.</summary>
    [Parameter]
    [ValidateSet("mini", "normal", "bigger", "200x200", "400x400", "original", IgnoreCase = true)]
    public string[] ImageSize { get; set; } = { "original" };

    /// <summary>With -Archive: the banner sizes to save.</summary>
    [Parameter]
    [ValidateSet("1500x500", "600x200", "300x100", "web", "web_retina", "ipad", "ipad_retina", "mobile", "mobile_retina", IgnoreCase = true)]
    public string[] BannerSize { get; set; } = { "1500x500" };

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        ProfileMediaArchive? archive = Archive == null ? null : OpenArchive(Archive);
        XApiClient client = ActiveConnection.Client;
        using var downloader = archive == null ? null : new MediaDownloader(new MediaDownloaderOptions
        {
            Timeout = ActiveConnection.Timeout,
            MaxRetries = ActiveConnection.MaxRetries,
            RetryBaseDelay = client.Options.RetryBaseDelay,
        });
        var options = new ActivityWatchOptions { BackfillMinutes = Backfill, SilenceTimeout = KeepAliveTimeout, BackoffBase = client.Options.RetryBaseDelay };
        var watcher = new ActivityWatcher(client, options, CallOptions);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        if (Timeout is TimeSpan timeout)
        {
            _stop.CancelAfter(timeout);
        }

        var clock = Stopwatch.StartNew();
        Action<string>? verbose = BackgroundVerbose.For(this, Dispatcher);
        Task archiving = Task.CompletedTask;
        Task running = Task.Run(() => watcher.RunAsync(
            change =>
            {
                ProfileMediaChange named = change.WithScreenName(KnownScreenNames.Of(change.UserId));
                if (!Kind.Contains(named.Kind))
                {
                    return;
                }

                // Called in turn from the watcher's thread: each change is archived after the one before, then written.
                archiving = archive == null ? Post(named) : ArchiveThenPostAsync(archiving, archive, downloader!, named, verbose);
            },
            error => Dispatcher.Post(() => WriteError(ErrorRecords.ApiFailure(error, null))),
            _stop.Token));

        try
        {
            Dispatcher.RunUntil(running);
            Dispatcher.RunUntil(archiving);
        }
        finally
        {
            // However the pipeline ends (Count, -Timeout, Ctrl+C, Select-Object -First, a throw), the connection closes now.
            _stop.Cancel();
            Task.WaitAny(Task.WhenAll(running, archiving), Task.Delay(CleanupLimit));
            archive?.Dispose();
        }

        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Watched for {0:hh\\:mm\\:ss}: {1} changes received ({2} repeats dropped) over {3} connections, about ${4:0.000} at ${5:0.000} each.",
            clock.Elapsed, watcher.Received, watcher.Duplicates, watcher.Connects, watcher.Received * WatchEventTypes.CostPerEvent, WatchEventTypes.CostPerEvent));
        EndOf(running);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop?.Dispose();
        }

        base.Dispose(disposing);
    }

    // How the watch ended: Ctrl+C stops the pipeline; -Timeout and -Count end it quietly; a refusal is the terminating error.
    private void EndOf(Task running)
    {
        if (running.Exception?.InnerException is XApiException refused)
        {
            ThrowTerminatingError(ErrorRecords.ApiFailure(refused, null));
        }

        if (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private Task Post(ProfileMediaChange change)
    {
        Dispatcher.Post(() => Emit(change));
        return Task.CompletedTask;
    }

    private void Emit(ProfileMediaChange change)
    {
        if (Count > 0 && _written >= Count)
        {
            return;
        }

        WriteObject(change);
        if (++_written == Count)
        {
            _stop!.Cancel();
        }
    }

    private async Task ArchiveThenPostAsync(Task before, ProfileMediaArchive archive, MediaDownloader downloader, ProfileMediaChange change, Action<string>? verbose)
    {
        await before.ConfigureAwait(false);
        try
        {
            string[] sizes = change.Kind == ProfileMediaWatchKind.Image ? ImageSize : BannerSize;
            foreach (MediaSaveResult failed in (await archive.SaveAsync(change, sizes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), downloader, verbose, CancellationToken).ConfigureAwait(false))
                .Where(r => r.Status != DownloadStatus.Saved))
            {
                Dispatcher.Post(() => WriteError(ErrorRecords.NotSaved(failed.ErrorId ?? Core.Errors.ErrorIds.DownloadFailed, failed.Message, change)));
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            // DiskFull or DestinationNotWritable, named as the other cmdlets name a file they could not write.
            Dispatcher.Post(() => WriteError(ErrorRecords.NotWritten(e as FileWriteException ?? WriteFailure.Describe(e, archive.FullPath), archive.FullPath)));
        }

        Dispatcher.Post(() => Emit(change));
    }

    private ProfileMediaArchive OpenArchive(string folder)
    {
        string path;
        try
        {
            path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(folder, out ProviderInfo provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                ThrowTerminatingError(ErrorRecords.InvalidDestination(folder, "is not a file system path; give a folder on a drive."));
            }
        }
        catch (Exception e) when (e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException || e is ArgumentException)
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(folder, "cannot be used: " + e.Message, e));
            throw;
        }

        try
        {
            return ProfileMediaArchive.Open(path);
        }
        catch (ArchiveInUseException e)
        {
            ThrowTerminatingError(ErrorRecords.ArchiveInUse(e, path));
            throw;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(path, "cannot be made or opened as an archive: " + e.Message, e));
            throw;
        }
    }
}
