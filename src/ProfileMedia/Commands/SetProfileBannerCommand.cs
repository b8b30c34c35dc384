using System.Management.Automation;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Uploads;
using ProfileMedia.Errors;

namespace ProfileMedia.Commands;

/// <summary>Uploads a new profile banner for the connected account (account/update_profile_banner).</summary>
[Cmdlet(VerbsCommon.Set, "ProfileBanner", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProfileUser))]
public sealed class SetProfileBannerCommand : ImageUploadCmdlet
{
    /// <summary>Width of the part of the image to use, in pixels; with -Height, -OffsetLeft and -OffsetTop.</summary>
    [Parameter]
    public int? Width { get; set; }

    /// <summary>Height of the part of the image to use, in pixels.</summary>
    [Parameter]
    public int? Height { get; set; }

    /// <summary>Pixels from the left edge where the part to use starts.</summary>
    [Parameter]
    public int? OffsetLeft { get; set; }

    /// <summary>Pixels from the top edge where the part to use starts.</summary>
    [Parameter]
    public int? OffsetTop { get; set; }

    /// <inheritdoc />
    protected override long MaxBytes => ImageFile.MaxBannerBytes;

    /// <inheritdoc />
    private protected override FitTarget FitTarget => FitTarget.Banner;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!TryGetRegion(out ImageRegion? region))
        {
            return;
        }

        ImageFile? banner = PrepareUpload(out string? plan);
        if (banner == null || !ShouldProcess(banner.Path, (plan == null ? "Upload" : "Prepare (" + plan + ") and upload") + " as the profile banner of the account connected to " + ActiveConnection.BaseUri))
        {
            return;
        }

        if (TryCall(banner.Path, (client, call, token) => client.UpdateProfileBannerAsync(banner, region, call, token)) && PassThru)
        {
            WriteAccountAfter("banner upload");
        }
    }

    private bool TryGetRegion(out ImageRegion? region)
    {
        region = null;
        int given = (Width.HasValue ? 1 : 0) + (Height.HasValue ? 1 : 0) + (OffsetLeft.HasValue ? 1 : 0) + (OffsetTop.HasValue ? 1 : 0);
        if (given == 0)
        {
            return true;
        }

        if (Fit)
        {
            WriteError(ErrorRecords.BadInput(ErrorIds.BannerRegionWithFit, "-Width, -Height, -OffsetLeft and -OffsetTop crop the file as it is sent; with -Fit the picture is already cropped to 3:1. Use -CropRegion to choose the part -Fit keeps.", Path ?? LiteralPath));
            return false;
        }

        string? problem = given != 4
            ? "-Width, -Height, -OffsetLeft and -OffsetTop go together: give all four or none."
            : new ImageRegion(OffsetLeft!.Value, OffsetTop!.Value, Width!.Value, Height!.Value).ShapeProblem("banner region");
        if (problem != null)
        {
            WriteError(ErrorRecords.BadInput(ErrorIds.InvalidBannerRegion, problem, Path ?? LiteralPath));
            return false;
        }

        region = new ImageRegion(OffsetLeft!.Value, OffsetTop!.Value, Width!.Value, Height!.Value);
        return true;
    }
}
