namespace ProfileMedia.Emulator.State;

/// <summary>How an oauth/access_token call ended.</summary>
internal enum ExchangeOutcome
{
    /// <summary>The PIN matched: the request token is used up and <see cref="Exchange.Issued"/> is the new access token.</summary>
    Issued,

    /// <summary>No approval yet, no PIN, or another PIN: the request token stays usable.</summary>
    WrongVerifier,

    /// <summary>The request token is unknown, expired, already exchanged, or another app's.</summary>
    TokenNotLive,
}

/// <summary>What an access_token call got: the new token when <see cref="Outcome"/> is <see cref="ExchangeOutcome.Issued"/>.</summary>
internal sealed record Exchange(ExchangeOutcome Outcome, IssuedAccessToken? Issued);
