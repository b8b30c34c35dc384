using System;
using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Uploads;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>Uploads a new profile image for the connected account (account/update_profile_image).</summary>
[Cmdlet(VerbsCommon.Set, "ProfileImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProfileUser))]
public sealed class SetProfileImageCommand : ImageUploadCmdlet
{
    private const string PollFailed = "The upload succeeded, but asking for the new image failed; -PassThru outputs the user as the upload answered. ";
    private static readonly TimeSpan FirstPollWait = TimeSpan.FromSeconds(1);

    /// <summary>Ask the service to include entities in the returned user.</summary>
    [Parameter]
    public SwitchParameter IncludeEntities { get; set; }

    /// <summary>Ask the service to leave the user's latest post out of the answer.</summary>
    [Parameter]
    public SwitchParameter SkipStatus { get; set; }

    /// <summary>Wait until the connected account (/2/users/me, or account/verify_credentials in v1.1) shows the new image; with -PassThru, output it then.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Which API -Wait polls: 2 (/2/users/me) or 1.1 (account/verify_credentials); the connection's choice when left out.</summary>
    [Parameter]
    [ValidateSet(ReadApiNames.V2, ReadApiNames.V1)]
    public string? ReadApiVersion
    {
        get => ReadApiVersionName;
        set => ReadApiVersionName = value;
    }

    /// <summary>How long -Wait waits for the new image before warning and outputting the upload's answer.</summary>
    [Parameter]
    [ValidateTimeSpan("00:00:01", "01:00:00")]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    protected override long MaxBytes => ImageFile.MaxProfileImageBytes;

    /// <inheritdoc />
    private protected override FitTarget FitTarget => FitTarget.Avatar;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        ImageFile? image = PrepareUpload(out string? plan);
        if (image == null || !ShouldProcess(image.Path, (plan == null ? "Upload" : "Prepare (" + plan + ") and upload") + " as the profile image of the account connected to " + ActiveConnection.BaseUri))
        {
            return;
        }

        if (!TryCall(image.Path, (client, call, token) => client.UpdateProfileImageAsync(image, IncludeEntities, SkipStatus, call, token), out ProfileUser updated))
        {
            return;
        }

        string? expected = updated.ProfileImageUrlHttps ?? updated.ProfileImageUrl;
        if (Wait && expected == null)
        {
            WriteWarning("The upload succeeded, but its answer named no image URL to wait for; -PassThru outputs the user as the service answered.");
        }
        else if (Wait)
        {
            // The upload is made: a poll that fails (a 503, a dropped connection) is a warning, and the upload's answer is output.
            if (TryCallOrWarn(PollFailed, (client, call, token) => client.WaitForProfileImageAsync(expected!, WaitTimeout, FirstPollWait, call, token), out var waited))
            {
                if (waited.Changed)
                {
                    updated = waited.User;
                }
                else
                {
                    WriteWarning("The upload succeeded, but the connected account did not show the new image within " + WaitTimeout + "; the service may still be processing it.");
                }
            }
        }

        if (PassThru)
        {
            WriteObject(updated);
        }
    }
}
