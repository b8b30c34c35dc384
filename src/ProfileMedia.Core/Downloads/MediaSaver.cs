using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Saves requests into one folder, at most a set number at once, over one shared downloader. An outdated URL
/// (403/404 from the media host) of a request that knows its user is refreshed once, by a batched user lookup (one
/// request for up to 100 outdated users); with fallback, an unavailable original steps down to 400x400, bigger, then normal.
/// </summary>
internal sealed class MediaSaver : IDisposable
{
    private readonly MediaDownloader _downloader;
    private readonly DestinationFolder _destination;
    private readonly bool _overwrite;
    private readonly bool _fallback;
    private readonly UserRefreshBatcher? _refreshes;
    private readonly SemaphoreSlim _slots;

    /// <param name="downloader">Shared by every download; not owned.</param>
    /// <param name="destination">An absolute folder; created here, once for the whole run, when missing.</param>
    /// <param name="overwrite">Replace existing files (-Force).</param>
    /// <param name="fallback">Step down from an unavailable original (-Fallback).</param>
    /// <param name="maxConcurrency">How many downloads run at once (-ThrottleLimit).</param>
    /// <param name="lookUpUsers">A batched user lookup through a connection (XApiClient.LookupUsersAsync), or null when there is none.</param>
    public MediaSaver(MediaDownloader downloader, string destination, bool overwrite, bool fallback, int maxConcurrency,
        Func<IReadOnlyList<UserReference>, CancellationToken, Task<IReadOnlyList<UserLookupOutcome>>>? lookUpUsers)
    {
        _downloader = downloader ?? throw new ArgumentNullException(nameof(downloader));
        _destination = new DestinationFolder(destination);
        _overwrite = overwrite;
        _fallback = fallback;
        _refreshes = lookUpUsers == null ? null : new UserRefreshBatcher(lookUpUsers);
        _slots = new SemaphoreSlim(Math.Max(1, maxConcurrency));
    }

