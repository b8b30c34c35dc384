using System;
using System.IO;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// A file that could not be written (a full disk, a folder without write permission); its temporary file is gone by the
/// time this is seen. <see cref="ErrorId"/> says which failure, <see cref="Clause"/> says it inside a longer sentence.
/// </summary>
public sealed class FileWriteException : IOException
{
    /// <summary>A failure of kind <paramref name="errorId"/> while writing into <paramref name="folder"/>.</summary>
    public FileWriteException(string errorId, string folder, string clause, Exception? innerException = null)
        : base(MessageText.Sentence(char.ToUpperInvariant(clause[0]) + clause.Substring(1)), innerException)
    {
        ErrorId = errorId;
        Folder = folder;
        Clause = clause;
        HResult = innerException?.HResult ?? HResult;
    }

    /// <summary>Required by the analyzers; prefer the constructor that names the failure.</summary>
    public FileWriteException()
        : this(Errors.ErrorIds.DestinationNotWritable, string.Empty, "the file could not be written")
    {
    }

    /// <summary>Required by the analyzers; prefer the constructor that names the failure.</summary>
    public FileWriteException(string message)
        : this(Errors.ErrorIds.DestinationNotWritable, string.Empty, message)
    {
    }

    /// <summary>Required by the analyzers; prefer the constructor that names the failure.</summary>
    public FileWriteException(string message, Exception innerException)
        : this(Errors.ErrorIds.DestinationNotWritable, string.Empty, message, innerException)
    {
    }

    /// <summary>DiskFull or DestinationNotWritable.</summary>
    public string ErrorId { get; }

    /// <summary>The folder written into.</summary>
    public string Folder { get; }

    /// <summary>What went wrong as a clause, lower case and without a full stop: "the disk holding the folder '/x' is full (...)".</summary>
    public string Clause { get; }
}
