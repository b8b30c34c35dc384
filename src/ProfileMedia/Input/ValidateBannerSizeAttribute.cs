using System;
using System.Management.Automation;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Input;

/// <summary>
/// Accepts the banner size names Core knows (<see cref="BannerSize.Names"/>), in any case. Not a ValidateSet, whose
/// completion would hide the argument completer's dimensions, and whose list would be a copy.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateBannerSizeAttribute : ValidateEnumeratedArgumentsAttribute
{
    /// <inheritdoc />
    protected override void ValidateElement(object element) =>
        SizeNames.Check(element, BannerSize.TryParse(element as string, out _), BannerSize.Names, "banner size");
}
