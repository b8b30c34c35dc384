namespace ProfileMedia.Emulator.State;

/// <summary>One banner as the media host knows it: /profile_banners/{userId}/{Stamp}/{size}.</summary>
internal sealed record Banner(long Stamp);
