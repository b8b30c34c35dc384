using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>Gets users from the X API (users/show): id, names, image and banner URLs.</summary>
[Cmdlet(VerbsCommon.Get, "ProfileUser", DefaultParameterSetName = ScreenNameSet)]
[OutputType(typeof(ProfileUser))]
public sealed class GetProfileUserCommand : ApiCmdlet
{
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";

    /// <summary>The users' screen names, with or without '@'.</summary>
    [Parameter(ParameterSetName = ScreenNameSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("screen_name")]
    [AllowEmptyString]
    public string[] ScreenName { get; set; } = System.Array.Empty<string>();

    /// <summary>The users' numeric ids.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("id_str", "user_id")]
    [AllowEmptyString]
    public string[] UserId { get; set; } = System.Array.Empty<string>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool byName = ParameterSetName == ScreenNameSet;
        foreach (string value in byName ? ScreenName : UserId)
        {
            UserReference? user = UserReferenceInput.Reference(this, byName, value);
            if (user != null && TryCall(value, (client, call, token) => client.GetUserAsync(user, call, token), out ProfileUser found))
            {
                WriteObject(found);
            }
        }
    }
}
