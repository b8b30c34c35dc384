using System;
using System.Management.Automation;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Errors;

/// <summary>The error records for input a cmdlet cannot use, worded the same way by every cmdlet.</summary>
internal static class ErrorRecords
{
    /// <summary>A URL that cannot be used; the target is what the user gave (a user object, say), or the URL itself.</summary>
    public static ErrorRecord ForUrlProblem(UrlProblem problem, string? value, string what, object? input = null) =>
        new ErrorRecord(new ArgumentException(UrlProblemMessages.Describe(problem, value, what)), problem.ToString(), ErrorCategory.InvalidArgument, input ?? value);

    /// <summary>
    /// An input of a kind the cmdlet cannot use (UnsupportedInput), or none at all (NullInput); <paramref name="what"/>
    /// names it when its type alone would not say enough ("a banner variant").
    /// </summary>
    public static ErrorRecord ForUnsupportedInput(string command, object? input, string useInstead, string? what = null)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        what ??= value == null ? "null" : "a " + value.GetType().FullName;
        return new ErrorRecord(
            new ArgumentException(command + " cannot use " + what + "; " + useInstead + "."),
            value == null ? "NullInput" : "UnsupportedInput", ErrorCategory.InvalidArgument, input);
    }
}
