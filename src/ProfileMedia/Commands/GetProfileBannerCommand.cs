using System.Collections.Generic;
using System.Management.Automation;
using ProfileMedia.Core.Urls;

namespace ProfileMedia.Commands;

/// <summary>Gets every size of a profile banner: from its URL offline, or from the X API by screen name or user id.</summary>
[Cmdlet(VerbsCommon.Get, "ProfileBanner", DefaultParameterSetName = UrlSet)]
[OutputType(typeof(ProfileBannerVariant))]
public sealed class GetProfileBannerCommand : ApiCmdlet
{
    // As in Get-ProfileImageVariant, user objects bind by their banner property, never through a parameter named
    // Url, which would pick up the user's own "url" property.
    private const string UrlSet = "Url";
    private const string UserObjectSet = "UserObject";
    private const string VariantSet = "Variant";
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";
    private const string What = "profile banner URL";

    private IReadOnlyList<BannerSize> _sizes = BannerSize.All;

    /// <summary>The banner URLs: the bare profile_banner_url or one that already ends in a size name.</summary>
    [Parameter(ParameterSetName = UrlSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [UrlTransformation]
    public string?[]? Url { get; set; }

    /// <summary>The profile_banner_url of a user object from the pipeline.</summary>
    [Parameter(ParameterSetName = UserObjectSet, Mandatory = true, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("profile_banner_url", "ProfileBannerUrl")]
    [AllowNull]
    [AllowEmptyString]
    public string? UserBannerUrl { get; set; }

    /// <summary>A banner variant output earlier, from the pipeline: the other sizes of the same banner.</summary>
    [Parameter(ParameterSetName = VariantSet, Mandatory = true, ValueFromPipeline = true, DontShow = true)]
    public ProfileBannerVariant? Variant { get; set; }

    /// <summary>The sizes to output; all nine when left out.</summary>
    [Parameter]
    [ValidateSet("1500x500", "600x200", "300x100", "web", "web_retina", "ipad", "ipad_retina", "mobile", "mobile_retina", IgnoreCase = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Size { get; set; }

    /// <summary>Output https URLs even when the input URL is plain http.</summary>
    [Parameter]
    public SwitchParameter Https { get; set; }

    /// <summary>
    /// Users whose banners to ask the API for (users/profile_banner). From a user object in the pipeline, the
    /// screen name is only carried into the output, and the banner comes from its URL.
    /// </summary>
    [Parameter(ParameterSetName = ScreenNameSet, Mandatory = true)]
    [Parameter(ParameterSetName = UserObjectSet, ValueFromPipelineByPropertyName = true)]
    [Alias("screen_name")]
    [AllowEmptyString]
    public string[]? ScreenName { get; set; }

    /// <summary>Users, by numeric id, whose banners to ask the API for; carried into the output from a user object.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true)]
    [Parameter(ParameterSetName = UserObjectSet, ValueFromPipelineByPropertyName = true)]
    [Alias("id_str")]
    [AllowEmptyString]
    public string[]? UserId { get; set; }

    /// <inheritdoc />
    protected override bool NeedsConnection => ParameterSetName == ScreenNameSet || ParameterSetName == UserIdSet;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (Size != null)
        {
            _sizes = SizeSelection.Resolve<BannerSize>(Size, BannerSize.TryParse);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case UserObjectSet:
                WriteVariants(UserBannerUrl, First(ScreenName), First(UserId));
                break;
            case ScreenNameSet:
            case UserIdSet:
                LookUp(ParameterSetName == ScreenNameSet);
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

    private static string? First(string[]? values) => values != null && values.Length > 0 ? values[0] : null;

    private void LookUp(bool byScreenName)
    {
        foreach (string value in (byScreenName ? ScreenName : UserId) ?? System.Array.Empty<string>())
        {
            Core.Api.UserReference? user = UserLookup.Reference(this, byScreenName, value);
            if (user == null || !TryCall(value, (client, call, token) => client.GetProfileBannerAsync(user, call, token), out IReadOnlyList<ProfileBannerVariant> sizes))
            {
                continue;
            }

            foreach (ProfileBannerVariant size in Selected(sizes))
            {
                WriteObject(Https ? WithHttps(size) : size);
            }
        }
    }

    // With -Size, the sizes asked for in the order asked, as the URL form gives them; else every size the API lists.
    private IEnumerable<ProfileBannerVariant> Selected(IReadOnlyList<ProfileBannerVariant> sizes)
    {
        if (_sizes == BannerSize.All && Size == null)
        {
            return sizes;
        }

        var selected = new List<ProfileBannerVariant>();
        foreach (BannerSize wanted in _sizes)
        {
            foreach (ProfileBannerVariant size in sizes)
            {
                if (string.Equals(size.Name, wanted.Name, System.StringComparison.OrdinalIgnoreCase))
                {
                    selected.Add(size);
                }
            }
        }

        return selected;
    }

    private static ProfileBannerVariant WithHttps(ProfileBannerVariant size) =>
        size.Url.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase)
            ? new ProfileBannerVariant(size.Name, size.Width, size.Height, "https" + size.Url.Substring(4), size.SourceUrl, size.ScreenName, size.UserId)
            : size;

    private void WriteVariants(string? value, string? screenName, string? userId)
    {
        UrlProblem problem = ProfileBannerUrl.TryParse(value, out ProfileBannerUrl url);
        if (problem != UrlProblem.None)
        {
            WriteUrlProblem(problem, value, What);
            return;
        }

        foreach (BannerSize size in _sizes)
        {
            WriteObject(new ProfileBannerVariant(size.Name, size.Width, size.Height, url.GetVariantUrl(size, Https), url.Source, screenName, userId));
        }
    }
}
