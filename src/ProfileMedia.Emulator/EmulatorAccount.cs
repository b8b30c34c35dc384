namespace ProfileMedia.Emulator;

/// <summary>A seeded user the module can sign in as: one consumer app shared by all accounts, one access token each.</summary>
public sealed record EmulatorAccount(
    string UserId,
    string ScreenName,
    string ConsumerKey,
    string ConsumerSecret,
    string AccessToken,
    string AccessTokenSecret);
