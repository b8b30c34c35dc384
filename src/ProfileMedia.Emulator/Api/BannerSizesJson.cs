using System.Text.Json;
using ProfileMedia.Emulator.Media;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// The users/profile_banner body. Current accounts list nine sizes as {"h","w","url"}; older accounts list six as
/// {"w","url","h"}, as recorded (users-profile-banner*.json: the recordings in
/// ../shared/fixtures, and the hand-written copies of their shapes in tests/data).
/// </summary>
internal static class BannerSizesJson
{
    public static void Write(Utf8JsonWriter json, UserProfile user, Banner banner, MediaUrls urls)
    {
        var legacy = user.LegacyBannerSizes;
        json.WriteStartObject();
        json.WriteStartObject("sizes");
        foreach (var size in legacy ? ImageSizes.LegacyBanner : ImageSizes.Banner)
        {
            var url = urls.BannerSize(user.Id, banner, size.Name);
            json.WriteStartObject(size.Name);
            if (legacy)
            {
                json.WriteNumber("w", size.Width);
                json.WriteString("url", url);
                json.WriteNumber("h", size.Height);
            }
            else
            {
                json.WriteNumber("h", size.Height);
                json.WriteNumber("w", size.Width);
                json.WriteString("url", url);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
