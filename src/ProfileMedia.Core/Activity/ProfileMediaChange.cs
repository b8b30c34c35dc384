using System;
using System.Collections.Generic;
using System.Linq;
using ProfileMedia.Core.Urls;

namespace ProfileMedia;

/// <summary>
/// One change of a watched user's image or banner, as Watch-ProfileMedia writes it: who, what, when it arrived, and the
/// URL before and after. <see cref="Old"/> and <see cref="New"/> are variants (ProfileImageVariant or
/// ProfileBannerVariant), so the variant cmdlets and Save-ProfileMedia take them, and take the change itself as its new one.
/// </summary>
public sealed class ProfileMediaChange
{
    /// <summary>Creates a change; the stream reader builds these from events.</summary>
    public ProfileMediaChange(string eventId, ProfileMediaWatchKind kind, string userId, string? screenName, DateTimeOffset receivedAt, string? tag, string? oldUrl, string? newUrl)
    {
        EventId = eventId;
        Kind = kind;
        UserId = userId;
        ScreenName = screenName;
        ReceivedAt = receivedAt;
        Tag = tag;
        OldUrl = string.IsNullOrEmpty(oldUrl) ? null : oldUrl;
        NewUrl = string.IsNullOrEmpty(newUrl) ? null : newUrl;
        Old = VariantOf(OldUrl);
        New = VariantOf(NewUrl);
    }

    /// <summary>The event's event_uuid: a replay after a reconnect has the same one, and is written once.</summary>
    public string EventId { get; }

    /// <summary>Image or Banner.</summary>
    public ProfileMediaWatchKind Kind { get; }

    /// <summary>The user's numeric id.</summary>
    public string UserId { get; }

    /// <summary>The user's @name without the @, when this session knows it: the event itself carries only the id.</summary>
    public string? ScreenName { get; }

    /// <summary>When this computer received the event (UTC): the event carries no time of its own.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The subscription's tag, when it has one.</summary>
    public string? Tag { get; }

    /// <summary>The URL before the change (the image's _normal size, or the bare banner URL); null when there was none.</summary>
    public string? OldUrl { get; }

    /// <summary>The URL after the change; null for a removed banner.</summary>
    public string? NewUrl { get; }

    /// <summary>The old image or banner as a variant (the size the URL names; a banner as 1500x500), or null.</summary>
    public object? Old { get; }

    /// <summary>The new image or banner as a variant, or null when the banner was removed.</summary>
    public object? New { get; }

    /// <summary>The files -Archive saved for this change; empty when it did not archive.</summary>
    public IReadOnlyList<string> ArchivedFiles { get; internal set; } = Array.Empty<string>();

    /// <summary>
    /// The new image or banner in each of <paramref name="sizes"/> (names as -ImageSize and -BannerSize take them), as
    /// variants; none for a removed banner or a URL that follows no size rule.
    /// </summary>
    internal IReadOnlyList<object> NewVariants(IEnumerable<string> sizes)
    {
        var variants = new List<object>();
        if (Kind == ProfileMediaWatchKind.Image && ProfileImageUrl.TryParse(NewUrl, out ProfileImageUrl image) == UrlProblem.None)
        {
            foreach (string name in sizes)
            {
                if (ProfileImageSize.TryParse(name, out ProfileImageSize size))
                {
                    variants.Add(new ProfileImageVariant(size.Name, size.Width, size.Height, image.GetVariantUrl(size), image.IsDefaultImage, image.Source, ScreenName, UserId));
                }
            }
        }
        else if (Kind == ProfileMediaWatchKind.Banner && ProfileBannerUrl.TryParse(NewUrl, out ProfileBannerUrl banner) == UrlProblem.None)
        {
            foreach (string name in sizes)
            {
                if (BannerSize.TryParse(name, out BannerSize size))
                {
                    variants.Add(new ProfileBannerVariant(size.Name, size.Width, size.Height, banner.GetVariantUrl(size), banner.Source, ScreenName, UserId));
                }
            }
        }

        return variants;
    }

    /// <summary>A copy with the user's @name filled in.</summary>
    internal ProfileMediaChange WithScreenName(string? screenName) =>
        screenName == null ? this : new ProfileMediaChange(EventId, Kind, UserId, screenName, ReceivedAt, Tag, OldUrl, NewUrl);

    /// <inheritdoc />
    public override string ToString() => (ScreenName == null ? "user " + UserId : "@" + ScreenName) + " " + Kind + ": " + (OldUrl ?? "(none)") + " -> " + (NewUrl ?? "(none)");

    private object? VariantOf(string? url)
    {
        if (url == null)
        {
            return null;
        }

        if (Kind == ProfileMediaWatchKind.Image)
        {
            if (ProfileImageUrl.TryParse(url, out ProfileImageUrl image) != UrlProblem.None)
            {
                return null;
            }

            return new ProfileImageVariant(image.Size.Name, image.Size.Width, image.Size.Height, url, image.IsDefaultImage, image.Source, ScreenName, UserId);
        }

        if (ProfileBannerUrl.TryParse(url, out ProfileBannerUrl banner) != UrlProblem.None)
        {
            return null;
        }

        BannerSize size = banner.Size ?? BannerSize.All.First(known => known.Name == "1500x500");
        return new ProfileBannerVariant(size.Name, size.Width, size.Height, banner.Size == null ? banner.GetVariantUrl(size) : url, banner.Source, ScreenName, UserId);
    }
}
