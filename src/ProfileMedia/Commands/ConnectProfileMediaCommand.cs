using System;
using System.Management.Automation;
using System.Security;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Core.OAuth;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Session;

namespace ProfileMedia.Commands;

/// <summary>
/// Connects the session to the X API, in one of three ways, each a parameter set so that Get-Help shows it: user
/// context (the four OAuth 1.0a credentials, for writes; a Bearer token may come too), a Bearer token alone (lookups),
/// or the consumer key and secret with -RequestBearerToken. Every credential left out is read from its PROFILEMEDIA_*
/// environment variable, and piped objects (Complete-ProfileMediaAuthorization's output) bind by property name.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ProfileMedia", DefaultParameterSetName = UserContextSet)]
[OutputType(typeof(ProfileMediaConnection))]
public sealed class ConnectProfileMediaCommand : ProfileMediaCmdlet
{
    private const string UserContextSet = "UserContext";
    private const string BearerTokenSet = "BearerToken";
    private const string RequestBearerTokenSet = "RequestBearerToken";

    /// <summary>The app's API key; PROFILEMEDIA_CONSUMER_KEY when left out.</summary>
    [Parameter(ParameterSetName = UserContextSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RequestBearerTokenSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ConsumerKey { get; set; }

    /// <summary>The app's API key secret; PROFILEMEDIA_CONSUMER_SECRET when left out.</summary>
    [Parameter(ParameterSetName = UserContextSet, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RequestBearerTokenSet, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? ConsumerSecret { get; set; }

    /// <summary>The account's access token; PROFILEMEDIA_ACCESS_TOKEN when left out.</summary>
    [Parameter(ParameterSetName = UserContextSet, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RequestBearerTokenSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? AccessToken { get; set; }

    /// <summary>The account's access token secret; PROFILEMEDIA_ACCESS_TOKEN_SECRET when left out.</summary>
    [Parameter(ParameterSetName = UserContextSet, Position = 3, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RequestBearerTokenSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? AccessTokenSecret { get; set; }

    /// <summary>The app's Bearer token (app-only) from the developer console; PROFILEMEDIA_BEARER_TOKEN when left out. Enough for lookups.</summary>
    [Parameter(ParameterSetName = BearerTokenSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = UserContextSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? BearerToken { get; set; }

    /// <summary>Get the app's Bearer token from X (POST /oauth2/token) with -ConsumerKey and -ConsumerSecret.</summary>
    [Parameter(ParameterSetName = RequestBearerTokenSet, Mandatory = true)]
    public SwitchParameter RequestBearerToken { get; set; }

    /// <summary>Which API answers user reads: 2 (the default, every access level has it) or 1.1 (Enterprise and some legacy subscriptions).</summary>
    [Parameter]
    [ValidateSet(ReadApiNames.V2, ReadApiNames.V1)]
    public string ReadApiVersion { get; set; } = ReadApiNames.V2;

    /// <summary>The API host root; https://api.x.com/ (or PROFILEMEDIA_API_BASE_URI) when left out. A value ending in /1.1/ means its root. Plain http only for loopback.</summary>
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
        string? consumerKey = ConsumerKey ?? CredentialEnvironment.Credential(this, CredentialEnvironment.ConsumerKeyVariable);
        SecureString? consumerSecret = ConsumerSecret ?? CredentialEnvironment.Secret(this, CredentialEnvironment.ConsumerSecretVariable);
        SecureString? bearer = BearerToken ?? CredentialEnvironment.Secret(this, CredentialEnvironment.BearerTokenVariable);
        OAuthCredentials? userContext = UserContext(consumerKey, consumerSecret, bearer != null || RequestBearerToken);
        if (RequestBearerToken)
        {
            ThrowIfMissing(
                (consumerKey == null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable),
                (consumerSecret == null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable));
            ThrowIfEmpty(consumerKey!, ConsumerKey != null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable);
            ThrowIfEmpty(consumerSecret!, ConsumerSecret != null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable);
        }

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
            ReadApi = ReadApiNames.Parse(ReadApiVersion),
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

        Core.Credentials.BearerToken? token = null;
        if (bearer != null)
        {
            // Named by where it came from, as every other credential is: an empty one is EmptyCredential.
            ThrowIfEmpty(bearer, BearerToken != null, nameof(BearerToken), CredentialEnvironment.BearerTokenVariable);
            if (Core.Credentials.BearerToken.ProblemWith(bearer) is string problem)
            {
                ThrowTerminatingError(ErrorRecords.InvalidBearerToken(BearerToken != null ? "-BearerToken" : "$env:" + CredentialEnvironment.BearerTokenVariable, problem));
            }

            token = new Core.Credentials.BearerToken(bearer);
        }

        var connection = new ProfileMediaConnection(userContext, token, consumerKey, options);
        if (RequestBearerToken)
        {
            MintBearerToken(connection, consumerKey!, consumerSecret!);
        }

        // The previous default is left to its owner: a script may still hold it from -PassThru.
        ConnectionStore.Set(this, connection);
        WriteVerbose("Connected to " + connection + (RequestBearerToken ? "." : " (no request is made until a cmdlet needs one)."));
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    /// <summary>
    /// The four OAuth 1.0a values when they are all there. Given a Bearer token, user context is optional: it is made
    /// only when the access token or its secret was asked for by parameter or all four are set.
    /// </summary>
    private OAuthCredentials? UserContext(string? consumerKey, SecureString? consumerSecret, bool hasAppOnly)
    {
        string? accessToken = AccessToken ?? CredentialEnvironment.Credential(this, CredentialEnvironment.AccessTokenVariable);
        SecureString? tokenSecret = AccessTokenSecret ?? CredentialEnvironment.Secret(this, CredentialEnvironment.AccessTokenSecretVariable);
        bool complete = consumerKey != null && consumerSecret != null && accessToken != null && tokenSecret != null;
        bool asked = AccessToken != null || AccessTokenSecret != null;
        if (!complete && hasAppOnly && !asked)
        {
            return null;
        }

        ThrowIfMissing(
            (consumerKey == null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable),
            (consumerSecret == null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable),
            (accessToken == null, nameof(AccessToken), CredentialEnvironment.AccessTokenVariable),
            (tokenSecret == null, nameof(AccessTokenSecret), CredentialEnvironment.AccessTokenSecretVariable));
        ThrowIfEmpty(consumerKey!, ConsumerKey != null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable);
        ThrowIfEmpty(accessToken!, AccessToken != null, nameof(AccessToken), CredentialEnvironment.AccessTokenVariable);
        ThrowIfEmpty(consumerSecret!, ConsumerSecret != null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable);
        ThrowIfEmpty(tokenSecret!, AccessTokenSecret != null, nameof(AccessTokenSecret), CredentialEnvironment.AccessTokenSecretVariable);

        // Every credential was checked above, so OAuthCredentials has nothing left to refuse.
        return new OAuthCredentials(consumerKey!, consumerSecret!, accessToken!, tokenSecret!);
    }

    // Asked for now, not at first use: wrong keys should fail here, where they were typed.
    private void MintBearerToken(ProfileMediaConnection connection, string consumerKey, SecureString consumerSecret)
    {
        using var app = new AppCredentials(consumerKey, consumerSecret);
        try
        {
            Dispatcher.Run(connection.Client.AcquireBearerTokenAsync(app, new ApiCallOptions(Observer, null, null), CancellationToken));
        }
        catch (XApiException e)
        {
            connection.Dispose();
            ThrowTerminatingError(ErrorRecords.ApiFailure(e, null));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            connection.Dispose();
            throw new PipelineStoppedException();
        }
    }

    // Every missing credential is named at once, with the variable that would have supplied it.
    private void ThrowIfMissing(params (bool Missing, string Parameter, string Variable)[] credentials)
    {
        var missing = CredentialEnvironment.Missing(credentials);
        if (missing.Count > 0)
        {
            ThrowTerminatingError(ErrorRecords.MissingCredential(missing,
                "For lookups alone, -BearerToken (or $env:" + CredentialEnvironment.BearerTokenVariable + "), or -ConsumerKey and -ConsumerSecret with -RequestBearerToken, are enough."));
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
