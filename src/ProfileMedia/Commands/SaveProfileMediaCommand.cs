using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.PowerShell.Commands;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Errors;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Session;
using ProfileMedia.Threading;

namespace ProfileMedia.Commands;

/// <summary>
/// Saves profile images and banners into a folder, several at once, atomically, under deterministic safe names,
/// refreshing outdated URLs through users/show when a connection exists.
/// </summary>
[Cmdlet(VerbsData.Save, "ProfileMedia")]
[OutputType(typeof(FileInfo))]
public sealed class SaveProfileMediaCommand : ApiCmdlet
{
    private const int ProgressActivityId = 0x5A7E;
    private static readonly bool IsWindows = System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly List<Task> _pending = new List<Task>();
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private MediaDownloader? _downloader;
    private MediaSaver? _saver;
    private string _destination = string.Empty;
    private ProviderInfo? _provider;
    private Action<string>? _verbose;
    private SaveRequests? _requests;
    private PSDriveInfo? _drive;
    private long _bytes;
    private int _started;
    private int _finished;

    /// <summary>What to save: image or banner variants, ProfileUser objects, user objects from ConvertFrom-Json, or URLs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? InputObject { get; set; }

    /// <summary>The folder to save into; created when missing.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Replace files that already exist instead of reporting them.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>When the original image is not available, save 400x400, else bigger, else normal.</summary>
    [Parameter]
    public SwitchParameter Fallback { get; set; }

    /// <summary>How many downloads run at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>For ProfileUser input: the image sizes to save.</summary>
    [Parameter]
    [ValidateSet("mini", "normal", "bigger", "200x200", "400x400", "original", IgnoreCase = true)]
    public string[] ImageSize { get; set; } = { "original" };

    /// <summary>For ProfileUser input: the banner sizes to save, when the user has a banner.</summary>
    [Parameter]
    [ValidateSet("1500x500", "600x200", "300x100", "web", "web_retina", "ipad", "ipad_retina", "mobile", "mobile_retina", IgnoreCase = true)]
    public string[] BannerSize { get; set; } = { "1500x500" };

    /// <inheritdoc />
    protected override bool NeedsConnection => false;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _destination = ResolveDestination();
        _requests = new SaveRequests(ImageSize, BannerSize, WriteError);
        if (Connection != null && Connection.IsClosed)
        {
            ThrowTerminatingError(ErrorRecords.ConnectionClosed(Connection, "connect again, or leave -Connection out to save without refreshing"));
        }

        // Without a connection files still download; only outdated URLs cannot be refreshed.
        ProfileMediaConnection? connection = Connection ?? ConnectionStore.Current(this);

        var options = new MediaDownloaderOptions { MaxConnections = ThrottleLimit };
        if (connection != null)
        {
            options.Timeout = connection.Timeout;
            options.MaxRetries = connection.MaxRetries;
            options.RetryBaseDelay = connection.Client.Options.RetryBaseDelay;
        }

        _downloader = new MediaDownloader(options);

        // Verbose lines cross to the pipeline thread one by one; make none when no one will see them.
        bool verbose = MyInvocation.BoundParameters.TryGetValue("Verbose", out object? flag) ? ((SwitchParameter)flag).IsPresent
            : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        _verbose = verbose ? message => Dispatcher.Post(() => WriteVerbose(message)) : null;
        var settings = new ApiCallOptions(new CmdletApiObserver(this, Dispatcher), RateLimitAction, MaxRateLimitWait);
        Func<UserReference, CancellationToken, Task<ProfileUser>>? refresh = connection == null
            ? null
            : (user, token) => connection.Client.GetUserAsync(user, settings, token);
        _saver = new MediaSaver(_downloader, _destination, Force, Fallback, ThrottleLimit, refresh);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (object? input in InputObject ?? new object?[] { null })
        {
            foreach (MediaRequest request in _requests!.For(input))
            {
                Start(request);
            }
        }

