using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Urls;
using ProfileMedia.Errors;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>Gets every size of a profile banner: from its URL offline, or from the X API by screen name or user id.</summary>
[Cmdlet(VerbsCommon.Get, "ProfileBanner", DefaultParameterSetName = UrlSet)]
[OutputType(typeof(ProfileBannerVariant))]
public sealed class GetProfileBannerCommand : ApiCmdlet
{
    private const string UrlSet = "Url";
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";
    private const string What = "profile banner URL";

    // An array and an index loop: the URL form runs once per input in long pipelines.
    private BannerSize[] _sizes = BannerSize.All.ToArray();

    /// <summary>
    /// The banners: the bare profile_banner_url or one that already ends in a size name, as strings or Uri objects,
    /// user objects (profile_banner_url; a ProfileUser's ProfileBannerUrl), or banner variants output earlier.
    /// </summary>
    [Parameter(ParameterSetName = UrlSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? Url { get; set; }

    /// <summary>Users whose banner sizes to ask the API for: in v2 from their profile_banner_url (one lookup for up to 100), in v1.1 users/profile_banner.</summary>
    [Parameter(ParameterSetName = ScreenNameSet, Mandatory = true)]
    [AllowEmptyString]
    public string[]? ScreenName { get; set; }

    /// <summary>Users, by numeric id, whose banner sizes to ask the API for.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true)]
    [AllowEmptyString]
    public string[]? UserId { get; set; }

    /// <summary>The sizes to output, in this order; all nine (or every size the API lists) when left out.</summary>
    [Parameter]
    [ValidateSet("1500x500", "600x200", "300x100", "web", "web_retina", "ipad", "ipad_retina", "mobile", "mobile_retina", IgnoreCase = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Size { get; set; }

    /// <summary>Which API answers -ScreenName and -UserId: 2 or 1.1; the connection's choice when left out.</summary>
    [Parameter(ParameterSetName = ScreenNameSet)]
    [Parameter(ParameterSetName = UserIdSet)]
    [ValidateSet(ReadApiNames.V2, ReadApiNames.V1)]
    public string? ReadApiVersion
    {
        get => ReadApiVersionName;
        set => ReadApiVersionName = value;
    }

    /// <summary>Output https URLs even when the banner URL is plain http.</summary>
    [Parameter]
    public SwitchParameter Https { get; set; }

    /// <inheritdoc />
    private protected override ConnectionRequirement ConnectionRequirement => ParameterSetName == UrlSet ? ConnectionRequirement.None : ConnectionRequirement.Required;

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
        if (ParameterSetName == UrlSet)
        {
            object?[] inputs = Url ?? new object?[] { null };
            for (int i = 0; i < inputs.Length; i++)
            {
                WriteVariants(inputs[i]);
            }
        }
        else
        {
            LookUp(ParameterSetName == ScreenNameSet);
        }
    }

    private void WriteVariants(object? given)
    {
        if (!TryReadInput(MediaInput.ForBanner, given, out MediaInput input))
        {
            return;
        }

        if (input.OtherKind != null)
        {
            WriteUnsupportedInput(input.OtherKind, "pipe it to Get-ProfileImageVariant for image sizes", given);
            return;
        }

        UrlProblem problem = ProfileBannerUrl.TryParse(input.Url, out ProfileBannerUrl url);
        if (problem != UrlProblem.None)
        {
            WriteUrlProblem(problem, input.Url, What, given);
            return;
        }

        bool https = Https;
        for (int s = 0; s < _sizes.Length; s++)
        {
            BannerSize size = _sizes[s];
            WriteObject(new ProfileBannerVariant(size.Name, size.Width, size.Height, url.GetVariantUrl(size, https), url.Source, input.ScreenName, input.UserId));
        }
    }

    private void LookUp(bool byScreenName)
    {
        var users = new List<(string Given, UserReference User)>();
        foreach (string value in (byScreenName ? ScreenName : UserId) ?? System.Array.Empty<string>())
        {
            if (UserReferenceInput.Reference(this, byScreenName, value) is UserReference user)
            {
                users.Add((value, user));
            }
        }

        if ((ReadApiChoice ?? ActiveConnection.Client.Options.ReadApi) == ReadApi.V2)
        {
            LookUpFromBannerUrls(users);
            return;
        }

        // v1.1 has users/profile_banner, one user per request.
        foreach (var (given, user) in users)
        {
            if (TryCall(given, (client, call, token) => client.GetProfileBannerAsync(user, call, token), out IReadOnlyList<ProfileBannerVariant> sizes))
            {
                WriteSizes(sizes);
            }
        }
    }

    // v2 has no banner endpoint: one lookup for all the users, then each banner's sizes by the URL rule.
    private void LookUpFromBannerUrls(List<(string Given, UserReference User)> users)
    {
        var references = users.ConvertAll(u => u.User);
        if (users.Count == 0 || !TryCall(null, (client, call, token) => client.LookupUsersAsync(references, call, token), out IReadOnlyList<UserLookupOutcome> outcomes))
        {
            return;
        }

        var byKey = outcomes.ToDictionary(o => o.Reference.Key, System.StringComparer.Ordinal);
        var reported = new HashSet<XApiException>();
        foreach (var (given, user) in users)
        {
            UserLookupOutcome outcome = byKey[user.Key];
            if (outcome.User != null)
            {
                WriteBannerOf(outcome.User, user, given);
            }
            else if (reported.Add(outcome.Error!))
            {
                WriteError(ErrorRecords.ApiFailure(outcome.Error!, given));
            }
        }
    }

    private void WriteBannerOf(ProfileUser found, UserReference user, string given)
    {
        try
        {
            WriteSizes(BannerVariants.Of(found, user));
        }
        catch (XApiException e)
        {
            WriteError(ErrorRecords.ApiFailure(e, given));
        }
    }

    private void WriteSizes(IReadOnlyList<ProfileBannerVariant> sizes)
    {
        foreach (ProfileBannerVariant size in BannerVariantRules.Select(sizes, Size == null ? null : _sizes, Https))
        {
            WriteObject(size);
        }
    }
}
