using System;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Urls;

/// <summary>
/// A profile banner URL: the bare <c>profile_banner_url</c> (<c>.../profile_banners/&lt;user&gt;/&lt;stamp&gt;</c>)
/// or one that already ends in a size name. A variant appends <c>/&lt;size&gt;</c> to the bare URL.
/// </summary>
internal readonly struct ProfileBannerUrl
{
    private readonly HttpUrlParts _parts;
    private readonly int _baseEnd;

    private ProfileBannerUrl(HttpUrlParts parts, int baseEnd, BannerSize? size)
    {
        _parts = parts;
        _baseEnd = baseEnd;
        Size = size;
    }

    /// <summary>The URL exactly as given.</summary>
    public string Source => _parts.Source;

    /// <summary>The size the given URL ends in, or null for the bare banner URL.</summary>
    public BannerSize? Size { get; }

    /// <summary>Reads <paramref name="value"/>; returns <see cref="UrlProblem.None"/> and the parsed URL, or the reason it cannot be read.</summary>
    public static UrlProblem TryParse(string? value, out ProfileBannerUrl url)
    {
        url = default;
        UrlProblem problem = HttpUrlParts.TryParse(value, out HttpUrlParts parts);
        if (problem != UrlProblem.None)
        {
            return problem;
        }

        string source = parts.Source;
        int end = parts.PathEnd;
        if (end - parts.PathStart > 1 && source[end - 1] == '/')
        {
            end--; // one trailing slash is tolerated
        }

        int lastSlash = source.LastIndexOf('/', end - 1, end - parts.PathStart);
        BannerSize? size = BannerSize.Named(source, lastSlash + 1, end);
        int baseEnd = size == null ? end : lastSlash;
        if (baseEnd <= parts.PathStart + 1 || source[baseEnd - 1] == '/')
        {
            return UrlProblem.UrlHasNoFileSegment;
        }

        url = new ProfileBannerUrl(parts, baseEnd, size);
        return UrlProblem.None;
    }

    /// <summary>The URL of <paramref name="size"/>, optionally upgraded from http to https; one allocation.</summary>
    public string GetVariantUrl(BannerSize size, bool https = false)
    {
        if (size == null)
        {
            throw new ArgumentNullException(nameof(size));
        }

        ThrowIfEmpty();

        return https && _parts.IsPlainHttp
            ? StringSplicer.Splice("https", Source, 4, _baseEnd, size.PathSuffix, _parts.PathEnd)
            : StringSplicer.Splice(string.Empty, Source, 0, _baseEnd, size.PathSuffix, _parts.PathEnd);
    }

    /// <summary>The bare banner URL, without a size.</summary>
    public string GetBaseUrl()
    {
        ThrowIfEmpty();
        return StringSplicer.Splice(string.Empty, Source, 0, _baseEnd, string.Empty, _parts.PathEnd);
    }

    private void ThrowIfEmpty()
    {
        if (_parts.Source == null)
        {
            throw new InvalidOperationException("This ProfileBannerUrl holds no URL: use the one TryParse returned with UrlProblem.None.");
        }
    }
}
