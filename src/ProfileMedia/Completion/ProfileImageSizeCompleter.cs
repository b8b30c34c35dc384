using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Completion;

/// <summary>Tab completion for -Size of Get-ProfileImageVariant and -ImageSize of Save-ProfileMedia.</summary>
internal sealed class ProfileImageSizeCompleter : SizeCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Sizes()
    {
        foreach (ProfileImageSize size in ProfileImageSize.All)
        {
            yield return (size.Name, size.Width is int side ? size.Name + ": " + side + "x" + side + " pixels" : size.Name + ": the image as it was uploaded, any size");
        }
    }
}
