using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.Urls;

/// <summary>One of the named sizes X serves a profile banner in; the name is the URL's last path segment.</summary>
internal sealed class BannerSize
{
    // An array for the per-URL lookups (a foreach over an IReadOnlyList boxes an enumerator each call); callers get a
    // read-only view, so no one can change the sizes for everyone.
    private static readonly BannerSize[] Known =
    {
        new BannerSize("300x100", 300, 100),
        new BannerSize("mobile", 320, 160),
        new BannerSize("600x200", 600, 200),
        new BannerSize("web", 520, 260),
        new BannerSize("ipad", 626, 313),
        new BannerSize("mobile_retina", 640, 320),
        new BannerSize("web_retina", 1040, 520),
        new BannerSize("1500x500", 1500, 500),
        new BannerSize("ipad_retina", 1252, 626),
    };

    /// <summary>Every known size, smallest area first.</summary>
    public static readonly IReadOnlyList<BannerSize> All = Array.AsReadOnly(Known);

    /// <summary>The names accepted by <see cref="TryParse"/>, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> Names = NamesOf(All);

    private BannerSize(string name, int width, int height)
    {
        Name = name;
        Width = width;
        Height = height;
        PathSuffix = "/" + name;
    }

    /// <summary>The size's name, such as <c>1500x500</c> or <c>web_retina</c>.</summary>
    public string Name { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>"/" and the name, kept so a variant costs one allocation.</summary>
    internal string PathSuffix { get; }

    /// <summary>Finds a size by name, ignoring case.</summary>
    public static bool TryParse(string? name, out BannerSize size)
    {
        foreach (BannerSize candidate in Known)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                size = candidate;
                return true;
            }
        }

        size = All[0];
        return false;
    }

    /// <summary>The size named by <c>source[start..end)</c>, ignoring case, or null.</summary>
    internal static BannerSize? Named(string source, int start, int end)
    {
        int length = end - start;
        foreach (BannerSize candidate in Known)
        {
            if (candidate.Name.Length == length
                && string.Compare(source, start, candidate.Name, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static string[] NamesOf(IReadOnlyList<BannerSize> sizes)
    {
        var names = new string[sizes.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = sizes[i].Name;
        }

        return names;
    }
}
