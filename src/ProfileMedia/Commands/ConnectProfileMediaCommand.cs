using System;
using System.Management.Automation;
using System.Security;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Session;

namespace ProfileMedia.Commands;

/// <summary>Connects the session to the X API with OAuth 1.0a user-context credentials.</summary>
[Cmdlet(VerbsCommunications.Connect, "ProfileMedia")]
[OutputType(typeof(ProfileMediaConnection))]
public sealed class ConnectProfileMediaCommand : PSCmdlet
{
    /// <summary>The app's API key; PROFILEMEDIA_CONSUMER_KEY when left out.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ConsumerKey { get; set; }

    /// <summary>The app's API key secret; PROFILEMEDIA_CONSUMER_SECRET when left out.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? ConsumerSecret { get; set; }

    /// <summary>The account's access token; PROFILEMEDIA_ACCESS_TOKEN when left out.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? AccessToken { get; set; }

    /// <summary>The account's access token secret; PROFILEMEDIA_ACCESS_TOKEN_SECRET when left out.</summary>
    [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? AccessTokenSecret { get; set; }

    /// <summary>The API base; https://api.x.com/1.1/ (or PROFILEMEDIA_API_BASE_URI) when left out. Plain http only for loopback.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Uri? ApiBaseUri { get; set; }

    /// <summary>What a 429 answer does by default on this connection.</summary>
    [Parameter]
    public RateLimitAction RateLimitAction { get; set; } = RateLimitAction.Fail;

    /// <summary>The longest a call waits for a rate-limit window.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00", "1.00:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one request may take.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00.001", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a transient failure (5xx, dropped connection, time-out) is retried.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each later one doubles, with jitter.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Output the connection, for -Connection in scripts that handle several accounts.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    /// <remarks>
    /// Per record, so that the credentials Complete-ProfileMediaAuthorization outputs bind by property name: each piped
    /// account is connected in turn, and the last one becomes the session's.
    /// </remarks>
    protected override void ProcessRecord()
    {
        string? consumerKey = ConsumerKey ?? CredentialEnvironment.Text(CredentialEnvironment.ConsumerKeyVariable);
        string? accessToken = AccessToken ?? CredentialEnvironment.Text(CredentialEnvironment.AccessTokenVariable);
        SecureString? consumerSecret = ConsumerSecret ?? CredentialEnvironment.Secret(CredentialEnvironment.ConsumerSecretVariable);
        SecureString? tokenSecret = AccessTokenSecret ?? CredentialEnvironment.Secret(CredentialEnvironment.AccessTokenSecretVariable);
        var missing = CredentialEnvironment.Missing(
            (consumerKey == null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable),
            (consumerSecret == null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable),
            (accessToken == null, nameof(AccessToken), CredentialEnvironment.AccessTokenVariable),
            (tokenSecret == null, nameof(AccessTokenSecret), CredentialEnvironment.AccessTokenSecretVariable));
        if (missing.Count > 0)
        {
            ThrowTerminatingError(ErrorRecords.MissingCredential(missing));
        }

        ThrowIfEmpty(consumerKey!, ConsumerKey != null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable);
        ThrowIfEmpty(accessToken!, AccessToken != null, nameof(AccessToken), CredentialEnvironment.AccessTokenVariable);
        ThrowIfEmpty(consumerSecret!, ConsumerSecret != null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable);
        ThrowIfEmpty(tokenSecret!, AccessTokenSecret != null, nameof(AccessTokenSecret), CredentialEnvironment.AccessTokenSecretVariable);
        Uri baseUri;
        try
        {
            baseUri = CredentialEnvironment.ApiBaseUri(ApiBaseUri);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.InvalidApiBaseUri(e.Message, CredentialEnvironment.Text(CredentialEnvironment.ApiBaseUriVariable), e));
            return;
        }

        var options = new XApiClientOptions
        {
            BaseUri = baseUri,
            RateLimitAction = RateLimitAction,
            MaxRateLimitWait = MaxRateLimitWait,
            Timeout = Timeout,
            MaxRetries = MaxRetries,
            RetryBaseDelay = RetryBaseDelay,
        };

        try
        {
            Core.Api.ApiBaseUri.Validate(baseUri);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.InvalidApiBaseUri(e.Message, Core.Api.ApiBaseUri.WithoutUserInfo(baseUri), e));
        }

        // Every credential was checked above, so OAuthCredentials has nothing left to refuse.
        var connection = new ProfileMediaConnection(new OAuthCredentials(consumerKey!, consumerSecret!, accessToken!, tokenSecret!), options);

        // The previous default is left to its owner: a script may still hold it from -PassThru.
        ConnectionStore.Set(this, connection);
        WriteVerbose("Connected to " + connection.BaseUri + " (no request is made until a cmdlet needs one).");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    // A key, token or secret that is empty or white space is named as such: OAuth cannot sign with it.
    private void ThrowIfEmpty(string value, bool fromParameter, string parameter, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowTerminatingError(ErrorRecords.EmptyCredential(fromParameter ? "-" + parameter : "$env:" + variable));
        }
    }

    private void ThrowIfEmpty(SecureString secret, bool fromParameter, string parameter, string variable)
    {
        if (OAuthCredentials.IsBlank(secret))
        {
            ThrowTerminatingError(ErrorRecords.EmptyCredential(fromParameter ? "-" + parameter : "$env:" + variable));
        }
    }
}
