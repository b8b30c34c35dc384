using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace ProfileMedia.Completion;

/// <summary>The completions of a size parameter: Core's names that start with what was typed, in any case, each with its dimensions.</summary>
internal static class SizeCompletions
{
    public static IEnumerable<CompletionResult> Matching(string? wordToComplete, IEnumerable<(string Name, string Description)> sizes)
    {
        // What was typed may be quoted ('web_ or "4): the quote is not part of the name.
        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var results = new List<CompletionResult>();
        foreach (var (name, description) in sizes)
        {
            if (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                results.Add(new CompletionResult(name, name, CompletionResultType.ParameterValue, description));
            }
        }

        return results;
    }
}
