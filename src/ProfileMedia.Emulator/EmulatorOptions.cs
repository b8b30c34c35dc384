using System;
using System.IO;

namespace ProfileMedia.Emulator;

/// <summary>How an <see cref="EmulatorServer"/> behaves. The defaults match the real service.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 lets the operating system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Calls allowed per endpoint per access token in one <see cref="RateWindow"/>; the next one answers 429.</summary>
    public int RateLimit { get; init; } = 900;

    /// <summary>Length of a rate-limit window, counted from the first call in it.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after update_profile_image the new picture becomes the one users/show reports.
    /// The real service processes uploads asynchronously and takes a few seconds.
    /// </summary>
    public TimeSpan ProcessingDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many extra lookup-only users (user0001, user0002, ...) to seed, each with a picture and a banner.</summary>
    public int ExtraUsers { get; init; }

    /// <summary>
    /// How long a request token from oauth/request_token can be approved and exchanged. The service does not publish its
    /// figure; tests that need an expired token use <see cref="EmulatorServer.ExpireRequestToken"/> instead of waiting.
    /// </summary>
    public TimeSpan RequestTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The access level of the emulator's app; pay-per-use, what new apps get, unless a test asks for another.</summary>
    public AccessLevel AccessLevel { get; init; } = AccessLevel.PayPerUse;

    /// <summary>How many X Activity API subscriptions the app may hold; 1,500 on self-serve.</summary>
    public int SubscriptionLimit { get; init; } = 1500;

    /// <summary>How long an idle activity stream waits before its "\r\n" keep-alive; the service's is 20 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The clock behind OAuth timestamps, rate-limit windows and upload processing.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When set, one line per answered request is written here (the program passes standard error).</summary>
    public TextWriter? RequestLogWriter { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RateWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessingDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(ExtraUsers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExtraUsers, 99999);
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriptionLimit, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (!Enum.IsDefined(AccessLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(AccessLevel), AccessLevel, "Unknown access level.");
        }
    }
}
