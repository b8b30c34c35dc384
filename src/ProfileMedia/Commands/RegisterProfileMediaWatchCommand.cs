using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ProfileMedia.Core.Activity;
using ProfileMedia.Core.Api;
using ProfileMedia.Errors;
using ProfileMedia.Watching;

namespace ProfileMedia.Commands;

/// <summary>
/// Watches users' profile images and banners through the X Activity API: one subscription per user and kind, names
/// looked up in one batched request, a user already watched reported and not subscribed twice, the limit and the cost
/// per event said before anything is created. Needs the app-only Bearer token.
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "ProfileMediaWatch", DefaultParameterSetName = ScreenNameSet, SupportsShouldProcess = true)]
[OutputType(typeof(ProfileMediaWatch))]
public sealed class RegisterProfileMediaWatchCommand : WatchCmdlet
{
    private const string ScreenNameSet = "ScreenName";
    private const string UserIdSet = "UserId";
    private const string UserSet = "User";

    private readonly WatchUserList _users = new WatchUserList();

    /// <summary>The users' screen names, with or without '@'; looked up together, 100 a request.</summary>
    [Parameter(ParameterSetName = ScreenNameSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("screen_name", "username")]
    [AllowEmptyString]
    [AllowNull]
    public string?[]? ScreenName { get; set; }

    /// <summary>The users' numeric ids: subscribed without a lookup.</summary>
    [Parameter(ParameterSetName = UserIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("id_str", "user_id")]
    [AllowEmptyString]
    public string[] UserId { get; set; } = System.Array.Empty<string>();

    /// <summary>Users from Get-ProfileUser: their ids and names are used as they are, with no lookup.</summary>
    [Parameter(ParameterSetName = UserSet, Mandatory = true, ValueFromPipeline = true)]
    public ProfileUser[] User { get; set; } = System.Array.Empty<ProfileUser>();

    /// <summary>What to watch: Image, Banner, or both (the default).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ProfileMediaWatchKind[] Kind { get; set; } = { ProfileMediaWatchKind.Image, ProfileMediaWatchKind.Banner };

    /// <summary>A label for the subscriptions, echoed on every event they deliver.</summary>
    [Parameter]
    [ValidateLength(1, 200)]
    public string? Tag { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case UserSet:
                foreach (ProfileUser user in User)
                {
                    _users.Add(user);
                }

                break;
            case UserIdSet:
                foreach (string id in UserId)
                {
                    _users.Add(this, false, id);
                }

                break;
            default:
                foreach (string? name in ScreenName ?? new string?[] { null })
                {
                    _users.Add(this, true, name);
                }

                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_users.IsEmpty)
        {
            return;
        }

        List<WatchUser> users = _users.Resolve(this, false, names => TryCall(null, (client, call, token) => client.LookupUsersAsync(names, call, token), out IReadOnlyList<UserLookupOutcome> found) ? found : null);
        if (users.Count == 0 || !TryCall(null, (client, call, token) => client.ListWatchesAsync(call, token), out (IReadOnlyList<ProfileMediaWatch> Watches, int Total) existing))
        {
            return;
        }

        var plan = new List<(WatchUser User, ProfileMediaWatchKind Kind)>();
        foreach (WatchUser user in users)
        {
            foreach (ProfileMediaWatchKind kind in Kind.Distinct())
            {
                ProfileMediaWatch? held = existing.Watches.FirstOrDefault(w => w.UserId == user.UserId && w.Kind == kind);
                if (held != null)
                {
                    WriteError(ErrorRecords.AlreadyWatched(held.WithScreenName(user.ScreenName), user.Given));
                }
                else
                {
                    plan.Add((user, kind));
                }
            }
        }

        if (plan.Count == 0)
        {
            return;
        }

        int limit = WatchEventTypes.SelfServeLimit;
        if (existing.Total + plan.Count > limit)
        {
            WriteError(ErrorRecords.SubscriptionLimitReached(plan.Count, existing.Total, limit));
            return;
        }

        string cost = string.Format(CultureInfo.InvariantCulture, "X bills each change it reports ${0:0.000} (Profile Update: Read)", WatchEventTypes.CostPerEvent);
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} new watches for {1} users: the app will hold {2:N0} of its {3:N0} subscriptions. {4}.",
            plan.Count, plan.Select(p => p.User.UserId).Distinct().Count(), existing.Total + plan.Count, limit, cost));
        for (int i = 0; i < plan.Count; i++)
        {
            var (user, kind) = plan[i];
            string action = string.Format(CultureInfo.InvariantCulture, "Watch the {0} (1 subscription, {1:N0} of {2:N0} after; {3})",
                kind == ProfileMediaWatchKind.Image ? "profile image" : "banner", existing.Total + i + 1, limit, cost);
            if (!ShouldProcess(user.ToString(), action))
            {
                continue;
            }

            if (TryCall(user.Given, (client, call, token) => client.CreateWatchAsync(user.UserId, kind, Tag, call, token), out ProfileMediaWatch created))
            {
                WriteObject(created.WithScreenName(user.ScreenName));
            }
        }
    }
}
