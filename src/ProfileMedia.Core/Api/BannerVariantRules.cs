using System;
using System.Collections.Generic;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The rules for the banner sizes the API lists (users/profile_banner), matching what the URL form gives: the sizes
/// asked for in the order asked, and https when asked for.
/// </summary>
internal static class BannerVariantRules
{
    /// <summary>
    /// The sizes of <paramref name="listed"/> named in <paramref name="wanted"/>, in that order (a size the API does not
    /// list is left out); every listed size when <paramref name="wanted"/> is null. With <paramref name="https"/>, a
    /// plain http URL becomes https and nothing else changes.
    /// </summary>
    public static IReadOnlyList<ProfileBannerVariant> Select(IReadOnlyList<ProfileBannerVariant> listed, IReadOnlyList<BannerSize>? wanted, bool https)
    {
        var selected = new List<ProfileBannerVariant>(wanted?.Count ?? listed.Count);
        if (wanted == null)
        {
            foreach (ProfileBannerVariant size in listed)
            {
                selected.Add(https ? WithHttps(size) : size);
            }

            return selected;
        }

        foreach (BannerSize size in wanted)
        {
            foreach (ProfileBannerVariant candidate in listed)
            {
                if (string.Equals(candidate.Name, size.Name, StringComparison.OrdinalIgnoreCase))
                {
                    selected.Add(https ? WithHttps(candidate) : candidate);
                }
            }
        }

        return selected;
    }

    private static ProfileBannerVariant WithHttps(ProfileBannerVariant size) =>
        size.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? new ProfileBannerVariant(size.Name, size.Width, size.Height, "https" + size.Url.Substring(4), size.SourceUrl, size.ScreenName, size.UserId)
            : size;
}
