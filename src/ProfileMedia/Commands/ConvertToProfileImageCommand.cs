using System;
using System.IO;
using System.Management.Automation;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using ProfileMedia.Errors;
using ProfileMedia.ImagingHost;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>
/// Prepares any photo as an avatar or a banner file: EXIF orientation applied, cropped to the shape, scaled down,
/// metadata dropped, and under the upload limit; written atomically to -Destination.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "ProfileImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(PreparedImage))]
public sealed class ConvertToProfileImageCommand : ProfileMediaCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The picture; wildcards allowed, but each path must match exactly one file.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string? Path { get; set; }

    /// <summary>The picture, taken as written; a FileInfo from the pipeline binds here.</summary>
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [AllowEmptyString]
    public string? LiteralPath { get; set; }

    /// <summary>A folder (the file is named after the source: photo.avatar.jpg) or the file to write.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Avatar (square, at most 400x400, 700 KB) or Banner (3:1, at most 1500x500, 5 MB).</summary>
    [Parameter]
    public ImageTarget Target { get; set; } = ImageTarget.Avatar;

    /// <summary>The part of the picture (as shown) to crop from: X, Y, width, height in pixels; the crop is centred in it.</summary>
    [Parameter]
    [ValidateCount(4, 4)]
    public int[]? CropRegion { get; set; }

    /// <summary>Replace a file that already exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private string _destination = string.Empty;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();

        // Resolved once, by the same rules as Save-ProfileMedia's: a destination that cannot be used fails every picture.
        ResolvedDestination? destination = ResolvedDestination.Resolve(this, Destination, out ErrorRecord? error);
        if (destination == null)
        {
            ThrowTerminatingError(error!);
        }

        _destination = destination!.Path;
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        string? given = literal ? LiteralPath : Path;
        string? source = ImagePathResolver.Resolve(this, given, literal);
        if (source == null)
        {
            return;
        }

        FittedImage fitted;
        try
        {
            fitted = ImagingRuntime.FitFile(source, FitTarget.For(Target), FitParameters.Region(CropRegion));
        }
        catch (ImageFitException e)
        {
            WriteError(ErrorRecords.NotPrepared(e, given));
            return;
        }

        string? file = DestinationFile(source, fitted, given);
        if (file == null || !ShouldProcess(file, "Write the prepared " + TargetName(Target) + " (" + fitted.Describe() + ")"))
        {
            return;
        }

        try
        {
            PreparedImage? written = PreparedImageWriter.Write(fitted, source, file, Force);
            if (written == null)
            {
                WriteError(ErrorRecords.NotSaved(ErrorIds.FileExists, "The file '" + file + "' already exists; use -Force to replace it.", file));
                return;
            }

            WriteObject(written);
        }
        catch (Core.Downloads.FileWriteException e)
        {
            WriteError(ErrorRecords.NotWritten(e, file));
        }
    }

    /// <summary>The file to write: inside -Destination when it is a folder, else -Destination itself, whose extension must say the format.</summary>
    private string? DestinationFile(string source, FittedImage fitted, string? given)
    {
        string destination = _destination;
        if (Directory.Exists(destination))
        {
            string name = System.IO.Path.GetFileNameWithoutExtension(source) + "." + TargetName(fitted.Target.Kind) + fitted.Extension;
            return System.IO.Path.Combine(destination, name);
        }

        string? folder = System.IO.Path.GetDirectoryName(destination);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            WriteError(ErrorRecords.DestinationNotFound("The destination folder '" + (folder ?? destination) + "' does not exist.", Destination));
            return null;
        }

        string extension = System.IO.Path.GetExtension(destination);
        bool matches = MediaFileName.AcceptedExtension(extension) == fitted.Extension;
        if (!matches)
        {
            WriteError(ErrorRecords.BadInput(ErrorIds.DestinationFormatMismatch, "'" + given + "' prepares as " + fitted.Format.DisplayName() + " (" + (fitted.Format == ImageFormat.Png ? "it has transparency" : "it has none") + "), but the destination '" + destination + "' is named " + (extension.Length == 0 ? "without an extension" : extension) + ". Name it " + fitted.Extension + ", or give a folder.", Destination));
            return null;
        }

        return destination;
    }

    // "avatar" or "banner": how the file name and -WhatIf name the target.
    private static string TargetName(ImageTarget target) => target.ToString().ToLowerInvariant();
}
