using System.Collections.Generic;
using System.Management.Automation;

namespace ProfileMedia.Input;

/// <summary>The refusal of a size name that Core does not know, naming the value and every name it does.</summary>
internal static class SizeNames
{
    public static void Check(object? element, bool known, IReadOnlyList<string> names, string what)
    {
        if (!known)
        {
            throw new ValidationMetadataException(Core.Text.MessageText.Quote(element?.ToString()) + " is not a " + what + "; use one of " + string.Join(", ", names) + " (in any case).");
        }
    }
}
