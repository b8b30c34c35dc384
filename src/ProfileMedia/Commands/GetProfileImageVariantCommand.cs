using System.Collections.Generic;
using System.Management.Automation;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Commands;

/// <summary>Gets every size of a profile image from its URL, without touching the network.</summary>
[Cmdlet(VerbsCommon.Get, "ProfileImageVariant", DefaultParameterSetName = UrlSet)]
[OutputType(typeof(ProfileImageVariant))]
public sealed class GetProfileImageVariantCommand : ProfileMediaCmdlet
{
    // Three ways in. A user object is bound by its profile_image_url* properties, never through a parameter
    // named Url: a v1.1 user object has its own "url" property (the user's website), which would bind instead.
    private const string UrlSet = "Url";
    private const string UserObjectSet = "UserObject";
    private const string VariantSet = "Variant";
    private const string What = "profile image URL";

    private IReadOnlyList<ProfileImageSize> _sizes = ProfileImageSize.All;

    /// <summary>The profile image URLs, as strings or Uri objects.</summary>
    [Parameter(ParameterSetName = UrlSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [UrlTransformation]
    public string?[]? Url { get; set; }

    /// <summary>The image URL of a user object from the pipeline: profile_image_url_https, else profile_image_url.</summary>
    [Parameter(ParameterSetName = UserObjectSet, Mandatory = true, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("profile_image_url_https", "ProfileImageUrlHttps", "profile_image_url", "ProfileImageUrl")]
    [AllowNull]
    [AllowEmptyString]
    public string? UserImageUrl { get; set; }

    /// <summary>A variant output earlier, from the pipeline: the other sizes of the same image.</summary>
    [Parameter(ParameterSetName = VariantSet, Mandatory = true, ValueFromPipeline = true, DontShow = true)]
    public ProfileImageVariant? Variant { get; set; }

    /// <summary>The sizes to output; every size when left out.</summary>
    [Parameter(Position = 1)]
    [ValidateSet("mini", "normal", "bigger", "200x200", "400x400", "original", IgnoreCase = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Size { get; set; }

    /// <summary>Output https URLs even when the input is the plain http <c>profile_image_url</c>.</summary>
    [Parameter]
    public SwitchParameter Https { get; set; }

    /// <summary>The user's screen name from a user object, carried into the output so downloads can refresh an outdated URL.</summary>
    [Parameter(ParameterSetName = UserObjectSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("screen_name")]
    public string? ScreenName { get; set; }

    /// <summary>The user's id from a user object, carried into the output like the screen name.</summary>
    [Parameter(ParameterSetName = UserObjectSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("id_str")]
    public string? UserId { get; set; }

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
        switch (ParameterSetName)
        {
            case UserObjectSet:
                WriteVariants(UserImageUrl, ScreenName, UserId);
                break;
            case VariantSet:
                WriteVariants(Variant?.Url, Variant?.ScreenName, Variant?.UserId);
                break;
            default:
                foreach (string? url in Url ?? new string?[] { null })
                {
                    WriteVariants(url, null, null);
                }

                break;
        }
    }

    private void WriteVariants(string? value, string? screenName, string? userId)
    {
        UrlProblem problem = ProfileImageUrl.TryParse(value, out ProfileImageUrl url);
        if (problem != UrlProblem.None)
        {
            WriteUrlProblem(problem, value, What);
            return;
        }

        foreach (ProfileImageSize size in _sizes)
        {
            WriteObject(new ProfileImageVariant(
                size.Name, size.Width, size.Height, url.GetVariantUrl(size, Https), url.IsDefaultImage, url.Source, screenName, userId));
        }
    }
}
