using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProfileMedia.Core.Downloads;

namespace ProfileMedia.Core.Tests.Downloads;

public sealed class MediaFileNameTests
{
    private static readonly Regex SafeName = new("^[A-Za-z0-9_-]+(\\.(jpg|png|gif|webp))?$", RegexOptions.CultureInvariant);
    private static readonly string[] Reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    public static TheoryData<string> HostileInputs => new()
    {
        "..%2F..%2Fetc",
        "../../x",
        "..\\..\\x",
        "..",
        ".",
        "a/b",
        "a\\b",
        "C:\\Windows\\System32",
        "C:",
        "a:b",
        "a\0b",
        "\0",
        "CON",
        "con",
        "nul.txt",
        "NUL",
        "COM1",
        "com9.jpg",
        "LPT1",
        "CONIN$",
        "a\u2215b",
        "a\u2044b",
        "a\uFF0Fb",
        "a\uFF3Cb",
        "\u2024\u2024\u2215etc",
        "",
        " ",
        "\t\r\n",
        "name. ",
        "name...",
        "~/.ssh/id_rsa",
        "\\\\server\\share\\x",
        "%00",
        "\uD83D\uDE00",
        new string('a', 10_000),
        new string('/', 10_000),
        string.Concat(Enumerable.Repeat("../", 3_000)),
    };

    [Fact]
    public void An_image_stem_is_screen_name_and_size() =>
        Assert.Equal("Twitter_400x400", MediaFileName.ImageStem("Twitter", "783214", "400x400"));

    [Fact]
    public void A_banner_name_has_no_extension_until_the_bytes_give_one() =>
        Assert.Equal("Twitter_banner_1500x500", MediaFileName.ForBanner("Twitter", "783214", "1500x500"));

    [Fact]
    public void The_stem_of_an_image_is_its_name_without_extension() =>
        Assert.Equal("Twitter_original", MediaFileName.ImageStem("Twitter", null, "original"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_screen_name_the_user_id_names_the_file(string? screenName) =>
        Assert.Equal("783214_normal", MediaFileName.ImageStem(screenName, "783214", "normal"));

    [Fact]
    public void Without_a_user_the_name_is_a_hash_of_the_url_never_its_text()
    {
        const string url = "https://pbs.twimg.com/profile_images/1/..%2F..%2Fevil_400x400.jpg";
        string name = MediaFileName.ImageStem(null, null, "400x400", url);

        Assert.Matches("^media_[0-9a-f]{16}_400x400$", name);
        Assert.Equal(name, MediaFileName.ImageStem(null, " ", "400x400", url));
        Assert.NotEqual(name, MediaFileName.ImageStem(null, null, "400x400", url + "x"));
        Assert.DoesNotContain("evil", name, StringComparison.Ordinal);
        Assert.Matches("^media_[0-9a-f]{16}_banner_web$", MediaFileName.ForBanner(null, null, "web", url));
    }

    [Fact]
    public void The_url_hash_is_the_first_16_hex_digits_of_its_sha256()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223...
        Assert.Equal("media_ba7816bf8f01cfea_normal", MediaFileName.ImageStem(null, null, "normal", "abc"));
    }

    [Fact]
    public void With_nothing_to_name_it_by_the_owner_is_media() =>
        Assert.Equal("media_400x400", MediaFileName.ImageStem(null, null, "400x400"));

    [Theory]
    [InlineData(".jpg", ".jpg")]
    [InlineData(".JPG", ".jpg")]
    [InlineData(".jpeg", ".jpg")]
    [InlineData("JPEG", ".jpg")]
    [InlineData(".png", ".png")]
    [InlineData("Png", ".png")]
    [InlineData(".gif", ".gif")]
    [InlineData(".WebP", ".webp")]
    [InlineData(".exe", null)]
    [InlineData(".jpg.exe", null)]
    [InlineData(".", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("../x.jpg", null)]
    public void Only_image_extensions_are_kept_lower_cased_and_jpeg_becomes_jpg(string? extension, string? expected) =>
        Assert.Equal(expected, MediaFileName.AcceptedExtension(extension));

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1/abc_400x400.JPG", ".jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1/abc_normal.png?x=1", ".png")]
    [InlineData("https://pbs.twimg.com/profile_images/1/abc.jpeg", ".jpg")]
    [InlineData("https://pbs.twimg.com/profile_banners/783214/1600000000/1500x500", null)]
    [InlineData("https://example.com/v1.2/abc", null)]
    [InlineData("https://example.com/a.php?file=.jpg", null)]
    [InlineData("https://example.com/a.exe", null)]
    [InlineData("not a url.jpg", null)]
    [InlineData(null, null)]
    public void The_url_extension_is_the_last_path_segments_image_extension(string? url, string? expected) =>
        Assert.Equal(expected, MediaFileName.ExtensionOfUrl(url));

    [Theory]
    [InlineData("CON", "_CON")]
    [InlineData("con", "_con")]
    [InlineData("Aux", "_Aux")]
    [InlineData("COM1", "_COM1")]
    [InlineData("lpt9", "_lpt9")]
    [InlineData("nul.txt", "nul_txt")]
    [InlineData("COM10", "COM10")]
    [InlineData("CONSOLE", "CONSOLE")]
    [InlineData("../../x", "______x")]
    [InlineData("", "_")]
    [InlineData(null, "_")]
    [InlineData("a b", "a_b")]
    [InlineData("Jack_Dorsey-2", "Jack_Dorsey-2")]
    public void A_component_keeps_only_safe_characters_and_never_names_a_device(string? value, string expected) =>
        Assert.Equal(expected, MediaFileName.SanitizeComponent(value));

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_always_gives_a_safe_name_inside_the_folder(string hostile)
    {
        string folder = Path.Combine(Path.GetTempPath(), "pm-names");
        string[] names =
        [
            MediaFileName.ImageStem(hostile, null, "400x400") + ".jpg",
            MediaFileName.ImageStem(null, hostile, hostile) + MediaFileName.AcceptedExtension(hostile),
            MediaFileName.ImageStem(hostile, hostile, hostile, hostile) + ".png",
            MediaFileName.ForBanner(hostile, null, hostile),
            MediaFileName.ForBanner(null, null, hostile, hostile),
            MediaFileName.ImageStem(null, null, hostile, hostile),
            MediaFileName.SanitizeComponent(hostile),
        ];

        foreach (string name in names)
        {
            Assert.Matches(SafeName, name);
            Assert.InRange(name.Length, 1, MediaFileName.MaxNameLength);
            Assert.DoesNotContain(name.Split('.')[0], Reserved, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, name))));
        }