        // Keep the pipeline responsive and memory bounded: write what has finished, and wait when far ahead.
        Dispatcher.RunPending();
        _pending.RemoveAll(task => task.IsCompleted);
        while (_pending.Count > ThrottleLimit * 16)
        {
            Dispatcher.RunUntil(Task.WhenAny(_pending));
            _pending.RemoveAll(task => task.IsCompleted);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        Dispatcher.RunUntil(Task.WhenAll(_pending));
        WriteProgressRecord(completed: true);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // After Ctrl+C the downloads are cancelled; give them a moment to delete their temporary files.
            Task.WaitAny(Task.WhenAll(_pending), Task.Delay(TimeSpan.FromSeconds(5)));
            _saver?.Dispose();
            _downloader?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Start(MediaRequest request)
    {
        _started++;
        Task<MediaSaveResult> save = _saver!.SaveAsync(request, received => Interlocked.Add(ref _bytes, received), _verbose, CancellationToken);
        Task written = save.ContinueWith(done => Dispatcher.Post(() => Finish(done)), TaskScheduler.Default);
        _pending.Add(written);
    }

    private void Finish(Task<MediaSaveResult> done)
    {
        _finished++;
        if (done.IsCanceled || done.IsFaulted && done.Exception?.GetBaseException() is OperationCanceledException)
        {
            return;
        }

        if (done.IsFaulted)
        {
            Exception error = done.Exception!.GetBaseException();
            WriteError(ErrorRecords.DownloadFailed(error));
            return;
        }

        MediaSaveResult result = done.Result;
        if (result.Status == DownloadStatus.Saved)
        {
            WriteObject(Describe(result));
        }
        else
        {
            WriteError(ErrorRecords.NotSaved(result.ErrorId ?? ErrorIds.DownloadFailed, result.Message, result.Status == DownloadStatus.Exists ? (object?)result.Path : result.Url));
        }

        if (_sinceProgress.Elapsed >= ProgressInterval)
        {
            WriteProgressRecord(completed: false);
        }
    }

    private PSObject Describe(MediaSaveResult result)
    {
        // On Windows the file view needs only what a FileInfo has, so the provider's own properties are added here:
        // asking the provider for each file costs ~200 us on the pipeline thread (benchmark 5). Elsewhere the view reads
        // the provider's internal Unix stat (mode, owner, size), which only the provider can attach.
        PSObject file = IsWindows ? WithProviderProperties(new FileInfo(result.Path!)) : InvokeProvider.Item.Get(new[] { result.Path! }, true, true)[0];
        file.Properties.Add(new PSNoteProperty("SavedSize", result.SavedSize));
        file.Properties.Add(new PSNoteProperty("RequestedSize", result.Request.Size));
        file.Properties.Add(new PSNoteProperty("Url", result.Url));
        file.Properties.Add(new PSNoteProperty("ScreenName", result.Request.ScreenName));
        file.Properties.Add(new PSNoteProperty("UserId", result.Request.UserId));
        file.Properties.Add(new PSNoteProperty("Refreshed", result.Refreshed));
        return file;
    }

    private PSObject WithProviderProperties(FileInfo info)
    {
        PSObject file = PSObject.AsPSObject(info);
        string prefix = _provider!.ModuleName + "\\" + _provider.Name + "::";
        file.Properties.Add(new PSNoteProperty("PSPath", prefix + info.FullName));
        file.Properties.Add(new PSNoteProperty("PSParentPath", prefix + info.DirectoryName));
        file.Properties.Add(new PSNoteProperty("PSChildName", info.Name));
        file.Properties.Add(new PSNoteProperty("PSDrive", _drive));
        file.Properties.Add(new PSNoteProperty("PSProvider", _provider));
        file.Properties.Add(new PSNoteProperty("PSIsContainer", false));
        return file;
    }

    private void WriteProgressRecord(bool completed)
    {
        _sinceProgress.Restart();
        double megabytes = Interlocked.Read(ref _bytes) / 1048576.0;
        var record = new ProgressRecord(ProgressActivityId, "Saving profile media", string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} of {1} files, {2:0.0} MB", _finished, _started, megabytes))
        {
            PercentComplete = _started == 0 ? 100 : Math.Min(100, _finished * 100 / _started),
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        WriteProgress(record);
    }

    private string ResolveDestination()
    {
        string path;
        ProviderInfo provider;
        try
        {
            path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination, out provider, out PSDriveInfo drive);
            _provider = provider;
            _drive = drive;
        }
        catch (Exception e) when (e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is PSArgumentException || e is NotSupportedException)
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "cannot be used: " + e.Message, e));
            throw;
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "is on the " + provider.Name + " provider; it must be a folder in the file system."));
        }

        if (File.Exists(path))
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "is a file; it must be a folder."));
        }

        // Created now, so a folder that cannot be made fails once, before any download starts.
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "cannot be created: " + e.Message, e));
            throw;
        }
    }
}
