using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Downloads;

/// <summary>What the file system throws when a file cannot be written, and which of those failures is a full disk.</summary>
internal static class WriteFailure
{
    // ENOSPC and EDQUOT (a quota is a full disk to its user): Linux numbers, then macOS/BSD ones (ENOSPC is 28 on both).
    // .NET on Unix puts the raw errno in the IOException's HResult.
    private const int ErrnoNoSpace = 28;
    private const int ErrnoQuotaLinux = 122;
    private const int ErrnoQuotaBsd = 69;

    // Windows: ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL and ERROR_DISK_QUOTA_EXCEEDED as HRESULTs.
    private const int HResultHandleDiskFull = unchecked((int)0x80070027);
    private const int HResultDiskFull = unchecked((int)0x80070070);
    private const int HResultQuota = unchecked((int)0x80070718);

    /// <summary>The exceptions the file system throws for a file that cannot be written (or read, or found).</summary>
    public static bool IsFileSystemError(Exception e) =>
        e is IOException || e is UnauthorizedAccessException || e is SecurityException || e is NotSupportedException || e is ArgumentException;

    /// <summary>True when <paramref name="e"/> says the disk (or the user's quota on it) is full.</summary>
    public static bool IsDiskFull(Exception e)
    {
        if (e is not IOException)
        {
            return false;
        }

        int code = e.HResult;
        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? code == HResultDiskFull || code == HResultHandleDiskFull || code == HResultQuota
            : code == ErrnoNoSpace || (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? code == ErrnoQuotaLinux : code == ErrnoQuotaBsd);
    }

    /// <summary>The failure as the exception the writers throw: a full disk as <see cref="ErrorIds.DiskFull"/>, naming <paramref name="folder"/>.</summary>
    public static FileWriteException Describe(Exception e, string folder)
    {
        // The system's own text for a full disk names the hidden temporary file, gone by now: not worth showing.
        return IsDiskFull(e)
            ? new FileWriteException(ErrorIds.DiskFull, folder, "the disk holding the folder " + MessageText.Quote(folder) + " is full, and nothing was left behind; free some space, or choose another folder", e)
            : new FileWriteException(ErrorIds.DestinationNotWritable, folder, "the file could not be written in the folder " + MessageText.Quote(folder) + " (" + MessageText.Reason(e).TrimEnd('.') + ")", e);
    }
}
