using System;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Urls;

/// <summary>
/// A profile image URL read by the X size rule: the last path segment is <c>name[_size][.ext]</c>, and a variant
/// replaces the size marker. Everything else in the URL is kept as it was given.
/// </summary>
internal readonly struct ProfileImageUrl
{
    private const string DefaultImagesFolder = "default_profile_images";

    private readonly HttpUrlParts _parts;
    private readonly int _markerStart;
    private readonly int _markerEnd;

    private ProfileImageUrl(HttpUrlParts parts, int markerStart, int markerEnd, ProfileImageSize size, bool isDefault)
    {
        _parts = parts;
        _markerStart = markerStart;
        _markerEnd = markerEnd;
        Size = size;
        IsDefaultImage = isDefault;
    }

    /// <summary>The URL exactly as given.</summary>
    public string Source => _parts.Source;

    /// <summary>The size the given URL points at (<see cref="ProfileImageSize.Original"/> when it has no marker).</summary>
    public ProfileImageSize Size { get; }

    /// <summary>True for X's placeholder images, served from <c>default_profile_images/</c>.</summary>
    public bool IsDefaultImage { get; }

    /// <summary>Reads <paramref name="value"/>; returns <see cref="UrlProblem.None"/> and the parsed URL, or the reason it cannot be read.</summary>
    public static UrlProblem TryParse(string? value, out ProfileImageUrl url)
    {
        url = default;
        UrlProblem problem = HttpUrlParts.TryParse(value, out HttpUrlParts parts);
        if (problem != UrlProblem.None)
        {
            return problem;
        }

        string source = parts.Source;
        int lastSlash = source.LastIndexOf('/', parts.PathEnd - 1, parts.PathEnd - parts.PathStart);
        int segmentStart = lastSlash + 1;
        if (segmentStart == parts.PathEnd)
        {
            return UrlProblem.UrlHasNoFileSegment;
        }

        // The extension is the last '.' of the segment, unless the segment starts with it (".png" has no name).
        int dot = source.LastIndexOf('.', parts.PathEnd - 1, parts.PathEnd - segmentStart);
        int stemEnd = dot > segmentStart ? dot : parts.PathEnd;

        ProfileImageSize size = ProfileImageSize.MarkedBy(source, segmentStart, stemEnd);
        int markerStart = stemEnd - size.Marker.Length;
        url = new ProfileImageUrl(parts, markerStart, stemEnd, size, IsInDefaultImagesFolder(parts, lastSlash));
        return UrlProblem.None;
    }

    /// <summary>
    /// The URL of <paramref name="size"/>. With <paramref name="https"/>, a plain http URL becomes https (the host is
    /// kept: X serves both schemes from the same hosts). Allocates only the result, and nothing when it is the source.
    /// </summary>
    public string GetVariantUrl(ProfileImageSize size, bool https = false)
    {
        if (size == null)
        {
            throw new ArgumentNullException(nameof(size));
        }

        if (_parts.Source == null)
        {
            throw new InvalidOperationException("This ProfileImageUrl holds no URL: use the one TryParse returned with UrlProblem.None.");
        }

        bool upgrade = https && _parts.IsPlainHttp;
        if (size == Size && !upgrade)
        {
            return Source;
        }

        // "http" is replaced by "https" by starting the copy after the four letters of the old scheme. The source's own
        // size keeps its marker as written ("_NORMAL" too), as it does without the upgrade.
        return upgrade
            ? StringSplicer.Splice("https", Source, 4, _markerStart, size == Size ? Source.Substring(_markerStart, _markerEnd - _markerStart) : size.Marker, _markerEnd)
            : StringSplicer.Splice(string.Empty, Source, 0, _markerStart, size.Marker, _markerEnd);
    }

    private static bool IsInDefaultImagesFolder(HttpUrlParts parts, int lastSlash)
    {
        int folderLength = DefaultImagesFolder.Length;
        int folderStart = lastSlash - folderLength;
        return folderStart > parts.PathStart
            && parts.Source[folderStart - 1] == '/'
            && string.Compare(parts.Source, folderStart, DefaultImagesFolder, 0, folderLength, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
