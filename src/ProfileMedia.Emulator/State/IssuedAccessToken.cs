namespace ProfileMedia.Emulator.State;

/// <summary>An access token the flow issued: it signs requests for <paramref name="UserId"/> from the moment it exists.</summary>
internal sealed record IssuedAccessToken(string Token, string Secret, long UserId);
