namespace ProfileMedia.Core.Activity;

/// <summary>The X Activity API event type of each watch kind, and back.</summary>
internal static class WatchEventTypes
{
    public const string ProfilePicture = "profile.update.profile_picture";
    public const string BannerPicture = "profile.update.banner_picture";

    /// <summary>What X bills each delivered event ("Profile Update: Read"), in US dollars.</summary>
    public const decimal CostPerEvent = 0.005m;

    /// <summary>The subscriptions a self-serve app may hold.</summary>
    public const int SelfServeLimit = 1500;

    public static string Of(ProfileMediaWatchKind kind) => kind == ProfileMediaWatchKind.Banner ? BannerPicture : ProfilePicture;

    /// <summary>The kind of an event type; false for the event types this module does not watch (bio, posts, follows).</summary>
    public static bool TryParse(string? eventType, out ProfileMediaWatchKind kind)
    {
        kind = eventType == BannerPicture ? ProfileMediaWatchKind.Banner : ProfileMediaWatchKind.Image;
        return eventType == BannerPicture || eventType == ProfilePicture;
    }
}
