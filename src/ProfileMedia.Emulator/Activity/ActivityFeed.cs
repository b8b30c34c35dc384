using System.Globalization;
using ProfileMedia.Emulator.Media;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Activity;

/// <summary>
/// What the upload endpoints tell the X Activity API: a new picture or banner is a profile.update event with the URLs
/// before and after, as the API's profile_image_url (the _normal size) and profile_banner_url (the bare banner URL)
/// would show them; a banner that is gone is "".
/// </summary>
internal static class ActivityFeed
{
    public static void ProfileImageChanged(EmulatorState state, UserRecord user, ProfileImage? before, ProfileImage after, MediaUrls urls) =>
        state.Activity.Publish(ActivityEventTypes.ProfilePicture, IdOf(user), urls.ProfileImage(before, "normal"), urls.ProfileImage(after, "normal"));

    /// <summary>Removing a banner the user did not have changes nothing, and so is no event.</summary>
    public static void BannerChanged(EmulatorState state, UserRecord user, Banner? before, Banner? after, MediaUrls urls)
    {
        if (before is not null || after is not null)
        {
            state.Activity.Publish(ActivityEventTypes.BannerPicture, IdOf(user), BannerUrl(user, before, urls), BannerUrl(user, after, urls));
        }
    }

    private static string BannerUrl(UserRecord user, Banner? banner, MediaUrls urls) => banner is null ? string.Empty : urls.BannerBase(user.Profile.Id, banner);

    private static string IdOf(UserRecord user) => user.Profile.Id.ToString(CultureInfo.InvariantCulture);
}
