using System.Collections.Generic;

namespace ProfileMedia.Input;

/// <summary>Turns the names given to a -Size parameter into sizes, once per call, in the order given, without repeats.</summary>
internal static class SizeSelection
{
    public delegate bool TryParse<TSize>(string? name, out TSize size);

    public static TSize[] Resolve<TSize>(IEnumerable<string> names, TryParse<TSize> parse)
        where TSize : class
    {
        var sizes = new List<TSize>();
        foreach (string name in names)
        {
            // ValidateSet has already refused unknown names, so every name parses.
            if (parse(name, out TSize size) && !sizes.Contains(size))
            {
                sizes.Add(size);
            }
        }

        return sizes.ToArray();
    }
}
