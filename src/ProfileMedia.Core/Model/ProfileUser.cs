namespace ProfileMedia;

/// <summary>The parts of an X user that concern its images: what <c>Get-ProfileUser</c> and <c>Set-ProfileImage</c> output.</summary>
public sealed class ProfileUser
{
    /// <summary>Creates a user; the API client builds these from <c>users/show</c> answers.</summary>
    public ProfileUser(string userId, string screenName, string name, string? profileImageUrl, string? profileImageUrlHttps, string? profileBannerUrl, bool isDefaultProfileImage)
    {
        UserId = userId;
        ScreenName = screenName;
        Name = name;
        ProfileImageUrl = profileImageUrl;
        ProfileImageUrlHttps = profileImageUrlHttps;
        ProfileBannerUrl = profileBannerUrl;
        IsDefaultProfileImage = isDefaultProfileImage;
    }

    /// <summary>The numeric id, as a string (ids exceed what a double holds exactly).</summary>
    public string UserId { get; }

    /// <summary>The @name, without the @.</summary>
    public string ScreenName { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The 48x48 image over http (<c>profile_image_url</c>).</summary>
    public string? ProfileImageUrl { get; }

    /// <summary>The 48x48 image over https (<c>profile_image_url_https</c>).</summary>
    public string? ProfileImageUrlHttps { get; }

    /// <summary>The bare banner URL; empty when the user has no banner.</summary>
    public string? ProfileBannerUrl { get; }

    /// <summary>True when the user has not uploaded an image and shows X's placeholder.</summary>
    public bool IsDefaultProfileImage { get; }

    /// <inheritdoc />
    public override string ToString() => "@" + ScreenName;
}
