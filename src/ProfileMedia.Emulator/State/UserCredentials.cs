namespace ProfileMedia.Emulator.State;

/// <summary>The access token a user granted the emulator's one consumer app.</summary>
internal sealed record UserCredentials(string AccessToken, string AccessTokenSecret);
