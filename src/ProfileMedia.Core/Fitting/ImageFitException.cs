using System;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Fitting;

/// <summary>A picture that cannot be prepared: <see cref="Problem"/> says why, the message names the file and the value.</summary>
public sealed class ImageFitException : Exception
{
    /// <summary>A failure of kind <paramref name="problem"/>.</summary>
    public ImageFitException(ImageProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>Required by the analyzers; prefer the constructor that names the problem.</summary>
    public ImageFitException()
        : this(ImageProblem.CorruptImage, "The picture cannot be prepared.")
    {
    }

    /// <summary>Required by the analyzers; prefer the constructor that names the problem.</summary>
    public ImageFitException(string message)
        : this(ImageProblem.CorruptImage, message)
    {
    }

    /// <summary>Required by the analyzers; prefer the constructor that names the problem.</summary>
    public ImageFitException(string message, Exception innerException)
        : this(ImageProblem.CorruptImage, message, innerException)
    {
    }

    /// <summary>What went wrong; its name is the error id.</summary>
    public ImageProblem Problem { get; }
}
