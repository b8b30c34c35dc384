using System;
using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// One file to save: its URL, kind and size, and (when known) whose it is, so that an outdated URL can be refreshed
/// from the user's current one. Built from what the other cmdlets output, or from a plain URL.
/// </summary>
internal sealed class MediaRequest
{
    /// <summary>The order -Fallback tries when the original image is not available.</summary>
    private static readonly string[] FallbackOrder = { "original", "400x400", "bigger", "normal" };

    private MediaRequest(MediaKind kind, string url, string size, string? screenName, string? userId)
    {
        Kind = kind;
        Url = url;
        Size = size;
        ScreenName = screenName;
        UserId = userId;
    }

    /// <summary>Image or banner.</summary>
    public MediaKind Kind { get; }

    /// <summary>The URL to fetch.</summary>
    public string Url { get; }

    /// <summary>The size name asked for, such as 400x400 or 1500x500.</summary>
    public string Size { get; }

    /// <summary>The owner's screen name, when known.</summary>
    public string? ScreenName { get; }

    /// <summary>The owner's id, when known.</summary>
    public string? UserId { get; }

    /// <summary>True when the owner is known, so an outdated URL can be refreshed through users/show.</summary>
    public bool KnowsUser => ScreenName != null || UserId != null;

    /// <summary>A profile image variant, as Get-ProfileImageVariant outputs it.</summary>
    public static MediaRequest From(ProfileImageVariant variant) =>
        new MediaRequest(MediaKind.ProfileImage, variant.Url, variant.Size, variant.ScreenName, variant.UserId);

    /// <summary>A banner variant, as Get-ProfileBanner outputs it.</summary>
    public static MediaRequest From(ProfileBannerVariant variant) =>
        new MediaRequest(MediaKind.Banner, variant.Url, variant.Name, variant.ScreenName, variant.UserId);

    /// <summary>A user's profile image in <paramref name="imageSize"/>, or null when the user has no usable image URL.</summary>
    public static MediaRequest? ImageOf(ProfileUser user, string imageSize)
    {
        string? source = user.ProfileImageUrlHttps ?? user.ProfileImageUrl;
        if (ProfileImageUrl.TryParse(source, out ProfileImageUrl url) != UrlProblem.None || !ProfileImageSize.TryParse(imageSize, out ProfileImageSize size))
        {
            return null;
        }

        return new MediaRequest(MediaKind.ProfileImage, url.GetVariantUrl(size), size.Name, user.ScreenName, user.UserId);
    }

    /// <summary>A user's banner in <paramref name="bannerSize"/>, or null when the user has no banner.</summary>
    public static MediaRequest? BannerOf(ProfileUser user, string bannerSize)
    {
        string? url = BannerUrl(user.ProfileBannerUrl, bannerSize);
        return url == null ? null : new MediaRequest(MediaKind.Banner, url, bannerSize, user.ScreenName, user.UserId);
    }

    /// <summary>
    /// A plain URL: a banner when it ends in a banner size name, else a profile image in the size its name shows.
    /// Returns the problem when it is neither.
    /// </summary>
    public static UrlProblem FromUrl(string? value, out MediaRequest? request)
    {
        request = null;
        if (ProfileBannerUrl.TryParse(value, out ProfileBannerUrl banner) == UrlProblem.None)
        {
            if (banner.Size != null)
            {
                request = new MediaRequest(MediaKind.Banner, value!, banner.Size.Name, null, null);
                return UrlProblem.None;
            }

            if (value!.IndexOf("/profile_banners/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return UrlProblem.BannerUrlWithoutSize;
            }
        }

        UrlProblem problem = ProfileImageUrl.TryParse(value, out ProfileImageUrl image);
        if (problem == UrlProblem.None)
        {
            request = new MediaRequest(MediaKind.ProfileImage, value!, image.Size.Name, null, null);
        }

        return problem;
    }

    /// <summary>The sizes to try in order: with <paramref name="fallback"/>, an original image falls back to smaller ones.</summary>
    public IReadOnlyList<string> SizesToTry(bool fallback)
    {
        if (!fallback || Kind != MediaKind.ProfileImage || !string.Equals(Size, "original", StringComparison.OrdinalIgnoreCase))
        {
            return new[] { Size };
        }

        return FallbackOrder;
    }

    /// <summary>The URL of <paramref name="size"/> of the same image, derived from <see cref="Url"/>.</summary>
    public string UrlOfSize(string size)
    {
        if (Kind == MediaKind.ProfileImage && ProfileImageUrl.TryParse(Url, out ProfileImageUrl url) == UrlProblem.None && ProfileImageSize.TryParse(size, out ProfileImageSize imageSize))
        {
            return url.GetVariantUrl(imageSize);
        }

        return Url;
    }

    /// <summary>The same request with the URL derived again from the user's current one; null when the user no longer has it.</summary>
    public MediaRequest? RefreshedFrom(ProfileUser user) => Kind == MediaKind.ProfileImage ? ImageOf(user, Size) : BannerOf(user, Size);

    private static string? BannerUrl(string? bannerBase, string size)
    {
        if (ProfileBannerUrl.TryParse(bannerBase, out ProfileBannerUrl banner) != UrlProblem.None)
        {
            return null;
        }

        // Sizes outside the known nine (the API's map is open) follow the same "/<name>" rule.
        return BannerSize.TryParse(size, out BannerSize known) ? banner.GetVariantUrl(known) : banner.GetBaseUrl().TrimEnd('/') + "/" + size;
    }
}