    /// <summary>Saves one request; each download waits for a free slot. Cancellation throws and leaves no partial file.</summary>
    public async Task<MediaSaveResult> SaveAsync(MediaRequest request, Action<long>? bytesReceived, Action<string>? verbose, CancellationToken cancellationToken)
    {
        _refreshes?.Enter();
        try
        {
            return await SaveWithRefreshAsync(request, bytesReceived, verbose, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshes?.Leave(cancellationToken);
        }
    }

    /// <summary>
    /// For input still arriving (a pipeline): outdated users wait to be looked up together, up to 100 at once, until the
    /// returned hold is disposed at the end of the input. Without a hold, they go out once every save in flight waits.
    /// </summary>
    public IDisposable HoldRefreshes(CancellationToken cancellationToken) => _refreshes?.Hold(cancellationToken) ?? NoHold.Instance;

    /// <summary>Looks up the outdated users waiting so far now, for a producer about to wait for saves to finish.</summary>
    public void RefreshWaitingNow(CancellationToken cancellationToken) => _refreshes?.SendWaiting(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>
    /// Deletes the temporary files a killed earlier run left in the folder (none a live download owns) and returns
    /// their names, for the verbose stream.
    /// </summary>
    public IReadOnlyList<string> RemoveStalePartialFiles() => PartialFiles.SweepStale(_destination.FullPath);

    private async Task<MediaSaveResult> SaveWithRefreshAsync(MediaRequest request, Action<long>? bytesReceived, Action<string>? verbose, CancellationToken cancellationToken)
    {
        MediaRequest current = request;
        bool refreshed = false;
        MediaSaveResult? last = null;
        string lastSize = request.Size;
        foreach (string size in request.SizesToTry(_fallback))
        {
            while (true)
            {
                last = await DownloadAsync(current, size, request.Url, bytesReceived, verbose, cancellationToken).ConfigureAwait(false);
                lastSize = size;
                UserReference? owner = Reference(current);
                if (last.Status != DownloadStatus.Outdated || refreshed || owner == null || _refreshes == null)
                {
                    break;
                }

                // Outdated: look the user up for the current URL once (batched with other outdated users), then try the same size again.
                refreshed = true;
                verbose?.Invoke(Shown(last.Url) + " answered " + last.HttpStatus + ": refreshing " + Owner(current) + " through a user lookup");
                MediaRequest? renewed;
                try
                {
                    ProfileUser user = await _refreshes.RefreshAsync(owner, cancellationToken).ConfigureAwait(false);
                    renewed = current.RefreshedFrom(user);
                }
                catch (XApiException e)
                {
                    return Result(request, last, size, ErrorIds.RefreshFailed, "The URL " + Shown(last.Url) + " is outdated and refreshing " + Owner(current) + " failed: " + e.Message, refreshed, e.Advice);
                }
                catch (ObjectDisposedException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The connection was closed (disconnected) while this ran: say so, not "disposed object".
                    return Result(request, last, size, ErrorIds.ConnectionClosed, "The URL " + Shown(last.Url) + " is outdated and " + Owner(current)
                        + " could not be refreshed: the connection was closed.", refreshed, AdviceKind.ClosedBySaveDisconnect);
                }

                if (renewed == null)
                {
                    return Result(request, last, size, ErrorIds.MediaUrlOutdated, "The URL " + Shown(last.Url) + " is outdated and " + Owner(current) + " no longer has this " + Noun(current) + ".", refreshed);
                }

                current = renewed;
            }

            if (last.Status != DownloadStatus.Outdated)
            {
                break; // saved, exists or failed for another reason: a smaller size would not help
            }
        }

        return Result(request, last!, lastSize, last!.ErrorId, MessageOf(request, last!, refreshed), refreshed, AdviceOf(request, last!, refreshed));
    }

    // The name is claimed for owner, the URL as given: a refreshed URL of the same input keeps its name.
    private async Task<MediaSaveResult> DownloadAsync(MediaRequest request, string size, string owner, Action<long>? bytesReceived, Action<string>? verbose, CancellationToken cancellationToken)
    {
        // The slot is held per download, not per save: a save waiting for its user's refresh must not block the others.
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DownloadInSlotAsync(request, size, owner, bytesReceived, verbose, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<MediaSaveResult> DownloadInSlotAsync(MediaRequest request, string size, string owner, Action<long>? bytesReceived, Action<string>? verbose, CancellationToken cancellationToken)
    {
        string url = request.UrlOfSize(size);
        string extension = MediaFileName.ExtensionOfUrl(url) ?? string.Empty;
        string stem = request.Kind == MediaKind.Banner
            ? MediaFileName.ForBanner(request.ScreenName, request.UserId, size, url)
            : MediaFileName.ImageStem(request.ScreenName, request.UserId, size, url);

        // The name is the owner's for this run: a second input with the same safe name but another image is refused,
        // never saved over the first (with -Force) nor called an existing file.
        if (!_destination.Claim(stem, owner, out string holder))
        {
            string reason = "this run saves " + Shown(holder) + " under the same name, " + stem + ": two inputs have one safe file name (names that differ only"
                + " in characters a file name cannot hold, such as a.b and a/b)";
            return AttemptResult.Failure(null, reason, ErrorIds.FileNameCollision).ToOutcome(url, 0);
        }

        var download = new DownloadRequest(url, _destination, stem, extension.Length == 0 ? null : extension)
        {
            Overwrite = _overwrite,
            BytesReceived = bytesReceived,
            Verbose = verbose,
        };
        return await _downloader.DownloadAsync(download, cancellationToken).ConfigureAwait(false);
    }

    private string MessageOf(MediaRequest request, MediaSaveResult outcome, bool refreshed)
    {
        if (outcome.Status != DownloadStatus.Outdated)
        {
            return outcome.Message;
        }

        if (refreshed)
        {
            return "The URL " + Shown(outcome.Url) + " is still not available after refreshing " + Owner(request) + (_fallback ? ", in any fallback size." : ".");
        }

        return "The URL " + Shown(outcome.Url) + " is outdated (HTTP " + outcome.HttpStatus + "): the image was replaced.";
    }

    // An outdated URL that was not refreshed could be, given what it lacked: a connection, or the user it belongs to.
    private static AdviceKind AdviceOf(MediaRequest request, MediaSaveResult outcome, bool refreshed) =>
        outcome.Status != DownloadStatus.Outdated || refreshed ? outcome.Advice
            : request.KnowsUser ? AdviceKind.ConnectToRefresh : AdviceKind.PipeUsersToRefresh;

    private static MediaSaveResult Result(MediaRequest request, MediaSaveResult outcome, string size, string? errorId, string message, bool refreshed, AdviceKind advice = AdviceKind.None) =>
        outcome.For(request, size, errorId, message, refreshed, advice);

    private static UserReference? Reference(MediaRequest request) =>
        (request.UserId != null ? UserReference.ForUserId(request.UserId, out _) : null)
        ?? (request.ScreenName != null ? UserReference.ForScreenName(request.ScreenName, out _) : null);

    private static string Owner(MediaRequest request) => request.ScreenName != null ? "@" + request.ScreenName : "user " + request.UserId;

    private static string Shown(string url) => Text.UrlText.Shown(url);

    private static string Noun(MediaRequest request) => request.Kind == MediaKind.Banner ? "banner" : "image";

    private sealed class NoHold : IDisposable
    {
        public static readonly NoHold Instance = new NoHold();

        public void Dispose()
        {
        }
    }
}
