namespace ProfileMedia;

/// <summary>What a watch follows: the profile image (profile.update.profile_picture) or the banner (profile.update.banner_picture).</summary>
public enum ProfileMediaWatchKind
{
    /// <summary>The profile image: X Activity API event type profile.update.profile_picture.</summary>
    Image,

    /// <summary>The banner: X Activity API event type profile.update.banner_picture.</summary>
    Banner,
}
