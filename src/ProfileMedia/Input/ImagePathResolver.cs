using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace ProfileMedia.Input;

/// <summary>
/// Turns -Path (wildcards, must match exactly one file) or -LiteralPath into a file-system path through the provider,
/// so PSDrives, relative paths and ~ work as in any cmdlet. Writes the error and returns null when it cannot.
/// </summary>
internal static class ImagePathResolver
{
    public static string? Resolve(PSCmdlet cmdlet, string? path, bool literal)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            Write(cmdlet, "PathEmpty", "The image path is empty.", ErrorCategory.InvalidArgument, path);
            return null;
        }

        try
        {
            ProviderInfo provider;
            string resolved;
            if (literal)
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            else
            {
                Collection<string> matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                if (matches.Count == 0)
                {
                    Write(cmdlet, "ImageFileNotFound", "No file matches the path '" + path + "'.", ErrorCategory.ObjectNotFound, path);
                    return null;
                }

                if (matches.Count > 1)
                {
                    Write(cmdlet, "PathMatchesSeveralFiles", "The path '" + path + "' matches " + matches.Count + " items; it must match exactly one image file. Use -LiteralPath for a name with wildcard characters.", ErrorCategory.InvalidArgument, path);
                    return null;
                }

                resolved = matches[0];
            }

            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                Write(cmdlet, "NotFileSystemPath", "The path '" + path + "' is on the " + provider.Name + " provider; an image must be a file in the file system.", ErrorCategory.InvalidArgument, path);
                return null;
            }

            return resolved;
        }
        catch (ItemNotFoundException e)
        {
            Write(cmdlet, "ImageFileNotFound", e.Message, ErrorCategory.ObjectNotFound, path);
        }
        catch (Exception e) when (e is ProviderNotFoundException || e is DriveNotFoundException || e is PSNotSupportedException || e is PSArgumentException || e is ArgumentException || e is NotSupportedException)
        {
            Write(cmdlet, "InvalidImagePath", "The path '" + path + "' cannot be used: " + e.Message, ErrorCategory.InvalidArgument, path);
        }

        return null;
    }

    private static void Write(PSCmdlet cmdlet, string errorId, string message, ErrorCategory category, object? target) =>
        cmdlet.WriteError(new ErrorRecord(new ArgumentException(message), errorId, category, target));
}
