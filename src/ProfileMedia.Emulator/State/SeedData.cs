using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// The users every emulator starts with (and returns to on reset). Credentials are fixed so runs are reproducible;
/// they are fake and only ever valid against this emulator.
/// </summary>
internal static class SeedData
{
    /// <summary>The one consumer app every seeded token belongs to, as a real deployment has one app and many users.</summary>
    public const string ConsumerKey = "EmuConsumerKey7fQ2xL9pWd3";
    public const string ConsumerSecret = "EmuConsumerSecret4hT8mZ1qR6vB0nK5sY2wE7uJ3cX9gA1d";

    /// <summary>The app-only token POST /oauth2/token hands out (the same one until invalidated, as on the service).</summary>
    public const string BearerToken = "AAAAAAAAAAAAAAAAAAAAAEmuBearer%2Fk3Qz8Lw1Pd6Rt0Xy5Nb9Vc2Hj4Mf7Gs%3DEmuAppOnlyToken2026";

    public const string UploadedUserScreenName = "EmulatedUser";
    public const string DefaultUserScreenName = "DefaultUser";
    public const string LegacyBannerScreenName = "VeteranUser";
    public const string SuspendedScreenName = "SuspendedUser";

    /// <summary>The account of the recorded users/show answer, so documentation examples run here as written.</summary>
    public const string RecordedScreenName = "Twitter";

    public static List<UserRecord> Build(int extraUsers)
    {
        var users = new List<UserRecord>
        {
            SeededUser(
                Profile(1000001, UploadedUserScreenName, "Emulated User", "Has an uploaded picture and a banner.", 2012),
                new UserCredentials("1000001-EmuTokenA9kP2mX7qL4wR8tZ1vC6bN3hJ5dF0gS", "EmuTokenSecretA3nV8cQ1xK6pW9mT2rL5zB7yH4jD0fG"),
                hasPicture: true,
                hasBanner: true,
                bannerIndex: 1),
            SeededUser(
                Profile(1000002, DefaultUserScreenName, "Default User", "Still has the default picture and no banner.", 2020),
                new UserCredentials("1000002-EmuTokenB4rT7wK2nM9xQ5pL1zV8cH3jF6dG0sA", "EmuTokenSecretB6pX1mR4kW9tL2qN7vZ3cJ8hF5dG0sY"),
                hasPicture: false,
                hasBanner: false,
                bannerIndex: 2),
            SeededUser(
                Profile(1000003, LegacyBannerScreenName, "Veteran User", "An older account whose banner answers six sizes.", 2009) with
                {
                    LegacyBannerSizes = true,
                },
                credentials: null,
                hasPicture: true,
                hasBanner: true,
                bannerIndex: 3),
            SeededUser(
                Profile(783214, RecordedScreenName, "Twitter", "What's happening?!", 2007),
                credentials: null,
                hasPicture: true,
                hasBanner: true,
                bannerIndex: 4),
            SeededUser(
                Profile(1000004, SuspendedScreenName, "Suspended User", "Suspended: v2 lookups answer with a Forbidden error, users/show with code 63.", 2016) with
                {
                    Suspended = true,
                },
                credentials: null,
                hasPicture: true,
                hasBanner: false,
                bannerIndex: 5),
        };

        for (var i = 1; i <= extraUsers; i++)
        {
            var screenName = "user" + i.ToString("D4", CultureInfo.InvariantCulture);
            users.Add(SeededUser(
                Profile(2000000 + i, screenName, "Bulk User " + i.ToString(CultureInfo.InvariantCulture), "Seeded for bulk tests.", 2015),
                credentials: null,
                hasPicture: true,
                hasBanner: true,
                bannerIndex: 1000 + i));
        }

        return users;
    }

    public static EmulatorAccount ToAccount(UserRecord user) => new(
        user.Profile.Id.ToString(CultureInfo.InvariantCulture),
        user.Profile.ScreenName,
        ConsumerKey,
        ConsumerSecret,
        user.Credentials!.AccessToken,
        user.Credentials.AccessTokenSecret);

    private static UserProfile Profile(long id, string screenName, string name, string description, int year) => new(
        id,
        screenName,
        name,
        description,
        Location: "Loopback",
        CreatedAt: new DateTimeOffset(year, 3, 14, 15, 9, 26, TimeSpan.Zero),
        FollowersCount: (int)(id % 997),
        FriendsCount: (int)(id % 89),
        StatusesCount: (int)(id % 1543),
        LegacyBannerSizes: false);

    private static UserRecord SeededUser(UserProfile profile, UserCredentials? credentials, bool hasPicture, bool hasBanner, int bannerIndex)
    {
        var imageId = MediaIdentifiers.SeededImageIdBase + profile.Id;
        var image = hasPicture ? new ProfileImage(imageId, MediaIdentifiers.ImageName(imageId), ImageFormat.Png, UploadedBytes: null) : null;
        var banner = hasBanner ? new Banner(MediaIdentifiers.SeededBannerStamp + bannerIndex) : null;
        return new UserRecord(profile, credentials, image, banner);
    }
}
