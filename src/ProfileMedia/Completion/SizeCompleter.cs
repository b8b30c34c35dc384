using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ProfileMedia.Completion;

/// <summary>Completes a size parameter: Core's names that start with what was typed, in any case, each with its dimensions.</summary>
internal abstract class SizeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // What was typed may be quoted ('web_ or "4): the quote is not part of the name.
        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var results = new List<CompletionResult>();
        foreach (var (name, description) in Sizes())
        {
            if (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                results.Add(new CompletionResult(name, name, CompletionResultType.ParameterValue, description));
            }
        }

        return results;
    }

    /// <summary>Every size, in Core's order: its name, and the tooltip that says how large it is.</summary>
    protected abstract IEnumerable<(string Name, string Description)> Sizes();
}
