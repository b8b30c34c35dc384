using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ProfileMedia.Watching;

namespace ProfileMedia.Commands;

/// <summary>
/// Lists the app's watches (its X Activity API subscriptions to image and banner changes), every page, with the
/// user's @name where this session knows it. Other subscriptions of the app (bio, posts) are not watches and are left out.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ProfileMediaWatch")]
[OutputType(typeof(ProfileMediaWatch))]
public sealed class GetProfileMediaWatchCommand : WatchCmdlet
{
    /// <summary>Only the watches of these user ids.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("id_str", "user_id")]
    [ValidateNotNullOrEmpty]
    public string[]? UserId { get; set; }

    /// <summary>Only watches of this kind.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ProfileMediaWatchKind[]? Kind { get; set; }

    private readonly HashSet<string> _userIds = new HashSet<string>(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (string id in UserId ?? Array.Empty<string>())
        {
            _userIds.Add(id);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (!TryCall(null, (client, call, token) => client.ListWatchesAsync(call, token), out (IReadOnlyList<ProfileMediaWatch> Watches, int Total) list))
        {
            return;
        }

        WriteVerbose(list.Total + " X Activity API subscriptions held, " + list.Watches.Count + " of them watches.");
        foreach (ProfileMediaWatch watch in list.Watches)
        {
            if ((_userIds.Count == 0 || _userIds.Contains(watch.UserId)) && (Kind == null || Kind.Contains(watch.Kind)))
            {
                WriteObject(watch.WithScreenName(KnownScreenNames.Of(watch.UserId)));
            }
        }
    }
}
