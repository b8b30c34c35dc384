using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.Urls;

/// <summary>One of the sizes X serves a profile image in, with the marker that selects it in the file name.</summary>
internal sealed class ProfileImageSize
{
    /// <summary>24x24.</summary>
    public static readonly ProfileImageSize Mini = new ProfileImageSize("mini", 24, "_mini");

    /// <summary>48x48: the size <c>profile_image_url</c> points at.</summary>
    public static readonly ProfileImageSize Normal = new ProfileImageSize("normal", 48, "_normal");

    /// <summary>73x73.</summary>
    public static readonly ProfileImageSize Bigger = new ProfileImageSize("bigger", 73, "_bigger");

    /// <summary>200x200.</summary>
    public static readonly ProfileImageSize Size200 = new ProfileImageSize("200x200", 200, "_200x200");

    /// <summary>400x400.</summary>
    public static readonly ProfileImageSize Size400 = new ProfileImageSize("400x400", 400, "_400x400");

    /// <summary>The uploaded image as it was, of any dimensions: the file name without a size marker.</summary>
    public static readonly ProfileImageSize Original = new ProfileImageSize("original", null, string.Empty);

    // An array for the per-URL lookups (no interface dispatch, no boxed enumerator); callers get a read-only view.
    // Declared after the sizes: static fields initialise in textual order.
    private static readonly ProfileImageSize[] Known = { Mini, Normal, Bigger, Size200, Size400, Original };

    /// <summary>Every size, smallest first, original last.</summary>
    public static readonly IReadOnlyList<ProfileImageSize> All = Array.AsReadOnly(Known);

    /// <summary>The names accepted by <see cref="TryParse"/>, in the order of <see cref="All"/>: what -Size offers.</summary>
    public static readonly IReadOnlyList<string> Names = Array.AsReadOnly(Array.ConvertAll(Known, size => size.Name));

    private ProfileImageSize(string name, int? side, string marker)
    {
        Name = name;
        Width = side;
        Height = side;
        Marker = marker;
    }

    /// <summary>The size's name as X and this module spell it, such as <c>bigger</c> or <c>400x400</c>.</summary>
    public string Name { get; }

    /// <summary>Width in pixels; null for <see cref="Original"/>, whose dimensions are whatever was uploaded.</summary>
    public int? Width { get; }

    /// <summary>Height in pixels; null for <see cref="Original"/>.</summary>
    public int? Height { get; }

    /// <summary>The text that stands right before the extension, such as <c>_bigger</c>; empty for the original.</summary>
    public string Marker { get; }

    /// <summary>Finds a size by name, ignoring case.</summary>
    public static bool TryParse(string? name, out ProfileImageSize size)
    {
        foreach (ProfileImageSize candidate in Known)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                size = candidate;
                return true;
            }
        }

        size = Original;
        return false;
    }

    /// <summary>The size whose marker ends the file-name stem <c>source[stemStart..stemEnd)</c>, or <see cref="Original"/>.</summary>
    internal static ProfileImageSize MarkedBy(string source, int stemStart, int stemEnd)
    {
        // Only a marker at the very end of the stem counts, and it needs a name before it: "Logo_400x400_normal" is
        // the normal size of "Logo_400x400". In any case: "A_NORMAL.JPG" is the normal size as much as "a_normal.jpg".
        for (int i = 0; i < Known.Length - 1; i++)
        {
            string marker = Known[i].Marker;
            int markerStart = stemEnd - marker.Length;
            if (markerStart > stemStart && string.Compare(source, markerStart, marker, 0, marker.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return Known[i];
            }
        }

        return Original;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
