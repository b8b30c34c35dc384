using System;
using System.Globalization;
using System.Text.Json;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// The v1.1 user object, with the keys, types and order of the recorded users/show body
/// (users-show.json: the recording in ../shared/fixtures, and the hand-written copy of its shape in tests/data).
/// profile_banner_url is only present when the user has a banner, as on the service.
/// </summary>
internal static class UserJson
{
    private const string DateFormat = "ddd MMM dd HH:mm:ss +0000 yyyy";

    public static void Write(Utf8JsonWriter json, UserProfile user, ProfileImage? image, Banner? banner, MediaUrls urls, bool includeStatus, bool includeEntities)
    {
        json.WriteStartObject();
        json.WriteNumber("id", user.Id);
        json.WriteString("id_str", user.Id.ToString(CultureInfo.InvariantCulture));
        json.WriteString("name", user.Name);
        json.WriteString("screen_name", user.ScreenName);
        json.WriteString("location", user.Location);
        json.WriteNull("profile_location");
        json.WriteString("description", user.Description);
        json.WriteNull("url");
        if (includeEntities)
        {
            json.WriteStartObject("entities");
            json.WriteStartObject("description");
            json.WriteStartArray("urls");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteBoolean("protected", false);
        json.WriteNumber("followers_count", user.FollowersCount);
        json.WriteNumber("friends_count", user.FriendsCount);
        json.WriteNumber("listed_count", 0);
        json.WriteString("created_at", FormatDate(user.CreatedAt));
        json.WriteNumber("favourites_count", 0);
        json.WriteNull("utc_offset");
        json.WriteNull("time_zone");
        json.WriteBoolean("geo_enabled", false);
        json.WriteBoolean("verified", false);
        json.WriteNumber("statuses_count", user.StatusesCount);
        json.WriteNull("lang");
        if (includeStatus)
        {
            WriteStatus(json, user, includeEntities);
        }

        json.WriteBoolean("contributors_enabled", false);
        json.WriteBoolean("is_translator", false);
        json.WriteBoolean("is_translation_enabled", false);
        json.WriteString("profile_background_color", "F5F8FA");
        json.WriteString("profile_background_image_url", "http://abs.twimg.com/images/themes/theme1/bg.png");
        json.WriteString("profile_background_image_url_https", "https://abs.twimg.com/images/themes/theme1/bg.png");
        json.WriteBoolean("profile_background_tile", false);
        var imageUrl = urls.ProfileImage(image, "normal");
        json.WriteString("profile_image_url", imageUrl);
        json.WriteString("profile_image_url_https", imageUrl);
        if (banner is not null)
        {
            json.WriteString("profile_banner_url", urls.BannerBase(user.Id, banner));
        }

        json.WriteString("profile_link_color", "1DA1F2");
        json.WriteString("profile_sidebar_border_color", "C0DEED");
        json.WriteString("profile_sidebar_fill_color", "DDEEF6");
        json.WriteString("profile_text_color", "333333");
        json.WriteBoolean("profile_use_background_image", true);
        json.WriteBoolean("has_extended_profile", false);
        json.WriteBoolean("default_profile", image is null && banner is null);
        json.WriteBoolean("default_profile_image", image is null);
        json.WriteBoolean("following", false);
        json.WriteBoolean("follow_request_sent", false);
        json.WriteBoolean("notifications", false);
        json.WriteString("translator_type", "none");
        json.WriteEndObject();
    }

    /// <summary>The user's latest post, in the recorded shape; present unless the caller asked for skip_status.</summary>
    private static void WriteStatus(Utf8JsonWriter json, UserProfile user, bool includeEntities)
    {
        var statusId = 1_300_000_000_000_000_000 + user.Id;
        json.WriteStartObject("status");
        json.WriteString("created_at", FormatDate(user.CreatedAt.AddDays(400)));
        json.WriteNumber("id", statusId);
        json.WriteString("id_str", statusId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("text", "Hello from the X API emulator.");
        json.WriteBoolean("truncated", false);
        if (includeEntities)
        {
            json.WriteStartObject("entities");
            foreach (var name in new[] { "hashtags", "symbols", "user_mentions", "urls" })
            {
                json.WriteStartArray(name);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteString("source", "<a href=\"https://github.com\" rel=\"nofollow\">ProfileMedia.Emulator</a>");
        foreach (var name in new[]
                 {
                     "in_reply_to_status_id", "in_reply_to_status_id_str", "in_reply_to_user_id", "in_reply_to_user_id_str",
                     "in_reply_to_screen_name", "geo", "coordinates", "place", "contributors",
                 })
        {
            json.WriteNull(name);
        }

        json.WriteBoolean("is_quote_status", false);
        json.WriteNumber("retweet_count", 0);
        json.WriteNumber("favorite_count", 0);
        json.WriteBoolean("favorited", false);
        json.WriteBoolean("retweeted", false);
        json.WriteString("lang", "en");
        json.WriteEndObject();
    }

    private static string FormatDate(DateTimeOffset date) => date.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
}
