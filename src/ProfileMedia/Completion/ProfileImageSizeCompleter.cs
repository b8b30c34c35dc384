using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Completion;

/// <summary>Tab completion for -Size of Get-ProfileImageVariant and -ImageSize of Save-ProfileMedia: Core's sizes, each with its dimensions.</summary>
internal sealed class ProfileImageSizeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        SizeCompletions.Matching(wordToComplete, Described());

    private static IEnumerable<(string, string)> Described()
    {
        foreach (ProfileImageSize size in ProfileImageSize.All)
        {
            yield return (size.Name, size.Width is int side ? size.Name + ": " + side + "x" + side + " pixels" : size.Name + ": the image as it was uploaded, any size");
        }
    }
}
