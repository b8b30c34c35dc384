namespace ProfileMedia.Input;

/// <summary>
/// The one way every cmdlet reads a user given as a property bag: the spellings of X API v1.1 (snake_case), v2
/// (<c>username</c>, <c>id</c>, one <c>profile_image_url</c>) and this module's own ProfileUser (PascalCase), and a v2
/// answer as ConvertFrom-Json gives it, whose single user is under <c>data</c>.
/// </summary>
internal static class UserProperties
{
    /// <summary>The image URL, https first: v1.1 has both, v2 only profile_image_url (always https).</summary>
    public static readonly string[] ImageUrl = { "profile_image_url_https", "ProfileImageUrlHttps", "profile_image_url", "ProfileImageUrl" };

    public static readonly string[] BannerUrl = { "profile_banner_url", "ProfileBannerUrl" };

    public static readonly string[] ScreenName = { "screen_name", "ScreenName", "username" };

    // id_str before id: a v1.1 id is a number that other tools may have rounded; a v2 id is a string.
    public static readonly string[] UserId = { "id_str", "UserId", "id" };

    public static readonly string[] Name = { "name", "Name" };

    public static readonly string[] IsDefaultImage = { "default_profile_image", "IsDefaultProfileImage" };

    /// <summary>The bag that holds the user: the single object under a v2 answer's <c>data</c>, else the bag itself.</summary>
    public static InputBag UserIn(InputBag bag) =>
        !bag.Has("screen_name") && !bag.Has("username") && !bag.Has("ScreenName") && bag.TryNested("data", out InputBag data) ? data : bag;

    /// <summary>A ProfileUser from a bag that names one (it has a screen name); null when it does not.</summary>
    public static ProfileUser? ToUser(InputBag bag)
    {
        InputBag user = UserIn(bag);
        string? screenName = user.Text(ScreenName);
        if (screenName == null)
        {
            return null;
        }

        string? image = user.Text("profile_image_url", "ProfileImageUrl");
        return new ProfileUser(
            user.Text(UserId) ?? string.Empty,
            screenName,
            user.Text(Name) ?? screenName,
            image,
            user.Text("profile_image_url_https", "ProfileImageUrlHttps") ?? (IsHttps(image) ? image : null),
            user.Text(BannerUrl),
            user.Value(IsDefaultImage) is bool isDefault && isDefault);
    }

    private static bool IsHttps(string? url) => url != null && url.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase);
}
