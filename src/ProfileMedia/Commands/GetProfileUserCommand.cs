using System.Collections.Generic;
using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Errors;
using ProfileMedia.Input;

namespace ProfileMedia.Commands;

/// <summary>
/// Gets users from the X API (v2 /2/users/by and /2/users, or v1.1 users/lookup): id, names, image and banner URLs.
/// Names and ids are looked up 100 per request, each once (<see cref="UserBatches"/>); with none, the connected account (/2/users/me).
/// </summary>
[Cmdlet(VerbsCommon.Get, "ProfileUser", DefaultParameterSetName = ScreenNameSet)]
[OutputType(typeof(ProfileUser))]
public sealed class GetProfileUserCommand : ApiCmdlet
{
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";

    private readonly List<(string? Given, UserReference User)> _waiting = new List<(string?, UserReference)>();
    private readonly UserBatches _toLookUp = new UserBatches();
    private readonly Dictionary<string, UserLookupOutcome> _known = new Dictionary<string, UserLookupOutcome>(System.StringComparer.Ordinal);
    private readonly HashSet<XApiException> _reported = new HashSet<XApiException>();

    /// <summary>The users' screen names, with or without '@'. With neither names nor ids, the connected account.</summary>
    [Parameter(ParameterSetName = ScreenNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("screen_name", "username")]
    [AllowEmptyString]
    [AllowNull]
    public string?[]? ScreenName { get; set; }

    /// <summary>The users' numeric ids.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("id_str", "user_id")]
    [AllowEmptyString]
    public string[] UserId { get; set; } = System.Array.Empty<string>();

    /// <summary>Which API answers: 2 or 1.1 (users/lookup); the connection's choice when left out.</summary>
    [Parameter]
    [ValidateSet(ReadApiNames.V2, ReadApiNames.V1)]
    public string? ReadApiVersion
    {
        get => ReadApiVersionName;
        set => ReadApiVersionName = value;
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool byName = ParameterSetName == ScreenNameSet;

        // Not mandatory, so that no name at all means the connected account; an empty list or pipeline names no one.
        if (byName && !MyInvocation.BoundParameters.ContainsKey(nameof(ScreenName)) && !MyInvocation.ExpectingInput)
        {
            if (TryCall(null, (client, call, token) => client.GetAuthenticatedUserAsync(call, token), out ProfileUser me))
            {
                WriteObject(me);
            }

            return;
        }

        foreach (string? value in byName ? ScreenName ?? new string?[] { null } : UserId)
        {
            UserReference? user = UserReferenceInput.Reference(this, byName, value);
            if (user == null)
            {
                continue;
            }

            // A user asked before in this command is answered from what came back: UserBatches takes each user once.
            _waiting.Add((value, user));
            _toLookUp.Add(user);
            if (_toLookUp.IsFull)
            {
                LookUpAndWrite();
            }
        }

        // What is already known (a name asked before) goes out at once when nothing ahead of it is waiting.
        WriteAnswered();
    }

    /// <inheritdoc />
    protected override void EndProcessing() => LookUpAndWrite();

    // The users collected so far, in as few requests as UserBatches makes of them (a full request of names goes with
    // the ids waiting beside it), then every waiting input that is answered, in its order.
    private void LookUpAndWrite()
    {
        List<UserReference> batch = _toLookUp.TakeWaiting();
        if (batch.Count > 0)
        {
            if (TryCall(batch.Count == 1 ? batch[0].ParameterValue : null, (client, call, token) => client.LookupUsersAsync(batch, call, token), out IReadOnlyList<UserLookupOutcome> outcomes))
            {
                foreach (UserLookupOutcome outcome in outcomes)
                {
                    _known[outcome.Reference.Key] = outcome;
                }
            }
            else
            {
                // The call failed as a whole and TryCall wrote its error: these users are answered, with nothing more to say.
                batch.ForEach(user => _known[user.Key] = new UserLookupOutcome(user, null, null));
            }
        }

        WriteAnswered();
    }

    // Waiting inputs go out in their order, up to the first one whose request has not been sent yet.
    private void WriteAnswered()
    {
        int written = 0;
        foreach (var (given, user) in _waiting)
        {
            if (!_known.TryGetValue(user.Key, out UserLookupOutcome? outcome))
            {
                break;
            }

            written++;
            if (outcome.User != null)
            {
                WriteObject(outcome.User);
            }
            else if (outcome.Error is XApiException error && _reported.Add(error))
            {
                // A request that failed as a whole is one error, not one per user in it.
                WriteError(ErrorRecords.ApiFailure(error, given));
            }
        }

        _waiting.RemoveRange(0, written);
    }
}
