using System;

namespace ProfileMedia.Core.Api;

/// <summary>A user named by screen name or by numeric id, checked before any request is sent.</summary>
internal sealed class UserReference
{
    // The v2 rules, checked before any request: usernames ^[A-Za-z0-9_]{1,15}$, ids ^[0-9]{1,19}$ and, since X's ids
    // are signed 64-bit numbers, no greater than long.MaxValue: a 19-digit id above it makes the service fail the
    // whole request (HTTP 500), and with it every other user in the same batch.
    private const int MaxScreenNameLength = 15;
    private const int MaxUserIdLength = 19;

    /// <summary>What a user id must be, for messages.</summary>
    public const string UserIdRule = "A user id is a whole number from 1 to 9223372036854775807";

    private UserReference(string? screenName, string? userId)
    {
        ScreenName = screenName;
        UserId = userId;
    }

    /// <summary>The screen name, when the user is named that way.</summary>
    public string? ScreenName { get; }

    /// <summary>The numeric id, when the user is named that way.</summary>
    public string? UserId { get; }

    /// <summary>The query parameter that names the user: <c>screen_name</c> or <c>user_id</c>.</summary>
    public string ParameterName => ScreenName != null ? "screen_name" : "user_id";

    /// <summary>The value of <see cref="ParameterName"/>.</summary>
    public string ParameterValue => ScreenName ?? UserId!;

    /// <summary>A user by screen name; a leading '@' is dropped. Returns null and a reason when the name cannot be one.</summary>
    public static UserReference? ForScreenName(string? value, out string? problem)
    {
        string name = value?.Trim() ?? string.Empty;
        if (name.StartsWith("@", StringComparison.Ordinal))
        {
            name = name.Substring(1);
        }

        if (name.Length == 0 || name.Length > MaxScreenNameLength || !IsScreenNameText(name))
        {
            problem = "A screen name is 1 to 15 letters, digits or underscores";
            return null;
        }

        problem = null;
        return new UserReference(name, null);
    }

    /// <summary>
    /// A user by numeric id, written without leading zeros ("0042" is user 42, matched against the "42" that comes
    /// back). Returns null and a reason when the value is not a user id: empty, not digits, zero, or above
    /// <see cref="long.MaxValue"/>.
    /// </summary>
    public static UserReference? ForUserId(string? value, out string? problem)
    {
        string id = (value?.Trim() ?? string.Empty).TrimStart('0');
        if (id.Length == 0 || id.Length > MaxUserIdLength || !IsDigits(id)
            || (id.Length == MaxUserIdLength && string.CompareOrdinal(id, "9223372036854775807") > 0))
        {
            problem = UserIdRule;
            return null;
        }

        problem = null;
        return new UserReference(null, id);
    }

    /// <summary>
    /// What names the same user however it was written: the screen name lower-cased (X matches names in any case and may
    /// answer in another case than asked), or the id.
    /// </summary>
    public string Key => ScreenName != null ? "@" + ScreenName.ToLowerInvariant() : UserId!;

    /// <inheritdoc />
    public override string ToString() => ScreenName != null ? "@" + ScreenName : "user id " + UserId;

    private static bool IsScreenNameText(string value)
    {
        foreach (char c in value)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string value)
    {
        foreach (char c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}
