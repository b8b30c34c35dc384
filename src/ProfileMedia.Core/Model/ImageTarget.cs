namespace ProfileMedia;

/// <summary>
/// What a picture is prepared for: ConvertTo-ProfileImage's -Target and PreparedImage's Target. An enum, so that
/// PowerShell binds -Target in any case and no text is compared by hand.
/// </summary>
public enum ImageTarget
{
    /// <summary>A profile image: square, at most 400x400, 700 KB.</summary>
    Avatar = 0,

    /// <summary>A profile banner: 3:1, at most 1500x500, 5 MB.</summary>
    Banner = 1,
}
