using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ProfileMedia.Completion;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Urls;
using ProfileMedia.Errors;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>Gets every size of a profile banner: from its URL offline, or from the X API by screen name or user id.</summary>
[Cmdlet(VerbsCommon.Get, "ProfileBanner", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(ProfileBannerVariant))]
public sealed class GetProfileBannerCommand : ApiCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";
    private const string What = "profile banner URL";

    // An array and an index loop: the URL form runs once per input in long pipelines.
    private BannerSize[] _sizes = BannerSize.All.ToArray();

    // Users to look up, from -ScreenName/-UserId or piped rows that name them: asked for 100 a request, across records.
    private readonly List<(object? Given, UserReference User)> _toLookUp = new List<(object?, UserReference)>();

    /// <summary>
    /// The banners: the bare profile_banner_url or one that already ends in a size name, as strings or Uri objects,
    /// user objects (profile_banner_url; a ProfileUser's ProfileBannerUrl), or banner variants output earlier.
    /// -InputObject, as on every cmdlet that takes objects of several kinds from the pipeline; -Url, its 0.2.0 name, is an alias.
    /// </summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Url")]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? InputObject { get; set; }

    /// <summary>Users whose banner sizes to ask the API for: in v2 from their profile_banner_url (one lookup for up to 100), in v1.1 users/profile_banner.</summary>
    [Parameter(ParameterSetName = ScreenNameSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("screen_name", "username")]
    [AllowEmptyString]
    public string[]? ScreenName { get; set; }

    /// <summary>Users, by numeric id, whose banner sizes to ask the API for.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("id_str", "user_id")]
    [AllowEmptyString]
    public string[]? UserId { get; set; }

    /// <summary>The sizes to output, in this order; all nine (or every size the API lists) when left out.</summary>
    [Parameter]
    [ValidateBannerSize]
    [ArgumentCompleter(typeof(BannerSizeCompleter))]
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
    /// <remarks>A URL needs no connection; a piped row that only names a user is looked up with one when there is one.</remarks>
    private protected override ConnectionRequirement ConnectionRequirement => ParameterSetName == InputObjectSet ? ConnectionRequirement.Optional : ConnectionRequirement.Required;

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
        if (ParameterSetName == InputObjectSet)
        {
            object?[] inputs = InputObject ?? new object?[] { null };
            for (int i = 0; i < inputs.Length; i++)
            {
                if (PipedUserName.TryRead(inputs[i], out bool byScreenName, out string? value))
                {
                    Queue(byScreenName, value, inputs[i]);
                }
                else
                {
                    WriteVariants(inputs[i]);
                }
            }
        }
        else
        {
            bool byScreenName = ParameterSetName == ScreenNameSet;
            foreach (string value in (byScreenName ? ScreenName : UserId) ?? System.Array.Empty<string>())
            {
                Queue(byScreenName, value, value);
            }
        }

        if (_toLookUp.Count >= UserBatches.MaxPerRequest)
        {
            LookUp();
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => LookUp();

    private void Queue(bool byScreenName, string? value, object? given)
    {
        if (UserReferenceInput.Reference(this, byScreenName, value) is UserReference user)
        {
            _toLookUp.Add((given, user));
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

    private void LookUp()
    {
        if (_toLookUp.Count == 0)
        {
            return;
        }

        var users = new List<(object? Given, UserReference User)>(_toLookUp);
        _toLookUp.Clear();
        if (OptionalConnection == null)
        {
            // Only piped rows reach here without one: -ScreenName and -UserId require it before the first record.
            foreach (var (given, _) in users)
            {
                WriteError(ErrorRecords.NotConnected(given));
            }

            return;
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
    private void LookUpFromBannerUrls(List<(object? Given, UserReference User)> users)
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

    private void WriteBannerOf(ProfileUser found, UserReference user, object? given)
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
