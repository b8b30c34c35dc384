using System;
using System.IO;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Downloads;

/// <summary>Another watcher holds the archive folder.</summary>
internal sealed class ArchiveInUseException : IOException, IStructuredError
{
    public ArchiveInUseException(string archive, string message, Exception innerException)
        : base(message, innerException)
    {
        Subject = archive;
    }

    /// <inheritdoc />
    public string ErrorId => ErrorIds.ArchiveInUse;

    /// <summary>The archive folder, as a full path.</summary>
    public string? Subject { get; }

    /// <inheritdoc />
    public string Problem => Message;

    /// <inheritdoc />
    public AdviceKind Advice => AdviceKind.UseAnotherArchive;
}
