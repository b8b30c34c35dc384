using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using Microsoft.PowerShell.Commands;
using ProfileMedia.Core.Text;
using ProfileMedia.Errors;

namespace ProfileMedia.Input;

/// <summary>
/// The one way -Destination becomes a file-system path, for Save-ProfileMedia (a folder) and ConvertTo-ProfileImage (a
/// folder or a file): through the provider, against the current PowerShell location (.NET would resolve a relative
/// path against the process's directory, which is not $PWD). Refused, with InvalidDestination naming the value: white
/// space, another provider (Env:\), a UNC-looking path where the system has none, a path .NET cannot take.
/// </summary>
internal sealed class ResolvedDestination
{
    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private ResolvedDestination(string path, ProviderInfo provider, PSDriveInfo? drive)
    {
        Path = path;
        Provider = provider;
        Drive = drive;
    }

    /// <summary>The absolute path, not checked to exist.</summary>
    public string Path { get; }

    /// <summary>The file-system provider it was resolved through.</summary>
    public ProviderInfo Provider { get; }

    /// <summary>The drive it was resolved on, when there is one.</summary>
    public PSDriveInfo? Drive { get; }

    /// <summary>Resolves <paramref name="destination"/>; the error, built with <see cref="ErrorRecords.InvalidDestination"/>, when it cannot be used.</summary>
    public static ResolvedDestination? Resolve(PSCmdlet cmdlet, string? destination, out ErrorRecord? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(destination))
        {
            error = ErrorRecords.InvalidDestination(destination ?? string.Empty, "is empty or white space; give the path of a folder.");
            return null;
        }

        string path;
        ProviderInfo provider;
        PSDriveInfo? drive;
        try
        {
            path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(destination, out provider, out drive);
        }
        catch (Exception e) when (e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is PSArgumentException || e is NotSupportedException || e is ItemNotFoundException)
        {
            error = ErrorRecords.InvalidDestination(destination!, "cannot be used: " + MessageText.Reason(e), e);
            return null;
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            error = ErrorRecords.InvalidDestination(destination!, "is on the " + provider.Name + " provider; it must be a path in the file system.");
            return null;
        }

        // The provider turns \\ into // on Unix, so the text as typed is judged too.
        if (!IsWindows && (LooksLikeUncPath(path) || LooksLikeUncPath(destination!)))
        {
            error = ErrorRecords.InvalidDestination(destination!, "looks like a UNC network path (\\\\server\\share), which this system does not have; give the folder where the share is mounted.");
            return null;
        }

        try
        {
            // A provider-qualified relative path (FileSystem::media) comes back relative: it means the current location too.
            path = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath, path));
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            error = ErrorRecords.InvalidDestination(destination!, "is not a valid path: " + MessageText.Reason(e), e);
            return null;
        }

        return new ResolvedDestination(path, provider, drive);
    }

    // \\server\share, or a mix of slashes: on Windows a network share; elsewhere no such thing exists, and .NET would make a
    // folder literally named so under the process's directory.
    private static bool LooksLikeUncPath(string path) =>
        path.Length >= 2 && (path[0] == '\\' || path[1] == '\\') && (path[0] == '\\' || path[0] == '/') && (path[1] == '\\' || path[1] == '/');
}
