using System;
using System.Collections.Concurrent;

namespace ProfileMedia.Watching;

/// <summary>
/// The @names this process has learned for user ids (from Register-ProfileMediaWatch's lookup and the users piped to
/// it). The X Activity API gives only ids, and a lookup is billed per user, so a watch shows a name where one is
/// known and asks for none. Names are public; nothing secret is kept.
/// </summary>
internal static class KnownScreenNames
{
    private static readonly ConcurrentDictionary<string, string> ById = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    public static void Remember(string userId, string screenName) => ById[userId] = screenName;

    public static string? Of(string userId) => ById.TryGetValue(userId, out string? name) ? name : null;

    /// <summary>The id of a name learned before, in any case; null when unknown.</summary>
    public static string? IdOf(string screenName)
    {
        foreach (var pair in ById)
        {
            if (string.Equals(pair.Value, screenName, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Key;
            }
        }

        return null;
    }
}
