using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.V2;

/// <summary>
/// The v2 user object: id, name and username always, and only the user.fields asked for. profile_image_url is the
/// _normal size; profile_banner_url is the bare banner URL and is left out for a user without a banner; there is no
/// default_profile_image (the default picture's URL says so).
/// </summary>
internal static class V2UserJson
{
    /// <summary>Every user.fields value the service accepts; the ones this emulator does not model are accepted and left out.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "affiliation", "confirmed_email", "connection_status", "created_at", "description", "entities", "id",
        "is_identity_verified", "location", "most_recent_tweet_id", "name", "parody", "pinned_tweet_id",
        "profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm", "subscription",
        "subscription_type", "url", "username", "verified", "verified_followers_count", "verified_type", "withheld",
    };

    public static void Write(Utf8JsonWriter json, UserRecord user, IReadOnlySet<string> fields, MediaUrls urls, DateTimeOffset now)
    {
        var profile = user.Profile;
        json.WriteStartObject();
        json.WriteString("id", profile.Id.ToString(CultureInfo.InvariantCulture));
        json.WriteString("name", profile.Name);
        json.WriteString("username", profile.ScreenName);
        if (fields.Contains("created_at"))
        {
            json.WriteString("created_at", profile.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (fields.Contains("description"))
        {
            json.WriteString("description", profile.Description);
        }

        if (fields.Contains("location"))
        {
            json.WriteString("location", profile.Location);
        }

        if (fields.Contains("profile_image_url"))
        {
            json.WriteString("profile_image_url", urls.ProfileImage(user.CurrentImage(now), "normal"));
        }

        if (fields.Contains("profile_banner_url") && user.Banner is { } banner)
        {
            json.WriteString("profile_banner_url", urls.BannerBase(profile.Id, banner));
        }

        if (fields.Contains("protected"))
        {
            json.WriteBoolean("protected", false);
        }

        if (fields.Contains("verified"))
        {
            json.WriteBoolean("verified", false);
        }

        if (fields.Contains("verified_type"))
        {
            json.WriteString("verified_type", "none");
        }

        if (fields.Contains("public_metrics"))
        {
            json.WriteStartObject("public_metrics");
            json.WriteNumber("followers_count", profile.FollowersCount);
            json.WriteNumber("following_count", profile.FriendsCount);
            json.WriteNumber("tweet_count", profile.StatusesCount);
            json.WriteNumber("listed_count", 0);
            json.WriteNumber("like_count", 0);
            json.WriteNumber("media_count", 0);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
