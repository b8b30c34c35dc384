using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The one place that decides how users are asked for: each distinct user once (names in any case count as one),
/// names apart from ids (they go to different endpoints), at most <see cref="MaxPerRequest"/> per request. The client
/// splits a lookup with it; a cmdlet that streams its input asks it when a request is full, so it sends no more
/// requests than the users need and never holds more than one full request's worth.
/// </summary>
internal sealed class UserBatches
{
    /// <summary>The most users one lookup request may name, in v2 and v1.1 alike.</summary>
    public const int MaxPerRequest = 100;

    private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
    private readonly List<UserReference> _names = new List<UserReference>();
    private readonly List<UserReference> _ids = new List<UserReference>();
    private readonly List<UserReference> _order = new List<UserReference>();

    /// <summary>True once a request of names or of ids is full: what is waiting should go out now.</summary>
    public bool IsFull => _names.Count >= MaxPerRequest || _ids.Count >= MaxPerRequest;

    /// <summary>Adds a user to ask for; false when it was added before (in any spelling), so it is asked for once.</summary>
    public bool Add(UserReference user)
    {
        if (!_seen.Add(user.Key))
        {
            return false;
        }

        (user.ScreenName != null ? _names : _ids).Add(user);
        _order.Add(user);
        return true;
    }

    /// <summary>The users waiting, in the order first given, and forgets them (a user added again later is still not asked twice).</summary>
    public List<UserReference> TakeWaiting()
    {
        var waiting = new List<UserReference>(_order);
        _order.Clear();
        _names.Clear();
        _ids.Clear();
        return waiting;
    }

    /// <summary>
    /// The requests for <paramref name="users"/>: distinct, names first then ids, each at most
    /// <see cref="MaxPerRequest"/>; <paramref name="distinct"/> gets every distinct user in the order first given.
    /// </summary>
    public static List<(List<UserReference> Users, bool ByName)> Requests(IEnumerable<UserReference> users, out List<UserReference> distinct)
    {
        var batches = new UserBatches();
        foreach (UserReference user in users)
        {
            batches.Add(user);
        }

        var requests = new List<(List<UserReference>, bool)>();
        foreach ((List<UserReference> kind, bool byName) in new[] { (batches._names, true), (batches._ids, false) })
        {
            for (int start = 0; start < kind.Count; start += MaxPerRequest)
            {
                requests.Add((kind.GetRange(start, Math.Min(MaxPerRequest, kind.Count - start)), byName));
            }
        }

        distinct = batches.TakeWaiting();
        return requests;
    }
}
