using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Completion;

/// <summary>Tab completion for -Size of Get-ProfileBanner and -BannerSize of Save-ProfileMedia: Core's sizes, each with its dimensions.</summary>
internal sealed class BannerSizeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        SizeCompletions.Matching(wordToComplete, Described());

    private static IEnumerable<(string, string)> Described()
    {
        foreach (BannerSize size in BannerSize.All)
        {
            yield return (size.Name, size.Name + ": " + size.Width + "x" + size.Height + " pixels");
        }
    }
}