        Assert.True(MediaFileName.IsSafeStem(MediaFileName.ImageStem(hostile, hostile, hostile, hostile)));
        Assert.True(MediaFileName.IsSafeStem(MediaFileName.ForBanner(hostile, hostile, hostile, hostile)));
        Assert.InRange(MediaFileName.SanitizeComponent(hostile).Length, 1, MediaFileName.MaxComponentLength + 1);
    }

    [Fact]
    public void A_long_component_is_cut_to_64_and_stays_unique_and_deterministic()
    {
        string a = new string('a', 10_000);
        string b = new string('a', 9_999) + "b";

        Assert.Equal(MediaFileName.MaxComponentLength, MediaFileName.SanitizeComponent(a).Length);
        Assert.Equal(MediaFileName.SanitizeComponent(a), MediaFileName.SanitizeComponent(a));
        Assert.NotEqual(MediaFileName.SanitizeComponent(a), MediaFileName.SanitizeComponent(b));
    }

    [Fact]
    public void A_long_name_is_cut_so_name_and_extension_fit_in_120()
    {
        string name = MediaFileName.ImageStem(new string('s', 200), null, new string('z', 200)) + ".webp";

        Assert.Equal(MediaFileName.MaxNameLength, name.Length);
    }

    [Theory]
    [InlineData("Twitter_400x400", true)]
    [InlineData("_CON", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("a.jpg", false)]
    [InlineData("CON", false)]
    [InlineData("nul", false)]
    [InlineData("x ", false)]
    public void Only_names_the_rules_could_make_are_safe_stems(string? stem, bool safe) =>
        Assert.Equal(safe, MediaFileName.IsSafeStem(stem));

    [Fact]
    public void A_stem_longer_than_115_is_not_safe()
    {
        Assert.True(MediaFileName.IsSafeStem(new string('a', MediaFileName.MaxStemLength)));
        Assert.False(MediaFileName.IsSafeStem(new string('a', MediaFileName.MaxStemLength + 1)));
    }
}
