namespace ProfileMedia.Core.Downloads;

/// <summary>What a download is: decides its file name and how an outdated URL is derived again.</summary>
internal enum MediaKind
{
    /// <summary>A profile image in one of its sizes.</summary>
    ProfileImage,

    /// <summary>A profile banner in one of its sizes.</summary>
    Banner,
}
