namespace ProfileMedia.Core.Urls;

/// <summary>
/// Why a value is not a usable profile image or banner URL. The member names double as the PowerShell error ids,
/// so a script can tell the cases apart without parsing messages.
/// </summary>
internal enum UrlProblem
{
    /// <summary>The value is a usable URL.</summary>
    None = 0,

    /// <summary>The value was <c>$null</c>, typically a user object without that URL property set.</summary>
    NullUrl,

    /// <summary>The value was empty or only white space.</summary>
    EmptyUrl,

    /// <summary>The value is not an absolute http or https URL with a host.</summary>
    UrlNotAbsoluteHttp,

    /// <summary>The value contains white space, control characters or a backslash, which no media URL has.</summary>
    UrlHasInvalidCharacters,

    /// <summary>The URL has no path segment to derive a variant from.</summary>
    UrlHasNoFileSegment,

    /// <summary>A bare profile_banner_url was given where a file is wanted: it names no size to fetch.</summary>
    BannerUrlWithoutSize,
}
