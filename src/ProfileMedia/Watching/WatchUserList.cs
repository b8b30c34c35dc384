using System;
using System.Collections.Generic;
using ProfileMedia.Commands;
using ProfileMedia.Core.Api;
using ProfileMedia.Errors;
using ProfileMedia.Input;

namespace ProfileMedia.Watching;

/// <summary>
/// Collects the users given to a watch cmdlet (names, ids, ProfileUser objects), checking each as it comes, and turns
/// the names into ids with one batched lookup (100 a request, each name once) when the input has ended.
/// </summary>
internal sealed class WatchUserList
{
    private readonly List<(object? Given, UserReference Reference)> _names = new List<(object?, UserReference)>();
    private readonly List<WatchUser> _known = new List<WatchUser>();

    public bool IsEmpty => _names.Count == 0 && _known.Count == 0;

    /// <summary>A name or id as given; an invalid one is an error about it, written now.</summary>
    public void Add(ApiCmdlet cmdlet, bool byScreenName, string? value)
    {
        UserReference? reference = UserReferenceInput.Reference(cmdlet, byScreenName, value);
        if (reference == null)
        {
            return;
        }

        if (reference.ScreenName != null)
        {
            _names.Add((value, reference));
        }
        else
        {
            _known.Add(new WatchUser(reference.UserId!, KnownScreenNames.Of(reference.UserId!), value));
        }
    }

    /// <summary>A user object already looked up: its id and name, with no request.</summary>
    public void Add(ProfileUser user)
    {
        KnownScreenNames.Remember(user.UserId, user.ScreenName);
        _known.Add(new WatchUser(user.UserId, user.ScreenName, user));
    }

    /// <summary>
    /// Every user with an id, each once. Names this session already knows are taken as known when
    /// <paramref name="useKnownNames"/>; the rest go to <paramref name="lookUp"/> together (null when its request failed,
    /// which it has reported), and a missing or suspended one is an error about what was given.
    /// </summary>
    public List<WatchUser> Resolve(ApiCmdlet cmdlet, bool useKnownNames, Func<IReadOnlyList<UserReference>, IReadOnlyList<UserLookupOutcome>?> lookUp)
    {
        var result = new List<WatchUser>(_known);
        var toLookUp = new List<UserReference>();
        var givenByKey = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (given, reference) in _names)
        {
            if (useKnownNames && KnownScreenNames.IdOf(reference.ScreenName!) is string id)
            {
                result.Add(new WatchUser(id, reference.ScreenName, given));
            }
            else if (!givenByKey.ContainsKey(reference.Key))
            {
                givenByKey[reference.Key] = given;
                toLookUp.Add(reference);
            }
        }

        if (toLookUp.Count > 0 && lookUp(toLookUp) is IReadOnlyList<UserLookupOutcome> outcomes)
        {
            var reported = new HashSet<XApiException>();
            foreach (UserLookupOutcome outcome in outcomes)
            {
                object? given = givenByKey[outcome.Reference.Key];
                if (outcome.User is ProfileUser user)
                {
                    KnownScreenNames.Remember(user.UserId, user.ScreenName);
                    result.Add(new WatchUser(user.UserId, user.ScreenName, given));
                }
                else if (outcome.Error is XApiException error && reported.Add(error))
                {
                    cmdlet.WriteError(ErrorRecords.ApiFailure(error, given));
                }
            }
        }

        // Each user once, whichever way it was given.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return result.FindAll(user => seen.Add(user.UserId));
    }
}
