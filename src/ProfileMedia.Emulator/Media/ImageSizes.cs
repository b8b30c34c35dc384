using System.Collections.Generic;
using System.Linq;

namespace ProfileMedia.Emulator.Media;

/// <summary>A named rendition of a picture on the media host.</summary>
internal sealed record SizeVariant(string Name, int Width, int Height);

/// <summary>The renditions the media host serves, as the service names them.</summary>
internal static class ImageSizes
{
    /// <summary>Profile picture suffixes: "name_normal.png" and so on; the bare "name.png" is the original upload.</summary>
    public static readonly IReadOnlyList<SizeVariant> ProfileImage =
    [
        new("normal", 48, 48),
        new("bigger", 73, 73),
        new("mini", 24, 24),
        new("200x200", 200, 200),
        new("400x400", 400, 400),
    ];

    /// <summary>Seeded pictures have no upload behind them; their "original" is generated at this size.</summary>
    public const int GeneratedOriginalSize = 400;

    /// <summary>Banner renditions in the order users/profile_banner lists them today.</summary>
    public static readonly IReadOnlyList<SizeVariant> Banner =
    [
        new("ipad", 626, 313),
        new("ipad_retina", 1252, 626),
        new("web", 520, 260),
        new("web_retina", 1040, 520),
        new("mobile", 320, 160),
        new("mobile_retina", 640, 320),
        new("300x100", 300, 100),
        new("600x200", 600, 200),
        new("1500x500", 1500, 500),
    ];

    /// <summary>The six renditions older accounts still answer with, in the order they were recorded.</summary>
    public static readonly IReadOnlyList<SizeVariant> LegacyBanner =
        new[] { "ipad_retina", "mobile", "web", "web_retina", "mobile_retina", "ipad" }
            .Select(name => Banner.First(size => size.Name == name))
            .ToArray();

    public static SizeVariant? Find(IReadOnlyList<SizeVariant> sizes, string name) => sizes.FirstOrDefault(size => size.Name == name);
}
