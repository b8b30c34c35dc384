using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using ProfileMedia.Core.PinAuthorization;
using ProfileMedia.Errors;

namespace ProfileMedia.Commands;

/// <summary>
/// Step two of authorizing an account: trades a pending authorization and the PIN X showed for the account's access
/// token, and outputs credentials that pipe into Connect-ProfileMedia.
/// </summary>
[Cmdlet(VerbsLifecycle.Complete, "ProfileMediaAuthorization")]
[OutputType(typeof(AuthorizedAccount))]
public sealed class CompleteProfileMediaAuthorizationCommand : ProfileMediaCmdlet
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What Request-ProfileMediaAuthorization output.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    [Alias("InputObject")]
    [Input.PendingAuthorizationInput]
    public PendingAuthorization? PendingAuthorization { get; set; }

    /// <summary>
    /// The PIN X showed after the user approved the app. Asked for when left out: not through [Parameter(Mandatory)],
    /// because PowerShell asks for those before the pipeline starts, before Request-ProfileMediaAuthorization has even
    /// produced the link that leads to the PIN.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Pin { get; set; }

    /// <summary>Where to send the exchange; the API base the authorization was requested from when left out.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? ApiBaseUri { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        PendingAuthorization pending = PendingAuthorization!;
        if (pending.HasTravelled)
        {
            WriteError(ErrorRecords.PendingAuthorizationCannotTravel(pending));
            return;
        }

        string? pin = string.IsNullOrWhiteSpace(Pin) ? AskForPin(pending) : Pin!.Trim();
        if (pin == null)
        {
            return;
        }

        Uri baseUri;
        try
        {
            baseUri = ApiBaseUri == null ? pending.ApiBaseUri : Core.Api.ApiBaseUri.Validate(ApiBaseUri);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.InvalidApiBaseUri(e, ApiBaseUri));
            return;
        }

        using var client = new PinAuthorizationClient(baseUri, RequestTimeout);
        if (TryRun(pending, token => client.CompleteAsync(pending, pin, Observer, token), out AuthorizedAccount account))
        {
            WriteVerbose("Authorized " + account + " for the app.");
            WriteObject(account);
        }
    }

    /// <summary>Asks the host for the PIN as PowerShell asks for a mandatory parameter; null after writing PinMissing when it cannot.</summary>
    private string? AskForPin(PendingAuthorization pending)
    {
        var field = new FieldDescription(nameof(Pin))
        {
            IsMandatory = true,
            HelpMessage = "The PIN X shows after you authorize the app at " + pending.AuthorizeUrl.AbsoluteUri,
        };
        try
        {
            Collection<FieldDescription> fields = new Collection<FieldDescription> { field };
            var answers = Host.UI.Prompt(
                MyInvocation.MyCommand.Name,
                "Open " + pending.AuthorizeUrl.AbsoluteUri + ", authorize the app as the account to manage, then type the PIN X shows.",
                fields);
            if (answers != null && answers.TryGetValue(nameof(Pin), out PSObject? answer) && answer?.BaseObject?.ToString() is { } typed && typed.Trim().Length > 0)
            {
                return typed.Trim();
            }
        }
        catch (Exception e) when (e is HostException || e is PSInvalidOperationException || e is NotImplementedException)
        {
            WriteVerbose("Cannot ask for the PIN here: " + e.Message);
        }

        WriteError(ErrorRecords.PinMissing(pending));
        return null;
    }
}
