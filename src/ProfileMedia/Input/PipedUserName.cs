using System.Collections;
using System.Management.Automation;

namespace ProfileMedia.Input;

/// <summary>
/// Tells whether a piped property bag (an Import-Csv row, a hashtable) only names a user, so that Get-ProfileBanner
/// looks it up: it has a screen name or an id, and no image or banner URL at all. A user object from the API always
/// carries an image URL, so it keeps being read offline by its banner URL.
/// </summary>
internal static class PipedUserName
{
    // The same spellings Get-ProfileUser's -ScreenName and -UserId take by property name.
    private static readonly string[] ScreenNameProperties = { "ScreenName", "screen_name", "username" };
    private static readonly string[] UserIdProperties = { "UserId", "id_str", "user_id" };
    private static readonly string[] MediaProperties =
    {
        "profile_banner_url", "ProfileBannerUrl", "profile_image_url_https", "ProfileImageUrlHttps", "profile_image_url", "ProfileImageUrl", "Url",
    };

    /// <summary>True, with the name (or else the id) to look up, when <paramref name="input"/> only names a user.</summary>
    public static bool TryRead(object? input, out bool byScreenName, out string? value)
    {
        byScreenName = false;
        value = null;
        object? inner = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (inner is IDictionary table)
        {
            return !HasAny(table) && Found(PropertyBag.Text(table, ScreenNameProperties), PropertyBag.Text(table, UserIdProperties), out byScreenName, out value);
        }

        if (inner is PSCustomObject)
        {
            var bag = (PSObject)input!;
            return !HasAny(bag) && Found(PropertyBag.Text(bag, ScreenNameProperties), PropertyBag.Text(bag, UserIdProperties), out byScreenName, out value);
        }

        return false;
    }

    private static bool Found(string? screenName, string? userId, out bool byScreenName, out string? value)
    {
        byScreenName = screenName != null;
        value = screenName ?? userId;
        return value != null;
    }

    private static bool HasAny(PSObject bag)
    {
        foreach (string name in MediaProperties)
        {
            if (PropertyBag.Has(bag, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAny(IDictionary table)
    {
        foreach (string name in MediaProperties)
        {
            if (table.Contains(name))
            {
                return true;
            }
        }

        return false;
    }
}
