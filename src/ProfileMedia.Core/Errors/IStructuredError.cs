namespace ProfileMedia.Core.Errors;

/// <summary>
/// A failure as Core reports it: which kind (the error id), about what, what went wrong in words that name no cmdlet or
/// parameter, and what kind of advice goes with it. The cmdlets word the advice and build the error record.
/// </summary>
internal interface IStructuredError
{
    /// <summary>An <see cref="ErrorIds"/> constant.</summary>
    string ErrorId { get; }

    /// <summary>The offending value (a URI, a path, a user), already redacted; null when the failure has none of its own.</summary>
    string? Subject { get; }

    /// <summary>What went wrong, in sentences ending in one full stop, naming the value but no cmdlet or parameter.</summary>
    string Problem { get; }

    /// <summary>What the cmdlet layer adds after <see cref="Problem"/>.</summary>
    AdviceKind Advice { get; }
}
