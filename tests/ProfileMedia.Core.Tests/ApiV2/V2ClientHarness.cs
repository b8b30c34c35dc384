using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Core.Tests.Api;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>One emulator at the default access level (pay-per-use) with 250 bulk users, and v2 clients of the module.</summary>
public sealed class V2ClientHarness : IAsyncLifetime
{
    public const int BulkUsers = 250;

    public EmulatorServer Server { get; private set; } = null!;

    public EmulatorAccount Uploader => Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");

    public async Task InitializeAsync() =>
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { ProcessingDelay = TimeSpan.FromMilliseconds(300), ExtraUsers = BulkUsers });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>user0001 ... userN, as references.</summary>
    internal static List<UserReference> Bulk(int count) =>
        Enumerable.Range(1, count).Select(i => UserReference.ForScreenName("user" + i.ToString("D4", CultureInfo.InvariantCulture), out _)!).ToList();

    internal static UserReference Name(string name) => UserReference.ForScreenName(name, out _)!;

    /// <summary>A client with only the app's Bearer token (or another token), as a read-only user has.</summary>
    internal XApiClient BearerClient(string? token = null, Action<XApiClientOptions>? configure = null) =>
        new(null, new BearerToken(ClientHarness.Secret(token ?? Server.BearerToken)), Options(configure));

    /// <summary>A client with OAuth 1.0a user context only.</summary>
    internal XApiClient UserClient(Action<XApiClientOptions>? configure = null)
    {
        var account = Uploader;
        var credentials = new OAuthCredentials(account.ConsumerKey, ClientHarness.Secret(account.ConsumerSecret), account.AccessToken, ClientHarness.Secret(account.AccessTokenSecret));
        return new XApiClient(credentials, null, Options(configure));
    }

    /// <summary>API requests the emulator saw under /2/, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> V2Requests => Server.Requests.Where(r => r.PathAndQuery.StartsWith("/2/", StringComparison.Ordinal)).ToList();

    private XApiClientOptions Options(Action<XApiClientOptions>? configure)
    {
        var options = new XApiClientOptions { BaseUri = Server.RootUri, RetryBaseDelay = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return options;
    }
}
