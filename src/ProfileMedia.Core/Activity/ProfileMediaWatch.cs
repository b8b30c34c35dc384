using System;

namespace ProfileMedia;

/// <summary>
/// One X Activity API subscription that watches a user's image or banner: what Register-ProfileMediaWatch creates,
/// Get-ProfileMediaWatch lists and Unregister-ProfileMediaWatch removes.
/// </summary>
public sealed class ProfileMediaWatch
{
    /// <summary>Creates a watch; the API client builds these from subscription objects.</summary>
    public ProfileMediaWatch(string subscriptionId, string userId, string? screenName, ProfileMediaWatchKind kind, string? tag, DateTimeOffset? createdAt, DateTimeOffset? updatedAt)
    {
        SubscriptionId = subscriptionId;
        UserId = userId;
        ScreenName = screenName;
        Kind = kind;
        Tag = tag;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>The subscription's id, as Unregister-ProfileMediaWatch takes it.</summary>
    public string SubscriptionId { get; }

    /// <summary>The watched user's numeric id.</summary>
    public string UserId { get; }

    /// <summary>The watched user's @name without the @, when this session knows it (the stream and the list give only ids).</summary>
    public string? ScreenName { get; }

    /// <summary>Image or Banner.</summary>
    public ProfileMediaWatchKind Kind { get; }

    /// <summary>The app's label for the subscription, echoed on every event; null when none was given.</summary>
    public string? Tag { get; }

    /// <summary>When the subscription was created.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>The same watch with the user's name filled in.</summary>
    internal ProfileMediaWatch WithScreenName(string? screenName) =>
        screenName == null || screenName == ScreenName ? this : new ProfileMediaWatch(SubscriptionId, UserId, screenName, Kind, Tag, CreatedAt, UpdatedAt);

    /// <inheritdoc />
    public override string ToString() => (ScreenName == null ? "user " + UserId : "@" + ScreenName) + " " + Kind + " (" + SubscriptionId + ")";
}
