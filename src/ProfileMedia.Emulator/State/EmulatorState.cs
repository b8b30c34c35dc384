using System;
using System.Threading;
using ProfileMedia.Emulator.Activity;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.Authorization;
using ProfileMedia.Emulator.Faults;
using ProfileMedia.Emulator.Media;
using ProfileMedia.Emulator.OAuth;

namespace ProfileMedia.Emulator.State;

/// <summary>Everything one running emulator knows, shared by its HTTP handlers and the <see cref="EmulatorServer"/> API.</summary>
internal sealed class EmulatorState
{
    /// <summary>RFC 5849 leaves the tolerance to the server; the service allows five minutes either way.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(300);

    private int _accessLevel;

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider;
        Accounts = new AccountStore(options.ExtraUsers, Clock);
        Nonces = new NonceCache(Clock, TimestampTolerance * 2);
        RateLimiter = new RateLimiter(options.RateLimit, options.RateWindow, Clock);
        Log = new RequestLog(options.RequestLogWriter);
        Authorizations = new AuthorizationStore(Clock, options.RequestTokenLifetime);
        Verifier = new OAuthVerifier(Accounts, Authorizations, Nonces, Clock, TimestampTolerance);
        AccessLevel = options.AccessLevel;
        Activity = new ActivityHub(options);
    }

    public EmulatorOptions Options { get; }

    /// <summary>The app's access level now: the option's until a test changes it; reset restores the option's.</summary>
    public AccessLevel AccessLevel
    {
        get => (AccessLevel)Volatile.Read(ref _accessLevel);
        set => Volatile.Write(ref _accessLevel, (int)value);
    }

    public TimeProvider Clock { get; }

    public AccountStore Accounts { get; }

    public MediaCache Media { get; } = new();

    public NonceCache Nonces { get; }

    public OAuthVerifier Verifier { get; }

    /// <summary>Request tokens, PINs and the access tokens the three-legged flow issued.</summary>
    public AuthorizationStore Authorizations { get; }

    public RateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; } = new();

    public RequestLog Log { get; }

    /// <summary>The X Activity API: subscriptions, delivered events and open streams.</summary>
    public ActivityHub Activity { get; }

    /// <summary>
    /// The pictures the upload endpoints accepted, with the dimensions their headers declare, so a test can compare
    /// what arrived with what the module announced (Set-ProfileImage -Fit -WhatIf against the real upload).
    /// </summary>
    public BoundedLog<ReceivedImage> ReceivedImages { get; } = new(10_000);

    /// <summary>Known once the listener is bound, because the port is part of every media URL.</summary>
    public MediaUrls? Urls { get; set; }

    /// <summary>The startup JSON line, known once the listener is bound.</summary>
    public string? StartupJson { get; set; }

    /// <summary>Adds restrictions to a user (<see cref="AccountRestrictions.None"/> lifts them all); false for an unknown screen name.</summary>
    public bool TryRestrict(string screenName, AccountRestrictions restrictions)
    {
        var user = Accounts.FindByScreenName(screenName);
        user?.Restrict(restrictions);
        return user is not null;
    }

    /// <summary>
    /// The user with this screen name approves the app for a request token, as on the authorize page: returns the PIN,
    /// or null (and which of the two was unknown) when the user or the live request token does not exist.
    /// </summary>
    public string? ApproveRequestToken(string requestToken, string screenName, out bool unknownUser)
    {
        var user = Accounts.FindByScreenName(screenName);
        unknownUser = user is null;
        return user is null ? null : Authorizations.Approve(requestToken, user.Profile.Id);
    }

    /// <summary>A user's picture and banner URLs as of now, or null for an unknown screen name or before the listener is bound.</summary>
    public EmulatorMediaUrls? MediaUrlsFor(string screenName)
    {
        if (Accounts.FindByScreenName(screenName) is not { } user || Urls is not { } urls)
        {
            return null;
        }

        var now = Clock.GetUtcNow();
        var pending = user.PendingImage(now);
        var banner = user.Banner;
        return new EmulatorMediaUrls(
            new Uri(urls.ProfileImage(user.CurrentImage(now), "normal")),
            pending is null ? null : new Uri(urls.ProfileImage(pending, "normal")),
            banner is null ? null : new Uri(urls.BannerBase(user.Profile.Id, banner)));
    }

    /// <summary>Back to the seeded state: users, pictures and banners, and no faults, log, rate counts, nonces, issued tokens or activity subscriptions.</summary>
    public void Reset()
    {
        Authorizations.Clear();
        Faults.Clear();
        Log.Clear();
        ReceivedImages.Clear();
        RateLimiter.Clear();
        Nonces.Clear();
        Accounts.Reset();
        Activity.Reset();
        AccessLevel = Options.AccessLevel;
    }
}
