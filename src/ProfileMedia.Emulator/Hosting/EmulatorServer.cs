using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProfileMedia.Emulator.Hosting;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Hosting;

/// <summary>
/// A running X API emulator on 127.0.0.1: v1.1 under <see cref="BaseUri"/>, v2 and /oauth2/token under <see cref="RootUri"/>, the media hosts under
/// <see cref="MediaBaseUri"/>, and test controls under <see cref="ControlUri"/>, all on one port.
/// The methods here do what the /_emulator/ endpoints do, without going over HTTP.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    /// <summary>Large enough for a base64 5 MB banner with room to spare; larger bodies get Kestrel's 413.</summary>
    private const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private EmulatorServer(WebApplication app, EmulatorState state, Uri root)
    {
        _app = app;
        _state = state;
        BaseUri = new Uri(root, "1.1/");
        MediaBaseUri = root;
        ControlUri = new Uri(root, "_emulator/");
        RootUri = root;
        StartupJson = StartupInfo.ToJson(BaseUri, MediaBaseUri, ControlUri, Accounts, RootUri, BearerToken);
        state.StartupJson = StartupJson;
        state.Urls = new MediaUrls(MediaBaseUri);
    }

    /// <summary>The v1.1 API root, "http://127.0.0.1:PORT/1.1/".</summary>
    public Uri BaseUri { get; }

    /// <summary>The host root, "http://127.0.0.1:PORT/": /1.1/, /2/ and /oauth2/token hang below it.</summary>
    public Uri RootUri { get; }

    /// <summary>The app's Bearer token (app-only), as POST /oauth2/token hands it out.</summary>
    public string BearerToken => State.SeedData.BearerToken;

    /// <summary>The app's access level now; a reset returns it to the one the server started with.</summary>
    public AccessLevel AccessLevel
    {
        get => _state.AccessLevel;
        set => _state.AccessLevel = value;
    }

    /// <summary>The media host root, "http://127.0.0.1:PORT/".</summary>
    public Uri MediaBaseUri { get; }

    /// <summary>The control root, "http://127.0.0.1:PORT/_emulator/".</summary>
    public Uri ControlUri { get; }

    /// <summary>The seeded users that can sign requests.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts => _state.Accounts.Accounts;

    /// <summary>The JSON object the program prints as its first line.</summary>
    public string StartupJson { get; }

    /// <summary>Every API and media request so far (control calls excluded), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Log.Snapshot();

    /// <summary>Faults still queued, each with the uses it has left.</summary>
    public IReadOnlyList<FaultSpec> PendingFaults => _state.Faults.Pending();

    /// <summary>Starts the emulator on 127.0.0.1 (port 0 picks a free one) with the seeded accounts.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var state = new EmulatorState(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddSingleton<IHostLifetime, ManualHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));

        var app = builder.Build();
        app.Run(new RequestPipeline(state).HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorServer(app, state, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Queues a fault for the next <see cref="FaultSpec.Count"/> matching requests.</summary>
    public void InjectFault(FaultSpec fault) => _state.Faults.Add(fault);

    /// <summary>Drops every queued fault.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>Forgets the requests recorded so far.</summary>
    public void ClearRequests() => _state.Log.Clear();

    /// <summary>Back to the seeded users, pictures and banners, with no faults, log, rate-limit counts or remembered nonces.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Adds restrictions to a seeded user; <see cref="AccountRestrictions.None"/> lifts them all.</summary>
    /// <exception cref="ArgumentException">No seeded user has this screen name.</exception>
    public void Restrict(string screenName, AccountRestrictions restrictions)
    {
        ArgumentNullException.ThrowIfNull(screenName);
        if (!_state.TryRestrict(screenName, restrictions))
        {
            throw new ArgumentException($"No seeded user has the screen name '{screenName}'.", nameof(screenName));
        }
    }

    /// <summary>
    /// Approves the app for a request token as the seeded user <paramref name="screenName"/>, as the authorize page does
    /// for a person, and returns the PIN that oauth/access_token then takes once.
    /// </summary>
    /// <exception cref="ArgumentException">No seeded user has this screen name, or the request token is unknown, expired or used.</exception>
    public string AuthorizeRequestToken(string requestToken, string screenName)
    {
        ArgumentNullException.ThrowIfNull(requestToken);
        ArgumentNullException.ThrowIfNull(screenName);
        return _state.ApproveRequestToken(requestToken, screenName, out var unknownUser)
            ?? throw (unknownUser
                ? new ArgumentException($"No seeded user has the screen name '{screenName}'.", nameof(screenName))
                : new ArgumentException($"No request token '{requestToken}' is waiting for approval: unknown, expired or already used.", nameof(requestToken)));
    }

    /// <summary>Makes a request token expire now; false when it was not live (unknown, expired or used).</summary>
    public bool ExpireRequestToken(string requestToken)
    {
        ArgumentNullException.ThrowIfNull(requestToken);
        return _state.Authorizations.Expire(requestToken);
    }

    /// <summary>A user's picture and banner URLs as of now.</summary>
    /// <exception cref="ArgumentException">No seeded user has this screen name.</exception>
    public EmulatorMediaUrls GetMediaUrls(string screenName)
    {
        ArgumentNullException.ThrowIfNull(screenName);
        return _state.MediaUrlsFor(screenName)
            ?? throw new ArgumentException($"No seeded user has the screen name '{screenName}'.", nameof(screenName));
    }

    /// <summary>Stops listening; requests still running get a second to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
