using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ProfileMedia.Core.Api;
using ProfileMedia.Errors;
using ProfileMedia.Watching;

namespace ProfileMedia.Commands;

/// <summary>
/// Stops watching: removes X Activity API subscriptions by watch object, subscription id or user, 100 ids per
/// request (DELETE ?ids=). Each removal asks ShouldProcess; an id the service does not know is an error about it.
/// </summary>
[Cmdlet(VerbsLifecycle.Unregister, "ProfileMediaWatch", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class UnregisterProfileMediaWatchCommand : WatchCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string SubscriptionIdSet = "SubscriptionId";
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";

    private readonly List<(string Id, object Target)> _ids = new List<(string, object)>();
    private readonly WatchUserList _users = new WatchUserList();

    /// <summary>Watches from Get-ProfileMediaWatch or Register-ProfileMediaWatch.</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public ProfileMediaWatch[] InputObject { get; set; } = Array.Empty<ProfileMediaWatch>();

    /// <summary>Subscription ids.</summary>
    [Parameter(ParameterSetName = SubscriptionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("subscription_id")]
    [ValidatePattern("^[0-9]{1,19}$")]
    public string[] SubscriptionId { get; set; } = Array.Empty<string>();

    /// <summary>Users by @name: every watch of theirs (of -Kind) is removed. Names not learned this session are looked up together.</summary>
    [Parameter(ParameterSetName = ScreenNameSet, Mandatory = true)]
    [Alias("screen_name", "username")]
    public string[] ScreenName { get; set; } = Array.Empty<string>();

    /// <summary>Users by id: every watch of theirs (of -Kind) is removed.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("id_str", "user_id")]
    public string[] UserId { get; set; } = Array.Empty<string>();

    /// <summary>With -ScreenName or -UserId: the kinds to stop watching; both by default.</summary>
    [Parameter(ParameterSetName = ScreenNameSet)]
    [Parameter(ParameterSetName = UserIdSet)]
    [ValidateNotNullOrEmpty]
    public ProfileMediaWatchKind[] Kind { get; set; } = { ProfileMediaWatchKind.Image, ProfileMediaWatchKind.Banner };

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case InputObjectSet:
                foreach (ProfileMediaWatch watch in InputObject)
                {
                    if (watch != null && ShouldProcess(watch.ToString(), "Stop watching: delete subscription " + watch.SubscriptionId))
                    {
                        _ids.Add((watch.SubscriptionId, watch));
                    }
                }

                break;
            case SubscriptionIdSet:
                foreach (string id in SubscriptionId)
                {
                    if (ShouldProcess("subscription " + id, "Stop watching: delete the subscription"))
                    {
                        _ids.Add((id, id));
                    }
                }

                break;
            default:
                foreach (string value in ParameterSetName == ScreenNameSet ? ScreenName : UserId)
                {
                    _users.Add(this, ParameterSetName == ScreenNameSet, value);
                }

                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (!_users.IsEmpty)
        {
            AddWatchesOfUsers();
        }

        if (_ids.Count == 0)
        {
            return;
        }

        string[] ids = _ids.Select(i => i.Id).Distinct(StringComparer.Ordinal).ToArray();
        if (TryCall(null, (client, call, token) => client.DeleteWatchesAsync(ids, call, token), out (IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound) outcome))
        {
            WriteVerbose(outcome.Deleted.Count + " watches removed.");
            foreach (string missing in outcome.NotFound)
            {
                WriteError(ErrorRecords.WatchNotFound(missing, _ids.First(i => i.Id == missing).Target));
            }
        }
    }

    // The users' watches, from the list of every watch; names the session has not learned are looked up together.
    private void AddWatchesOfUsers()
    {
        List<WatchUser> users = _users.Resolve(this, true, names => TryCall(null, (client, call, token) => client.LookupUsersAsync(names, call, token), out IReadOnlyList<UserLookupOutcome> found) ? found : null);
        if (users.Count == 0 || !TryCall(null, (client, call, token) => client.ListWatchesAsync(call, token), out (IReadOnlyList<ProfileMediaWatch> Watches, int Total) list))
        {
            return;
        }

        foreach (WatchUser user in users)
        {
            ProfileMediaWatch[] theirs = list.Watches.Where(w => w.UserId == user.UserId && Kind.Contains(w.Kind)).ToArray();
            if (theirs.Length == 0)
            {
                WriteError(ErrorRecords.UserNotWatched(user.ToString(), user.Given));
                continue;
            }

            foreach (ProfileMediaWatch watch in theirs)
            {
                ProfileMediaWatch named = watch.WithScreenName(user.ScreenName);
                if (ShouldProcess(named.ToString(), "Stop watching: delete subscription " + watch.SubscriptionId))
                {
                    _ids.Add((watch.SubscriptionId, named));
                }
            }
        }
    }
}
