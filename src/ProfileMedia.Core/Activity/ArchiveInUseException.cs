using System;
using System.IO;

namespace ProfileMedia.Core.Activity;

/// <summary>Another watcher holds the archive folder.</summary>
internal sealed class ArchiveInUseException : IOException
{
    public ArchiveInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
