using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Api;

/// <summary>A user's banner sizes from its profile_banner_url alone, by the URL rule: what v2 gives instead of users/profile_banner.</summary>
internal static class BannerVariants
{
    /// <summary>
    /// Every known size, smallest first. A user without a banner is NoProfileBanner; a profile_banner_url that is not a
    /// banner URL (not http or https, say) is UnexpectedResponse naming it, not a banner quietly missing.
    /// </summary>
    public static IReadOnlyList<ProfileBannerVariant> Of(ProfileUser user, UserReference asked)
    {
        if (string.IsNullOrEmpty(user.ProfileBannerUrl))
        {
            throw XApiClient.NoBanner(asked);
        }

        UrlProblem problem = ProfileBannerUrl.TryParse(user.ProfileBannerUrl, out ProfileBannerUrl url);
        if (problem != UrlProblem.None)
        {
            throw ResponseParser.Unexpected("Get the banner of " + asked, UrlProblemMessages.Describe(problem, user.ProfileBannerUrl, "profile_banner_url X gave"));
        }

        var variants = new List<ProfileBannerVariant>(BannerSize.All.Count);
        foreach (BannerSize size in BannerSize.All)
        {
            variants.Add(new ProfileBannerVariant(size.Name, size.Width, size.Height, url.GetVariantUrl(size, false), url.Source, user.ScreenName, user.UserId));
        }

        return variants;
    }
}
