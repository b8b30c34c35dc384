using System;
using System.Collections.Generic;

namespace ProfileMedia.Emulator.Activity;

/// <summary>The event types the X Activity API documents (docs.x.com, X Activity API introduction); all filter on user_id.</summary>
internal static class ActivityEventTypes
{
    public const string ProfilePicture = "profile.update.profile_picture";
    public const string BannerPicture = "profile.update.banner_picture";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "profile.update.bio",
        ProfilePicture,
        BannerPicture,
        "profile.update.screenname",
        "profile.update.handle",
        "profile.update.geo",
        "profile.update.url",
        "profile.update.verified_badge",
        "profile.update.affiliate_badge",
        "post.create",
        "post.delete",
        "follow.follow",
        "follow.unfollow",
    };
}
