using System.Management.Automation;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Uploads;
using ProfileMedia.Errors;
using ProfileMedia.ImagingHost;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>What Set-ProfileImage and Set-ProfileBanner share: -Path / -LiteralPath / FileInfo input, checked before any request.</summary>
public abstract class ImageUploadCmdlet : ApiCmdlet
{
    /// <summary>Parameter set of -Path.</summary>
    protected const string PathSet = "Path";

    /// <summary>Parameter set of -LiteralPath.</summary>
    protected const string LiteralPathSet = "LiteralPath";

    /// <summary>The image file; wildcards allowed, but they must match exactly one file.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string? Path { get; set; }

    /// <summary>The image file, taken as written; a FileInfo from the pipeline binds here.</summary>
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [AllowEmptyString]
    public string? LiteralPath { get; set; }

    /// <inheritdoc />
    private protected override bool NeedsUserContext => true;

    /// <summary>
    /// Prepare the picture first, in memory: EXIF orientation applied, cropped to the shape, scaled down, metadata
    /// dropped and under the size limit (what ConvertTo-ProfileImage writes to a file); the prepared picture is uploaded.
    /// </summary>
    [Parameter]
    public SwitchParameter Fit { get; set; }

    /// <summary>With -Fit: the part of the picture (as shown) to crop from: X, Y, width, height in pixels.</summary>
    [Parameter]
    [ValidateCount(4, 4)]
    public int[]? CropRegion { get; set; }

    /// <summary>Output the connected account as it is after the upload (a ProfileUser); nothing is output without it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The largest file the endpoint takes.</summary>
    protected abstract long MaxBytes { get; }

    /// <summary>What -Fit prepares the picture for.</summary>
    private protected abstract FitTarget FitTarget { get; }

    /// <summary>
    /// The picture to upload: with -Fit, prepared in memory (<paramref name="plan"/> describes it, for -WhatIf and
    /// -Confirm), else the file as it is, checked. Writes the error and returns null when there is nothing to upload.
    /// </summary>
    private protected ImageFile? PrepareUpload(out string? plan)
    {
        plan = null;
        bool literal = ParameterSetName == LiteralPathSet;
        string? given = literal ? LiteralPath : Path;
        if (!Fit)
        {
            if (CropRegion != null)
            {
                WriteError(ErrorRecords.BadInput(ErrorIds.CropRegionWithoutFit, "-CropRegion chooses the crop of -Fit; add -Fit, or leave -CropRegion out.", given));
                return null;
            }

            return InspectImage();
        }

        string? path = ImagePathResolver.Resolve(this, given, literal);
        if (path == null)
        {
            return null;
        }

        try
        {
            FittedImage fitted = ImagingRuntime.FitFile(path, FitTarget, FitParameters.Region(CropRegion));
            plan = fitted.Describe();
            return ImageFile.FromPrepared(path, fitted);
        }
        catch (ImageFitException e)
        {
            WriteError(ErrorRecords.NotPrepared(e, given));
            return null;
        }
    }

    /// <summary>Resolves and checks the file; writes the error and returns null when it cannot be uploaded.</summary>
    private protected ImageFile? InspectImage()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        string? given = literal ? LiteralPath : Path;
        string? path = ImagePathResolver.Resolve(this, given, literal);
        if (path == null)
        {
            return null;
        }

        ImageProblem problem = ImageFile.Inspect(path, MaxBytes, out ImageFile? image, out string message);
        if (problem == ImageProblem.None)
        {
            return image;
        }

        WriteError(ErrorRecords.BadInput(problem.ToString(), message, given));
        return null;
    }
}
