using System.Management.Automation;
using ProfileMedia.Core.Uploads;
using ProfileMedia.Errors;
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

    /// <summary>The largest file the endpoint takes.</summary>
    protected abstract long MaxBytes { get; }

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

        ImageFileProblem problem = ImageFile.Inspect(path, MaxBytes, out ImageFile? image, out string message);
        if (problem == ImageFileProblem.None)
        {
            return image;
        }

        WriteError(ErrorRecords.BadInput(problem.ToString(), message, given));
        return null;
    }
}
