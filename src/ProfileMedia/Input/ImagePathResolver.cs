using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using ProfileMedia.Core.Errors;
using ProfileMedia.Errors;

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
            Write(cmdlet, ErrorIds.PathEmpty, "The image path is empty.", path);
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
                    Write(cmdlet, ErrorIds.ImageFileNotFound, "No file matches the path '" + path + "'.", path);
                    return null;
                }

                if (matches.Count > 1)
                {
                    Write(cmdlet, ErrorIds.PathMatchesSeveralFiles, "The path '" + path + "' matches " + matches.Count + " items; it must match exactly one image file. Use -LiteralPath for a name with wildcard characters.", path);
                    return null;
                }

                resolved = matches[0];
            }

            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                Write(cmdlet, ErrorIds.NotFileSystemPath, "The path '" + path + "' is on the " + provider.Name + " provider; an image must be a file in the file system.", path);
                return null;
            }

            return resolved;
        }
        catch (ItemNotFoundException e)
        {
            Write(cmdlet, ErrorIds.ImageFileNotFound, e.Message, path);
        }
        catch (Exception e) when (e is ProviderNotFoundException || e is DriveNotFoundException || e is PSNotSupportedException || e is PSArgumentException || e is ArgumentException || e is NotSupportedException)
        {
            Write(cmdlet, ErrorIds.InvalidImagePath, "The path '" + path + "' cannot be used: " + Core.Text.MessageText.Reason(e), path);
        }

        return null;
    }

    private static void Write(PSCmdlet cmdlet, string errorId, string message, object? target) =>
        cmdlet.WriteError(ErrorRecords.BadInput(errorId, message, target));
}
