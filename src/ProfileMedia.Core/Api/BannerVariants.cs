using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Api;

/// <summary>A user's banner sizes from its profile_banner_url alone, by the URL rule: what v2 gives instead of users/profile_banner.</summary>
internal static class BannerVariants
{
    /// <summary>Every known size, smallest first; null when the user has no banner (or a URL that is not one).</summary>
    public static IReadOnlyList<ProfileBannerVariant>? Of(ProfileUser user)
    {
        if (ProfileBannerUrl.TryParse(user.ProfileBannerUrl, out ProfileBannerUrl url) != UrlProblem.None)
        {
            return null;
        }

        var variants = new List<ProfileBannerVariant>(BannerSize.All.Count);
        foreach (BannerSize size in BannerSize.All)
        {
            variants.Add(new ProfileBannerVariant(size.Name, size.Width, size.Height, url.GetVariantUrl(size, false), url.Source, user.ScreenName, user.UserId));
        }

        return variants;
    }
}
