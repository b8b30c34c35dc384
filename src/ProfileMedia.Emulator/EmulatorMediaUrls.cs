using System;

namespace ProfileMedia.Emulator;

/// <summary>Where a user's pictures live on the media host right now.</summary>
/// <param name="ProfileImageUrl">The "_normal" URL users/show reports now.</param>
/// <param name="PendingProfileImageUrl">An uploaded picture still being processed, which will replace the current one.</param>
/// <param name="ProfileBannerUrl">The banner base URL (append "/1500x500" etc.), or null without a banner.</param>
public sealed record EmulatorMediaUrls(Uri ProfileImageUrl, Uri? PendingProfileImageUrl, Uri? ProfileBannerUrl);
