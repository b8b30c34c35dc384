using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Completion;

/// <summary>Tab completion for -Size of Get-ProfileBanner and -BannerSize of Save-ProfileMedia.</summary>
internal sealed class BannerSizeCompleter : SizeCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Sizes()
    {
        foreach (BannerSize size in BannerSize.All)
        {
            yield return (size.Name, size.Name + ": " + size.Width + "x" + size.Height + " pixels");
        }
    }
}
