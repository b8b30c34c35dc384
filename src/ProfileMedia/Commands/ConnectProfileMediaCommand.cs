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
    /// <summary>Environment variables read for what the parameters leave out.</summary>
    internal const string ConsumerKeyVariable = "PROFILEMEDIA_CONSUMER_KEY";
    internal const string ConsumerSecretVariable = "PROFILEMEDIA_CONSUMER_SECRET";
    internal const string AccessTokenVariable = "PROFILEMEDIA_ACCESS_TOKEN";
    internal const string AccessTokenSecretVariable = "PROFILEMEDIA_ACCESS_TOKEN_SECRET";
    internal const string ApiBaseUriVariable = "PROFILEMEDIA_API_BASE_URI";

    /// <summary>The app's API key; PROFILEMEDIA_CONSUMER_KEY when left out.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? ConsumerKey { get; set; }

    /// <summary>The app's API key secret; PROFILEMEDIA_CONSUMER_SECRET when left out.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNull]
    public SecureString? ConsumerSecret { get; set; }

    /// <summary>The account's access token; PROFILEMEDIA_ACCESS_TOKEN when left out.</summary>
    [Parameter(Position = 2)]
    [ValidateNotNullOrEmpty]
    public string? AccessToken { get; set; }

    /// <summary>The account's access token secret; PROFILEMEDIA_ACCESS_TOKEN_SECRET when left out.</summary>
    [Parameter(Position = 3)]
    [ValidateNotNull]
    public SecureString? AccessTokenSecret { get; set; }

    /// <summary>The API base; https://api.x.com/1.1/ (or PROFILEMEDIA_API_BASE_URI) when left out. Plain http only for loopback.</summary>
    [Parameter]
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
    protected override void EndProcessing()
    {
        string? consumerKey = ConsumerKey ?? FromEnvironment(ConsumerKeyVariable);
        string? accessToken = AccessToken ?? FromEnvironment(AccessTokenVariable);
        SecureString? consumerSecret = ConsumerSecret ?? SecretFromEnvironment(ConsumerSecretVariable);
        SecureString? tokenSecret = AccessTokenSecret ?? SecretFromEnvironment(AccessTokenSecretVariable);
        ThrowIfMissing(
            (consumerKey == null, nameof(ConsumerKey), ConsumerKeyVariable),
            (consumerSecret == null, nameof(ConsumerSecret), ConsumerSecretVariable),
            (accessToken == null, nameof(AccessToken), AccessTokenVariable),
            (tokenSecret == null, nameof(AccessTokenSecret), AccessTokenSecretVariable));
        ThrowIfEmpty(consumerKey!, ConsumerKey != null, nameof(ConsumerKey), ConsumerKeyVariable);
        ThrowIfEmpty(accessToken!, AccessToken != null, nameof(AccessToken), AccessTokenVariable);
        ThrowIfEmpty(consumerSecret!, ConsumerSecret != null, nameof(ConsumerSecret), ConsumerSecretVariable);
        ThrowIfEmpty(tokenSecret!, AccessTokenSecret != null, nameof(AccessTokenSecret), AccessTokenSecretVariable);
        Uri baseUri = ApiBaseUri ?? BaseUriFromEnvironment();

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
            ThrowTerminatingError(ErrorRecords.InvalidApiBaseUri(e.Message, baseUri, e));
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

    private static string? FromEnvironment(string variable)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static SecureString? SecretFromEnvironment(string variable)
    {
        string? value = FromEnvironment(variable);
        if (value == null)
        {
            return null;
        }

        var secret = new SecureString();
        foreach (char c in value)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }

    // Every missing credential is named at once, with the variable that would have supplied it.
    private void ThrowIfMissing(params (bool Missing, string Parameter, string Variable)[] credentials)
    {
        var missing = new System.Collections.Generic.List<string>();
        foreach (var credential in credentials)
        {
            if (credential.Missing)
            {
                missing.Add("-" + credential.Parameter + " (or $env:" + credential.Variable + ")");
            }
        }

        if (missing.Count > 0)
        {
            ThrowTerminatingError(ErrorRecords.MissingCredential(missing));
        }
    }

    // A key or token of white space, or an empty secret, is named as such: OAuth cannot sign with it.
    private void ThrowIfEmpty(string value, bool fromParameter, string parameter, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowTerminatingError(ErrorRecords.EmptyCredential(fromParameter ? "-" + parameter : "$env:" + variable));
        }
    }

    private void ThrowIfEmpty(SecureString secret, bool fromParameter, string parameter, string variable)
    {
        if (secret.Length == 0)
        {
            ThrowTerminatingError(ErrorRecords.EmptyCredential(fromParameter ? "-" + parameter : "$env:" + variable));
        }
    }

    private Uri BaseUriFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(ApiBaseUriVariable);
        if (string.IsNullOrEmpty(value))
        {
            return XApiClientOptions.DefaultBaseUri;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri))
        {
            ThrowTerminatingError(ErrorRecords.InvalidApiBaseUri("The environment variable " + ApiBaseUriVariable + " holds '" + value + "', which is not an absolute URI.", value));
        }

        return uri!;
    }
}
