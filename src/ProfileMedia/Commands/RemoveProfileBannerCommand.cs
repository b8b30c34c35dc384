using System.Management.Automation;

namespace ProfileMedia.Commands;

/// <summary>Removes the connected account's profile banner (account/remove_profile_banner).</summary>
[Cmdlet(VerbsCommon.Remove, "ProfileBanner", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ProfileUser))]
public sealed class RemoveProfileBannerCommand : ApiCmdlet
{
    /// <summary>Output the connected account as it is after the removal (a ProfileUser); nothing is output without it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    private protected override bool NeedsUserContext => true;

    /// <inheritdoc />
    /// <remarks>
    /// The work is in ProcessRecord, not EndProcessing: the cmdlet takes no input, and PowerShell skips ProcessRecord for
    /// every piped object it cannot bind, so piping anything in (another user, say) removes nothing.
    /// </remarks>
    protected override void ProcessRecord()
    {
        if (!ShouldProcess("the account connected to " + ActiveConnection.BaseUri, "Remove the profile banner"))
        {
            return;
        }

        if (TryCall(ActiveConnection, (client, call, token) => client.RemoveProfileBannerAsync(call, token)) && PassThru)
        {
            WriteAccountAfter("banner removal");
        }
    }
}
