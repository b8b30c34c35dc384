using System;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Emulator;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>One emulator per test class, and clients of the module's own API client connected to it over loopback.</summary>
public sealed class ClientHarness : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;

    public EmulatorAccount Uploader => Server.Accounts.Single(a => a.ScreenName == "EmulatedUser");

    public EmulatorAccount DefaultUser => Server.Accounts.Single(a => a.ScreenName == "DefaultUser");

    public async Task InitializeAsync() =>
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { ProcessingDelay = TimeSpan.FromMilliseconds(300), AccessLevel = AccessLevel.Enterprise });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    internal XApiClient Client(EmulatorAccount? account = null, Action<XApiClientOptions>? configure = null, string? consumerSecret = null)
    {
        account ??= Uploader;
        // These clients are the v1.1 mode's: the emulator runs at the enterprise level, where v1.1 reads still work.
        var options = new XApiClientOptions { BaseUri = Server.BaseUri, RetryBaseDelay = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10), ReadApi = ReadApi.V1 };
        configure?.Invoke(options);
        var credentials = new OAuthCredentials(account.ConsumerKey, Secret(consumerSecret ?? account.ConsumerSecret), account.AccessToken, Secret(account.AccessTokenSecret));
        return new XApiClient(credentials, options);
    }

    public static SecureString Secret(string value)
    {
        var secret = new SecureString();
        foreach (char c in value)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }
}
