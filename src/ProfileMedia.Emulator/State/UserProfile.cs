using System;

namespace ProfileMedia.Emulator.State;

/// <summary>The parts of a user that never change in the emulator; a suspended user is found by no lookup.</summary>
internal sealed record UserProfile(
    long Id,
    string ScreenName,
    string Name,
    string Description,
    string Location,
    DateTimeOffset CreatedAt,
    int FollowersCount,
    int FriendsCount,
    int StatusesCount,
    bool LegacyBannerSizes,
    bool Suspended = false);
