using System.Linq;
using System.Management.Automation;
using ProfileMedia.Completion;
using ProfileMedia.Core.Urls;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>Gets every size of a profile image from its URL, without touching the network.</summary>
[Cmdlet(VerbsCommon.Get, "ProfileImageVariant")]
[OutputType(typeof(ProfileImageVariant))]
public sealed class GetProfileImageVariantCommand : ProfileMediaCmdlet
{
    private const string What = "profile image URL";

    // An array and an index loop: this runs once per URL in pipelines of thousands.
    private ProfileImageSize[] _sizes = ProfileImageSize.All.ToArray();

    /// <summary>
    /// The images: URL strings, Uri objects, user objects (profile_image_url_https, else profile_image_url; a
    /// ProfileUser's ProfileImageUrlHttps), or variants output earlier. -InputObject, as on every cmdlet that takes
    /// objects of several kinds from the pipeline; -Url, its 0.2.0 name, is an alias.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Url")]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? InputObject { get; set; }

    /// <summary>The sizes to output; every size when left out.</summary>
    [Parameter(Position = 1)]
    [ValidateProfileImageSize]
    [ArgumentCompleter(typeof(ProfileImageSizeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Size { get; set; }

    /// <summary>Output https URLs even when the input is the plain http <c>profile_image_url</c>.</summary>
    [Parameter]
    public SwitchParameter Https { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Size != null)
        {
            _sizes = SizeSelection.Resolve<ProfileImageSize>(Size, ProfileImageSize.TryParse);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        object?[] inputs = InputObject ?? new object?[] { null };
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!TryReadInput(MediaInput.ForImage, inputs[i], out MediaInput input))
            {
                continue;
            }

            if (input.OtherKind != null)
            {
                WriteUnsupportedInput(input.OtherKind, "pipe it to Get-ProfileBanner for banner sizes", inputs[i]);
                continue;
            }

            UrlProblem problem = ProfileImageUrl.TryParse(input.Url, out ProfileImageUrl url);
            if (problem != UrlProblem.None)
            {
                WriteUrlProblem(problem, input.Url, What, inputs[i]);
                continue;
            }

            bool https = Https;
            for (int s = 0; s < _sizes.Length; s++)
            {
                ProfileImageSize size = _sizes[s];
                WriteObject(new ProfileImageVariant(size.Name, size.Width, size.Height, url.GetVariantUrl(size, https), url.IsDefaultImage, url.Source, input.ScreenName, input.UserId));
            }
        }
    }
}
