using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Activity;

/// <summary>
/// A history that keeps itself: each change's new image or banner, in the sizes asked for, saved under the user's
/// folder (named by id, which never changes) with the time it arrived in the name, and one JSON line per change in
/// that folder's changes.jsonl. Files are written atomically by the downloader; one watcher per archive, held by a
/// lock file open for as long as the archive is.
/// </summary>
internal sealed class ProfileMediaArchive : IDisposable
{
    public const string LockFileName = ".profilemedia-watch.lock";
    public const string LogFileName = "changes.jsonl";

    private readonly FileStream _lock;

    private ProfileMediaArchive(string fullPath, FileStream lockFile)
    {
        FullPath = fullPath;
        _lock = lockFile;
    }

    public string FullPath { get; }

    /// <summary>Opens (and creates) the archive folder and takes its lock.</summary>
    /// <exception cref="IOException">Another watcher holds the archive (the message says so), or the folder cannot be made.</exception>
    public static ProfileMediaArchive Open(string folder)
    {
        string fullPath = Path.GetFullPath(folder);
        Directory.CreateDirectory(fullPath);
        string lockPath = Path.Combine(fullPath, LockFileName);
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive lock on every platform .NET runs on (flock on Unix), across processes and runspaces.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new ArchiveInUseException("The archive " + fullPath + " is in use by another Watch-ProfileMedia (it holds " + LockFileName
                + "): one watcher per archive, so no change is saved or logged twice. Stop the other watcher, or give another -Archive folder.", e);
        }

        return new ProfileMediaArchive(fullPath, lockFile);
    }

    /// <summary>The stem of a saved file: the time the change arrived, its kind and size ("2026-03-03T12-00-00-123Z_image_400x400").</summary>
    public static string StemOf(ProfileMediaChange change, string size) =>
        change.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss-fff'Z'", CultureInfo.InvariantCulture) + "_"
        + (change.Kind == ProfileMediaWatchKind.Image ? "image" : "banner") + "_" + MediaFileName.SanitizeComponent(size);

    /// <summary>
    /// Saves the change's new picture in each size (none for a removed banner), then logs the change with the files
    /// saved; failed downloads are returned for the caller to report and logged without a file.
    /// </summary>
    public async Task<IReadOnlyList<MediaSaveResult>> SaveAsync(ProfileMediaChange change, IReadOnlyList<string> sizes, MediaDownloader downloader, Action<string>? verbose,
        CancellationToken cancellationToken)
    {
        var results = new List<MediaSaveResult>();
        var folder = new DestinationFolder(Path.Combine(FullPath, MediaFileName.SanitizeComponent(change.UserId)));
        foreach (object variant in change.NewVariants(sizes))
        {
            (string url, string size) = variant is ProfileBannerVariant banner ? (banner.Url, banner.Name) : (((ProfileImageVariant)variant).Url, ((ProfileImageVariant)variant).Size);
            var request = new DownloadRequest(url, folder, StemOf(change, size), MediaFileName.ExtensionOfUrl(url)) { Verbose = verbose };
            results.Add(await downloader.DownloadAsync(request, cancellationToken).ConfigureAwait(false));
        }

        var saved = new List<string>();
        foreach (MediaSaveResult result in results)
        {
            if (result.Status == DownloadStatus.Saved && result.Path != null)
            {
                saved.Add(result.Path);
            }
        }

        change.ArchivedFiles = saved;
        AppendLog(folder.FullPath, change, saved);
        return results;
    }

    public void Dispose() => _lock.Dispose();

    // One line, written in one append: a reader of the log never sees half a line from this writer.
    private static void AppendLog(string folder, ProfileMediaChange change, List<string> saved)
    {
        var line = new StringBuilder("{");
        JsonLine.AppendMember(line, "received_at", change.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        JsonLine.AppendMember(line, "event_id", change.EventId);
        JsonLine.AppendMember(line, "user_id", change.UserId);
        JsonLine.AppendMember(line, "screen_name", change.ScreenName);
        JsonLine.AppendMember(line, "kind", change.Kind == ProfileMediaWatchKind.Image ? "image" : "banner");
        JsonLine.AppendMember(line, "tag", change.Tag);
        JsonLine.AppendMember(line, "before", change.OldUrl);
        JsonLine.AppendMember(line, "after", change.NewUrl);
        line.Append(",\"files\":[");
        for (int i = 0; i < saved.Count; i++)
        {
            JsonLine.AppendString(i == 0 ? line : line.Append(','), Path.GetFileName(saved[i]));
        }

        byte[] bytes = new UTF8Encoding(false).GetBytes(line.Append("]}\n").ToString());
        using var log = new FileStream(Path.Combine(folder, LogFileName), FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        log.Write(bytes, 0, bytes.Length);
        log.Flush(true);
    }
}
