using System;
using System.Linq;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Tests.Reliability;

/// <summary>
/// Where an http(s) URL's parts are, found independently of the module's HttpUrlParts: the expected answers of the
/// fuzz oracles below are computed from this and plain string searches.
/// </summary>
internal readonly struct UrlLayout
{
    private static readonly char[] PathStops = { '/', '?', '#' };
    private static readonly char[] QueryStops = { '?', '#' };

    private UrlLayout(int schemeLength, int pathStart, int pathEnd)
    {
        SchemeLength = schemeLength;
        PathStart = pathStart;
        PathEnd = pathEnd;
    }

    public int SchemeLength { get; }

    public int PathStart { get; }

    public int PathEnd { get; }

    public bool IsPlainHttp => SchemeLength == 4;

    /// <summary>True for "http(s)://authority/path[?query][#fragment]" with a non-empty authority and no invalid characters.</summary>
    public static bool TryLocate(string value, out UrlLayout layout)
    {
        layout = default;
        int schemeLength = value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 5 : value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 4 : 0;
        if (schemeLength == 0 || HasInvalidCharacter(value))
        {
            return false;
        }

        int authorityStart = schemeLength + 3;
        int pathStart = value.IndexOfAny(PathStops, authorityStart);
        if (pathStart <= authorityStart || value[pathStart] != '/')
        {
            return false;
        }

        int pathEnd = value.IndexOfAny(QueryStops, pathStart);
        layout = new UrlLayout(schemeLength, pathStart, pathEnd < 0 ? value.Length : pathEnd);
        return true;
    }

    /// <summary>The characters no media URL has: white space and controls (C0, DEL, C1) and the backslash.</summary>
    public static bool HasInvalidCharacter(string value)
    {
        foreach (char c in value)
        {
            if (c <= ' ' || c == '\\' || (c >= '\u007F' && c <= '\u009F'))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsBlank(string value)
    {
        foreach (char c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks the answer of TryParse for an input that did not parse; null when it is consistent.</summary>
    public static string? ExplainRefusal(string? value, UrlProblem problem) => problem switch
    {
        UrlProblem.NullUrl => value == null ? null : "NullUrl for a non-null value",
        UrlProblem.EmptyUrl => value != null && IsBlank(value) ? null : "EmptyUrl for a value that is not blank",
        UrlProblem.UrlHasInvalidCharacters => value != null && HasInvalidCharacter(value) ? null : "UrlHasInvalidCharacters without an invalid character",
        UrlProblem.UrlNotAbsoluteHttp or UrlProblem.UrlHasNoFileSegment => value == null || IsBlank(value) ? "a null or blank value was not reported as such" : null,
        _ => "an undefined UrlProblem " + (int)problem,
    };

    /// <summary>True when <paramref name="actual"/> is exactly <c>source[0..headEnd) + insert + source[tailStart..]</c>; allocates nothing.</summary>
    public static bool IsSplice(string actual, string source, int headEnd, string insert, int tailStart)
    {
        int tailLength = source.Length - tailStart;
        return actual.Length == headEnd + insert.Length + tailLength
            && string.CompareOrdinal(actual, 0, source, 0, headEnd) == 0
            && string.CompareOrdinal(actual, headEnd, insert, 0, insert.Length) == 0
            && string.CompareOrdinal(actual, headEnd + insert.Length, source, tailStart, tailLength) == 0;
    }

    /// <summary>True when <paramref name="upgraded"/> is <paramref name="plain"/> with its "http" scheme replaced by "https" (or equal to it for an https URL).</summary>
    public bool IsHttpsOf(string upgraded, string plain) => IsPlainHttp
        ? upgraded.Length == plain.Length + 1 && upgraded.StartsWith("https", StringComparison.Ordinal) && string.CompareOrdinal(upgraded, 5, plain, 4, plain.Length - 4) == 0
        : string.Equals(upgraded, plain, StringComparison.Ordinal);

    /// <summary>Scheme and authority as given, and query and fragment as given: what every variant must keep.</summary>
    public bool KeepsEnds(string variant, string source, bool https)
    {
        int tailLength = source.Length - PathEnd;
        if (variant.Length < PathStart + tailLength || string.CompareOrdinal(variant, variant.Length - tailLength, source, PathEnd, tailLength) != 0)
        {
            return false;
        }

        return https && IsPlainHttp
            ? variant.StartsWith("https", StringComparison.Ordinal) && string.CompareOrdinal(variant, 5, source, 4, PathStart - 4) == 0
            : string.CompareOrdinal(variant, 0, source, 0, PathStart) == 0;
    }
}

[Trait("Category", "Fuzz")]
public sealed class ProfileImageUrlFuzzTests
{
    private static readonly ProfileImageSize[] Sizes = ProfileImageSize.All.ToArray();

    [Fact]
    public void Every_generated_strings_parse_without_an_undocumented_exception_and_every_variant_keeps_the_rules()
    {
        var run = new FuzzRun("ProfileImageUrl");
        var generator = new UrlGenerator();
        long parsed = 0;
        run.ForEachCase(0, generator.Next, (input, random) => Check(input, random, run, ref parsed), FuzzText.Escape);

        run.Finish("TryParse, then for a parsed URL all six variants (http and https), a variant of a variant, and GetVariantUrl(null).",
            parsed + " of the generated strings parsed as profile image URLs.");
    }

    private static string? Check(string? input, FuzzRandom random, FuzzRun run, ref long parsed)
    {
        UrlProblem problem = ProfileImageUrl.TryParse(input, out ProfileImageUrl url);
        bool expectedToParse = input != null && UrlLayout.TryLocate(input, out UrlLayout layout) && HasFileSegment(input, layout);
        if (problem != UrlProblem.None)
        {
            return expectedToParse ? "refused (" + problem + ") though it is an http(s) URL with a file segment" : UrlLayout.ExplainRefusal(input, problem);
        }

        if (!expectedToParse || input == null)
        {
            return "parsed though it is not an http(s) URL with a file segment";
        }

        parsed++;
        string source = input;
        UrlLayout.TryLocate(source, out layout);
        if (!ReferenceEquals(url.Source, source))
        {
            return "Source is not the given string";
        }

        // The file segment, its stem (up to the last '.', unless the segment starts with it) and the marker ending the stem.
        int segmentStart = source.LastIndexOf('/', layout.PathEnd - 1, layout.PathEnd - layout.PathStart) + 1;
        int dot = source.LastIndexOf('.', layout.PathEnd - 1, layout.PathEnd - segmentStart);
        int stemEnd = dot > segmentStart ? dot : layout.PathEnd;
        ProfileImageSize expectedSize = ProfileImageSize.Original;
        foreach (ProfileImageSize size in Sizes)
        {
            int length = size.Marker.Length;
            if (length > 0 && stemEnd - length > segmentStart && string.Compare(source, stemEnd - length, size.Marker, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                expectedSize = size;
            }
        }

        if (url.Size != expectedSize)
        {
            return "Size is " + url.Size + " but the stem ends in the marker of " + expectedSize;
        }

        if (url.IsDefaultImage != IsInDefaultFolder(source, layout, segmentStart))
        {
            return "IsDefaultImage is " + url.IsDefaultImage + " for a file " + (url.IsDefaultImage ? "outside" : "inside") + " default_profile_images/";
        }

        int markerStart = stemEnd - url.Size.Marker.Length;
        foreach (ProfileImageSize size in Sizes)
        {
            string variant = url.GetVariantUrl(size);
            if (size == url.Size && !ReferenceEquals(variant, source))
            {
                return "the variant of its own size is not the source itself";
            }

            // Its own size is the source as given, whatever the case of its marker (checked just above).
            if ((size != url.Size && !UrlLayout.IsSplice(variant, source, markerStart, size.Marker, stemEnd)) || !layout.KeepsEnds(variant, source, https: false))
            {
                return "the " + size + " variant is " + FuzzText.Escape(variant);
            }
        }

        ProfileImageSize any = random.Pick(Sizes);
        string upgraded = url.GetVariantUrl(any, https: true);
        if (!layout.IsHttpsOf(upgraded, url.GetVariantUrl(any)) || !layout.KeepsEnds(upgraded, source, https: true))
        {
            return "the https " + any + " variant is " + FuzzText.Escape(upgraded);
        }

        // A variant of a marked size reads back as that size, and its own variants are the original's.
        ProfileImageSize marked = Sizes[random.Next(Sizes.Length - 1)];
        bool markedHttps = random.Coin();
        string markedUrl = url.GetVariantUrl(marked, markedHttps);
        UrlProblem again = ProfileImageUrl.TryParse(markedUrl, out ProfileImageUrl reparsed);
        if (again != UrlProblem.None || reparsed.Size != marked || reparsed.IsDefaultImage != url.IsDefaultImage)
        {
            return "the " + marked + " variant " + FuzzText.Escape(markedUrl) + " reads back as " + again + "/" + reparsed.Size;
        }

        ProfileImageSize target = random.Pick(Sizes);
        bool https = markedHttps || random.Coin(); // an upgraded variant has lost the plain scheme
        // The source's own size keeps the source's spelling of its marker ("_400X400"); a variant spells it as X does.
        if (!string.Equals(reparsed.GetVariantUrl(target, https), url.GetVariantUrl(target, https), target == url.Size ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return "the " + target + " variant of the " + marked + " variant differs from the " + target + " variant of the source";
        }

        if (random.Chance(1, 16))
        {
            try
            {
                url.GetVariantUrl(null!);
                return "GetVariantUrl(null) did not throw";
            }
            catch (ArgumentNullException)
            {
                run.Documented();
            }
        }

        return null;
    }

    private static bool HasFileSegment(string value, UrlLayout layout) =>
        value.LastIndexOf('/', layout.PathEnd - 1, layout.PathEnd - layout.PathStart) + 1 < layout.PathEnd;

    private static bool IsInDefaultFolder(string source, UrlLayout layout, int segmentStart)
    {
        int folderEnd = segmentStart - 1;
        if (folderEnd <= layout.PathStart)
        {
            return false;
        }

        int folderStart = source.LastIndexOf('/', folderEnd - 1, folderEnd - layout.PathStart) + 1;
        const string Folder = "default_profile_images";
        return folderEnd - folderStart == Folder.Length && string.Compare(source, folderStart, Folder, 0, Folder.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}

[Trait("Category", "Fuzz")]
public sealed class ProfileBannerUrlFuzzTests
{
    private static readonly BannerSize[] Sizes = BannerSize.All.ToArray();
    private static readonly string[] Suffixes = Array.ConvertAll(Sizes, size => "/" + size.Name);

    [Fact]
    public void Every_generated_strings_parse_without_an_undocumented_exception_and_every_variant_keeps_the_rules()
    {
        var run = new FuzzRun("ProfileBannerUrl");
        var generator = new UrlGenerator();
        long parsed = 0;
        run.ForEachCase(0x5BA77E55UL, generator.Next, (input, random) => Check(input, random, run, ref parsed), FuzzText.Escape);

        run.Finish("TryParse, then for a parsed URL all nine variants, an https variant, the base URL, a variant of a variant, and GetVariantUrl(null).",
            parsed + " of the generated strings parsed as banner URLs.");
    }

    private static string? Check(string? input, FuzzRandom random, FuzzRun run, ref long parsed)
    {
        UrlProblem problem = ProfileBannerUrl.TryParse(input, out ProfileBannerUrl url);
        int end = 0;
        int baseEnd = 0;
        BannerSize? expectedSize = null;
        bool expectedToParse = input != null && UrlLayout.TryLocate(input, out UrlLayout layout) && Locate(input, layout, out end, out baseEnd, out expectedSize);
        if (problem != UrlProblem.None)
        {
            return expectedToParse ? "refused (" + problem + ") though its path has a bare banner segment" : UrlLayout.ExplainRefusal(input, problem);
        }

        if (!expectedToParse || input == null)
        {
            return "parsed though its path has no bare banner segment";
        }

        parsed++;
        string source = input;
        UrlLayout.TryLocate(source, out layout);
        if (!ReferenceEquals(url.Source, source) || url.Size != expectedSize)
        {
            return "Source or Size is wrong: Size " + (url.Size?.Name ?? "null") + ", expected " + (expectedSize?.Name ?? "null");
        }

        foreach (BannerSize size in Sizes)
        {
            string variant = url.GetVariantUrl(size);
            if (!UrlLayout.IsSplice(variant, source, baseEnd, Suffixes[Array.IndexOf(Sizes, size)], layout.PathEnd) || !layout.KeepsEnds(variant, source, https: false))
            {
                return "the " + size + " variant is " + FuzzText.Escape(variant);
            }
        }

        string baseUrl = url.GetBaseUrl();
        if (!UrlLayout.IsSplice(baseUrl, source, baseEnd, string.Empty, layout.PathEnd) || !layout.KeepsEnds(baseUrl, source, https: false))
        {
            return "the base URL is " + FuzzText.Escape(baseUrl);
        }

        BannerSize any = random.Pick(Sizes);
        string upgraded = url.GetVariantUrl(any, https: true);
        if (!layout.IsHttpsOf(upgraded, url.GetVariantUrl(any)) || !layout.KeepsEnds(upgraded, source, https: true))
        {
            return "the https " + any + " variant is " + FuzzText.Escape(upgraded);
        }

        // Every variant reads back with its size, and gives the same variants and base as the URL it came from.
        BannerSize marked = random.Pick(Sizes);
        bool markedHttps = random.Coin();
        string markedUrl = url.GetVariantUrl(marked, markedHttps);
        UrlProblem again = ProfileBannerUrl.TryParse(markedUrl, out ProfileBannerUrl reparsed);
        if (again != UrlProblem.None || reparsed.Size != marked)
        {
            return "the " + marked + " variant " + FuzzText.Escape(markedUrl) + " reads back as " + again + "/" + (reparsed.Size?.Name ?? "null");
        }

        BannerSize target = random.Pick(Sizes);
        bool https = markedHttps || random.Coin(); // an upgraded variant has lost the plain scheme
        // The source's own size keeps the source's spelling of its marker ("_400X400"); a variant spells it as X does.
        if (!string.Equals(reparsed.GetVariantUrl(target, https), url.GetVariantUrl(target, https), target == url.Size ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return "the " + target + " variant of the " + marked + " variant differs from the " + target + " variant of the source";
        }

        if (!(markedHttps && layout.IsPlainHttp) && !string.Equals(reparsed.GetBaseUrl(), baseUrl, StringComparison.Ordinal))
        {
            return "the base URL of the " + marked + " variant differs from the source's";
        }

        if (random.Chance(1, 16))
        {
            try
            {
                url.GetVariantUrl(null!);
                return "GetVariantUrl(null) did not throw";
            }
            catch (ArgumentNullException)
            {
                run.Documented();
            }
        }

        return null;
    }

    /// <summary>
    /// The banner rule, read from its documentation: one trailing slash is tolerated, a last segment naming a size
    /// (any case) is the size, and what is left must end in a non-empty segment that is not the whole path.
    /// </summary>
    private static bool Locate(string source, UrlLayout layout, out int end, out int baseEnd, out BannerSize? size)
    {
        end = layout.PathEnd;
        if (end - layout.PathStart > 1 && source[end - 1] == '/')
        {
            end--;
        }

        int lastSlash = source.LastIndexOf('/', end - 1, end - layout.PathStart);
        string lastSegment = source.Substring(lastSlash + 1, end - lastSlash - 1);
        size = null;
        foreach (BannerSize candidate in Sizes)
        {
            if (string.Equals(candidate.Name, lastSegment, StringComparison.OrdinalIgnoreCase))
            {
                size = candidate;
            }
        }

        baseEnd = size == null ? end : lastSlash;
        return baseEnd > layout.PathStart + 1 && source[baseEnd - 1] != '/';
    }
}
