using System;
using System.Management.Automation;
using System.Security;
using ProfileMedia.Core.PinAuthorization;
using ProfileMedia.Errors;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>
/// Step one of authorizing an account for the app (PIN-based OAuth 1.0a): gets a request token and outputs the pending
/// authorization whose AuthorizeUrl the user opens, in the browser this cmdlet starts where there is one.
/// </summary>
[Cmdlet(VerbsLifecycle.Request, "ProfileMediaAuthorization")]
[OutputType(typeof(PendingAuthorization))]
public sealed class RequestProfileMediaAuthorizationCommand : ProfileMediaCmdlet
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] HostTags = { "PSHOST" };

    /// <summary>The app's API key; PROFILEMEDIA_CONSUMER_KEY when left out.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? ConsumerKey { get; set; }

    /// <summary>The app's API key secret; PROFILEMEDIA_CONSUMER_SECRET when left out.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNull]
    public SecureString? ConsumerSecret { get; set; }

    /// <summary>The API base, as Connect-ProfileMedia takes it; the token endpoints are at its host's /oauth/.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? ApiBaseUri { get; set; }

    /// <summary>Do not start a browser; only output the pending authorization and show its link.</summary>
    [Parameter]
    public SwitchParameter NoBrowser { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string? consumerKey = ConsumerKey ?? CredentialEnvironment.Credential(this, CredentialEnvironment.ConsumerKeyVariable);
        SecureString? consumerSecret = ConsumerSecret ?? CredentialEnvironment.Secret(this, CredentialEnvironment.ConsumerSecretVariable);
        var missing = CredentialEnvironment.Missing(
            (consumerKey == null, nameof(ConsumerKey), CredentialEnvironment.ConsumerKeyVariable),
            (consumerSecret == null, nameof(ConsumerSecret), CredentialEnvironment.ConsumerSecretVariable));
        if (missing.Count > 0)
        {
            ThrowTerminatingError(ErrorRecords.MissingCredential(missing, "Both are on the Keys and tokens page of the app in the X developer portal (API Key and Secret)."));
        }

        if (string.IsNullOrWhiteSpace(consumerKey) || Core.OAuth.OAuthCredentials.IsBlank(consumerSecret!))
        {
            bool keyEmpty = string.IsNullOrWhiteSpace(consumerKey);
            ThrowTerminatingError(ErrorRecords.EmptyCredential(keyEmpty
                ? (ConsumerKey != null ? "-ConsumerKey" : "$env:" + CredentialEnvironment.ConsumerKeyVariable)
                : (ConsumerSecret != null ? "-ConsumerSecret" : "$env:" + CredentialEnvironment.ConsumerSecretVariable)));
        }

        Uri baseUri;
        try
        {
            baseUri = Core.Api.ApiBaseUri.Validate(CredentialEnvironment.ApiBaseUri(ApiBaseUri));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.InvalidApiBaseUri(e, ApiBaseUri != null ? Core.Api.ApiBaseUri.WithoutUserInfo(ApiBaseUri) : CredentialEnvironment.Text(CredentialEnvironment.ApiBaseUriVariable)));
            return;
        }

        using var client = new PinAuthorizationClient(baseUri, RequestTimeout);
        if (!TryRun(consumerKey, token => client.RequestAsync(consumerKey!, consumerSecret!, Observer, token), out PendingAuthorization pending))
        {
            return;
        }

        ShowNextStep(pending);
        WriteObject(pending);
    }

    /// <summary>Tells the person at the keyboard what to open and what to do there, on the host like Write-Host.</summary>
    private void ShowNextStep(PendingAuthorization pending)
    {
        string opened;
        if (NoBrowser)
        {
            opened = "Open this link in a browser";
        }
        else if (BrowserLauncher.TryOpen(pending.AuthorizeUrl, out string reason))
        {
            opened = "Your browser is opening this link (if it does not, open it yourself)";
        }
        else
        {
            WriteVerbose("No browser started: " + reason);
            opened = "No browser here; open this link on any device";
        }

        string message = opened + ": " + pending.AuthorizeUrl.AbsoluteUri + Environment.NewLine +
            "Sign in as the account to manage, authorize the app, then give the PIN X shows to Complete-ProfileMediaAuthorization -Pin.";
        WriteInformation(new HostInformationMessage { Message = message }, HostTags);
    }
}
