using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.PowerShell.Commands;
using ProfileMedia.Completion;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Threading;

namespace ProfileMedia.Commands;

/// <summary>
/// Saves profile images and banners into a folder, several at once, atomically, under deterministic safe names,
/// refreshing outdated URLs through batched user lookups (up to 100 users a request) when a connection exists.
/// </summary>
[Cmdlet(VerbsData.Save, "ProfileMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SaveProfileMediaCommand : ApiCmdlet
{
    private const int ProgressActivityId = 0x5A7E;

    // A download answers cancellation within moments; the limit only keeps a host that ignores it from hanging the shell.
    private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(30);
    private static readonly bool IsWindows = System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

    private MediaDownloader? _downloader;
    private MediaSaver? _saver;
    private IDisposable? _inputOpen;
    private string _destination = string.Empty;
    private bool _started;
    private ProviderInfo? _provider;
    private PSDriveInfo? _drive;
    private Action<string>? _verbose;
    private SaveRequests? _requests;
    private PendingWork? _pending;
    private TransferProgress? _progress;

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
    [ValidateProfileImageSize]
    [ArgumentCompleter(typeof(ProfileImageSizeCompleter))]
    public string[] ImageSize { get; set; } = { "original" };

    /// <summary>For ProfileUser input: the banner sizes to save, when the user has a banner.</summary>
    [Parameter]
    [ValidateBannerSize]
    [ArgumentCompleter(typeof(BannerSizeCompleter))]
    public string[] BannerSize { get; set; } = { "1500x500" };

    /// <summary>Which API refreshes outdated URLs: 2 or 1.1 (users/lookup); the connection's choice when left out.</summary>
    [Parameter]
    [ValidateSet(ReadApiNames.V2, ReadApiNames.V1)]
    public string? ReadApiVersion
    {
        get => ReadApiVersionName;
        set => ReadApiVersionName = value;
    }

    /// <inheritdoc />
    private protected override ConnectionRequirement ConnectionRequirement => ConnectionRequirement.Optional;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _destination = ResolveDestination();
        _requests = new SaveRequests(ImageSize, BannerSize, WriteError);
        _pending = new PendingWork(Dispatcher, ThrottleLimit * 16);
        _progress = new TransferProgress(this, ProgressActivityId, "Saving profile media");
        _verbose = BackgroundVerbose.For(this, Dispatcher);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (object? input in InputObject ?? new object?[] { null })
        {
            foreach (MediaRequest request in _requests!.For(input))
            {
                // -WhatIf and -Confirm: a file not approved is never downloaded, and nothing is made for it.
                if (ShouldProcess(UrlText.WithoutUserInfo(request.Url), "Save the " + request.Size + (request.Kind == MediaKind.Banner ? " banner" : " profile image") + " into " + _destination))
                {
                    StartSaving();
                    Start(request);
                }
            }
        }

        if (_started)
        {
            // Far ahead of the downloads: what waits for a refresh must not wait for more input that this wait holds back.
            _pending!.Keep(() => _saver!.RefreshWaitingNow(CancellationToken));
        }
    }

    // At the first file approved, not before: under -WhatIf (or every -Confirm answered No) no folder is made, no
    // stale temporary file deleted and no connection opened. A folder that cannot be made still fails once, before
    // any download starts.
    private void StartSaving()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        CreateDestination();

        // Without a connection files still download; only outdated URLs cannot be refreshed.
        ProfileMediaConnection? connection = OptionalConnection;
        var options = new MediaDownloaderOptions { MaxConnections = ThrottleLimit };
        if (connection != null)
        {
            options.Timeout = connection.Timeout;
            options.MaxRetries = connection.MaxRetries;
            options.RetryBaseDelay = connection.Client.Options.RetryBaseDelay;
        }

        _downloader = new MediaDownloader(options);
        ApiCallOptions call = CallOptions;
        Func<IReadOnlyList<UserReference>, CancellationToken, Task<IReadOnlyList<UserLookupOutcome>>>? refresh = connection == null
            ? null
            : (users, token) => connection.Client.LookupUsersAsync(users, call, token);
        _saver = new MediaSaver(_downloader, _destination, Force, Fallback, ThrottleLimit, refresh);
        foreach (string stale in _saver.RemoveStalePartialFiles())
        {
            WriteVerbose("Removed " + stale + " from " + _destination + ": a temporary file an earlier run left when it was killed mid-download.");
        }

        // Outdated users wait to be looked up together (100 a request) until the input ends.
        _inputOpen = _saver.HoldRefreshes(CancellationToken);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        _inputOpen?.Dispose();
        _pending!.Finish();
        _progress!.Complete();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // However the pipeline ended (Ctrl+C, Select-Object -First, -ErrorAction Stop, a throw downstream), the
            // token is cancelled by now: wait until every download has ended and deleted its temporary file, so that
            // none runs on after the cmdlet returns, and only then close the connections.
            _inputOpen?.Dispose();
            _pending?.WaitForAll(CleanupLimit);
            _saver?.Dispose();
            _downloader?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Start(MediaRequest request)
    {
        _progress!.Started();
        Task<MediaSaveResult> save = _saver!.SaveAsync(request, _progress.Received, _verbose, CancellationToken);
        _pending!.Add(save.ContinueWith(done => Dispatcher.Post(() => Write(done, request)), TaskScheduler.Default));
    }

    // Every way one file can end is written about that file alone: nothing here ends the run for the others.
    private void Write(Task<MediaSaveResult> done, MediaRequest request)
    {
        _progress!.Finished();
        Exception? failure = done.Exception?.GetBaseException();
        if (CancellationToken.IsCancellationRequested && (done.IsCanceled || failure is OperationCanceledException))
        {
            return; // stopped: the file was not saved and there is no one left to tell
        }

        if (done.Status != TaskStatus.RanToCompletion)
        {
            // Only a stop cancels a save: any other cancellation is a failure of this file, never silence.
            WriteError(ErrorRecords.DownloadFailed(failure ?? new OperationCanceledException("The download was cancelled."), UrlText.WithoutUserInfo(request.Url)));
            return;
        }

        MediaSaveResult result = done.Result;
        if (result.Status != DownloadStatus.Saved)
        {
            WriteError(ErrorRecords.NotSaved(result.ErrorId ?? ErrorIds.DownloadFailed, result.Message, result.Status == DownloadStatus.Exists ? (object?)result.Path : UrlText.WithoutUserInfo(result.Url)));
            return;
        }

        PSObject file;
        try
        {
            file = Describe(result);
        }
        catch (Exception e) when ((e is RuntimeException && e is not PipelineStoppedException) || e is IOException || e is UnauthorizedAccessException)
        {
            // Saved, then removed or made unreadable by something else before it could be output (a cleanup job, say).
            WriteError(ErrorRecords.SavedFileMissing(result.Path!, e));
            return;
        }

        WriteObject(file);
    }

    private PSObject Describe(MediaSaveResult result)
    {
        // On Windows the file view needs only what a FileInfo has, so the provider's own properties are added here:
        // asking the provider for each file costs ~200 us on the pipeline thread (benchmark 5). Elsewhere the view reads
        // the provider's internal Unix stat (mode, owner, size), which only the provider can attach.
        PSObject file = IsWindows ? WithProviderProperties(ExistingFile(result.Path!)) : InvokeProvider.Item.Get(new[] { result.Path! }, true, true)[0];
        MediaRequest request = result.Request!;
        file.Properties.Add(new PSNoteProperty("SavedSize", result.SavedSize));
        file.Properties.Add(new PSNoteProperty("RequestedSize", request.Size));
        file.Properties.Add(new PSNoteProperty("Url", result.Url));
        file.Properties.Add(new PSNoteProperty("ScreenName", request.ScreenName));
        file.Properties.Add(new PSNoteProperty("UserId", request.UserId));
        file.Properties.Add(new PSNoteProperty("Refreshed", result.Refreshed));
        return file;
    }

    private static FileInfo ExistingFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info : throw new FileNotFoundException("The file " + path + " is not there any more.", path);
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

    // Resolved once (ResolvedDestination, shared with ConvertTo-ProfileImage): every refusal comes before anything is written.
    private string ResolveDestination()
    {
        ResolvedDestination? destination = ResolvedDestination.Resolve(this, Destination, out ErrorRecord? error);
        if (destination == null)
        {
            ThrowTerminatingError(error!);
        }

        _provider = destination!.Provider;
        _drive = destination.Drive;
        string path = destination.Path;
        if (DestinationFolder.IsLink(path) && !Directory.Exists(path))
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "is a symbolic link to something that does not exist (or is not a folder); it must be a folder."));
        }

        if (File.Exists(path))
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "is a file; it must be a folder."));
        }

        return path;
    }

    // Made when the first file is approved (see StartSaving), so a folder that cannot be made fails once.
    private void CreateDestination()
    {
        try
        {
            _destination = Directory.CreateDirectory(_destination).FullName;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            ThrowTerminatingError(ErrorRecords.InvalidDestination(Destination, "cannot be created: " + Core.Text.MessageText.Reason(e), e));
        }
    }
}
