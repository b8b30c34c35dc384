using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// The three-legged flow's state: request tokens (each one-time, expiring, approved for at most one user with a PIN)
/// and the access tokens issued for them. One lock, because a test may authorize and exchange concurrently.
/// </summary>
internal sealed class AuthorizationStore(TimeProvider clock, TimeSpan requestTokenLifetime)
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int PinDigits = 7; // the PINs X shows are seven digits

    private readonly object _gate = new();
    private readonly Dictionary<string, RequestTokenState> _requestTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedAccessToken> _accessTokens = new(StringComparer.Ordinal);

    /// <summary>Issues a request token and its secret for a consumer, valid for the configured lifetime.</summary>
    public (string Token, string Secret) IssueRequestToken(string consumerKey)
    {
        var token = RandomText(32);
        var secret = RandomText(32);
        lock (_gate)
        {
            _requestTokens[token] = new RequestTokenState(consumerKey, secret, clock.GetUtcNow() + requestTokenLifetime);
        }

        return (token, secret);
    }

    /// <summary>The secret of a request token that may still be exchanged by this consumer; null when unknown, expired or used.</summary>
    public string? LiveRequestTokenSecret(string token, string consumerKey)
    {
        lock (_gate)
        {
            return Live(token) is { } state && state.ConsumerKey == consumerKey ? state.Secret : null;
        }
    }

    /// <summary>The user approves the app for this request token: returns the PIN to show, or null when the token is not live.</summary>
    /// <remarks>Approving again (the same or another user) issues a new PIN; only the latest one is valid.</remarks>
    public string? Approve(string token, long userId)
    {
        lock (_gate)
        {
            if (Live(token) is not { } state)
            {
                return null;
            }

            state.ApprovedUserId = userId;
            state.Pin = RandomPin();
            return state.Pin;
        }
    }

    /// <summary>
    /// Trades an approved request token and its PIN for an access token. A wrong PIN leaves the request token usable
    /// until it expires; a right one uses it up, so the same PIN never works twice.
    /// </summary>
    public Exchange Exchange(string token, string consumerKey, string? verifier)
    {
        lock (_gate)
        {
            if (Live(token) is not { } state || state.ConsumerKey != consumerKey)
            {
                return new Exchange(ExchangeOutcome.TokenNotLive, null);
            }

            if (state.Pin is null || state.ApprovedUserId is not { } userId || verifier is null || !SameText(state.Pin, verifier))
            {
                return new Exchange(ExchangeOutcome.WrongVerifier, null);
            }

            state.Used = true;
            var issued = new IssuedAccessToken(
                userId.ToString(CultureInfo.InvariantCulture) + "-" + RandomText(40), RandomText(45), userId);
            _accessTokens[issued.Token] = issued;
            return new Exchange(ExchangeOutcome.Issued, issued);
        }
    }

    /// <summary>An access token issued by <see cref="Exchange"/>, or null.</summary>
    public IssuedAccessToken? FindAccessToken(string token)
    {
        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(token);
        }
    }

    /// <summary>Makes a live request token expire now, so tests need not wait; false when it was not live.</summary>
    public bool Expire(string token)
    {
        lock (_gate)
        {
            if (Live(token) is not { } state)
            {
                return false;
            }

            state.ExpiresAt = clock.GetUtcNow();
            return true;
        }
    }

    /// <summary>Forgets every request token and issued access token, as a reset returns to the seeded credentials only.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requestTokens.Clear();
            _accessTokens.Clear();
        }
    }

    private RequestTokenState? Live(string token) =>
        _requestTokens.TryGetValue(token, out var state) && !state.Used && clock.GetUtcNow() < state.ExpiresAt ? state : null;

    private static bool SameText(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    private static string RandomText(int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = TokenAlphabet[RandomNumberGenerator.GetInt32(TokenAlphabet.Length)];
        }

        return new string(text);
    }

    private static string RandomPin() =>
        RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D" + PinDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private sealed class RequestTokenState(string consumerKey, string secret, DateTimeOffset expiresAt)
    {
        public string ConsumerKey { get; } = consumerKey;

        public string Secret { get; } = secret;

        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

        public long? ApprovedUserId { get; set; }

        public string? Pin { get; set; }

        public bool Used { get; set; }
    }
}
