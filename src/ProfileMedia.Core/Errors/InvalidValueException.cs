using System;

namespace ProfileMedia.Core.Errors;

/// <summary>A value Core refuses (an API base URI, say), as a structured error; an ArgumentException, so callers catch it as one.</summary>
internal sealed class InvalidValueException : ArgumentException, IStructuredError
{
    /// <summary>Creates the exception; <paramref name="problem"/> names <paramref name="subject"/> and no cmdlet or parameter.</summary>
    public InvalidValueException(string errorId, string? subject, string problem, AdviceKind advice = AdviceKind.None)
        : base(problem)
    {
        ErrorId = errorId;
        Subject = subject;
        Advice = advice;
    }

    /// <inheritdoc />
    public string ErrorId { get; }

    /// <inheritdoc />
    public string? Subject { get; }

    /// <inheritdoc />
    public string Problem => Message;

    /// <inheritdoc />
    public AdviceKind Advice { get; }
}
