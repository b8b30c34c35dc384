using System;
using System.Collections;
using System.Management.Automation;

namespace ProfileMedia.Input;

/// <summary>
/// Reads what a user pipes into the variant cmdlets: URL strings, Uri objects, the module's own users and variants,
/// changes from Watch-ProfileMedia (their new URL), and property bags (ConvertFrom-Json user objects, Import-Csv rows, hashtables).
/// </summary>
/// <remarks>
/// The cmdlets take one pipeline parameter and sort by type here, rather than letting the parameter binder try a
/// parameter set per kind of input for every object: that binding cost dominated a pipeline of plain strings. It also
/// keeps a user object's own "url" property (the user's website) from ever being taken for an image.
/// </remarks>
internal readonly struct MediaInput
{
    private MediaInput(string? url, string? screenName, string? userId, string? otherKind = null)
    {
        Url = url;
        ScreenName = screenName;
        UserId = userId;
        OtherKind = otherKind;
    }

    /// <summary>Set when the input is media of the other kind (a banner given for an image, or the reverse): what it is.</summary>
    public string? OtherKind { get; }

    /// <summary>The URL found, or null when the input had none (a user without a banner, say).</summary>
    public string? Url { get; }

    /// <summary>The owner's screen name, when the input carried one.</summary>
    public string? ScreenName { get; }

    /// <summary>The owner's id, when the input carried one.</summary>
    public string? UserId { get; }

    /// <summary>
    /// Reads <paramref name="input"/> with <paramref name="read"/> (<see cref="ForImage"/> or <see cref="ForBanner"/>);
    /// false, with what went wrong, when reading it throws: a ToString() or a ScriptProperty getter is the input's own
    /// code, and its failure concerns that object only.
    /// </summary>
    public static bool TryRead(Func<object?, MediaInput> read, object? input, out MediaInput result, out Exception? failure)
    {
        try
        {
            result = read(input);
            failure = null;
            return true;
        }
        catch (Exception e) when (!(e is PipelineStoppedException) && !(e is OperationCanceledException))
        {
            result = default;
            // PowerShell wraps the input's own exception (in a cast or a getter failure): the inner one says what went wrong.
            failure = e;
            while (failure is RuntimeException && failure.InnerException != null)
            {
                failure = failure.InnerException;
            }

            return false;
        }
    }

    /// <summary>The profile image URL in <paramref name="input"/>.</summary>
    public static MediaInput ForImage(object? input)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case string url:
                return new MediaInput(url, null, null);
            case ProfileImageVariant variant:
                return new MediaInput(variant.Url, variant.ScreenName, variant.UserId);
            case ProfileUser user:
                return new MediaInput(user.ProfileImageUrlHttps ?? user.ProfileImageUrl, user.ScreenName, user.UserId);
            case ProfileBannerVariant banner:
                // Read as text it would look like a URL and give nonsense variants: refuse it by name instead.
                return new MediaInput(banner.Url, banner.ScreenName, banner.UserId, "a banner variant");
            case ProfileMediaChange change:
                return new MediaInput(change.NewUrl, change.ScreenName, change.UserId, change.Kind == ProfileMediaWatchKind.Banner ? "a banner change" : null);
            default:
                return FromOther(input, value, UserProperties.ImageUrl);
        }
    }

    /// <summary>The banner URL in <paramref name="input"/>.</summary>
    public static MediaInput ForBanner(object? input)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case string url:
                return new MediaInput(url, null, null);
            case ProfileBannerVariant variant:
                return new MediaInput(variant.Url, variant.ScreenName, variant.UserId);
            case ProfileUser user:
                return new MediaInput(user.ProfileBannerUrl, user.ScreenName, user.UserId);
            case ProfileImageVariant image:
                return new MediaInput(image.Url, image.ScreenName, image.UserId, "a profile image variant");
            case ProfileMediaChange change:
                return new MediaInput(change.NewUrl, change.ScreenName, change.UserId, change.Kind == ProfileMediaWatchKind.Image ? "a profile image change" : null);
            default:
                return FromOther(input, value, UserProperties.BannerUrl);
        }
    }

    private static MediaInput FromOther(object? input, object? value, string[] urlProperties)
    {
        switch (value)
        {
            case null:
                return default;
            case Uri uri:
                // The text as written: Uri.ToString() would unescape %20 and so change the URL.
                return new MediaInput(uri.OriginalString, null, null);
            case IDictionary _:
            case PSCustomObject _:
                InputBag.TryOf(input, out InputBag bag);
                InputBag user = UserProperties.UserIn(bag);
                return new MediaInput(user.Text(urlProperties), user.Text(UserProperties.ScreenName), user.Text(UserProperties.UserId));
            default:
                // Anything else is read as text, as the binder would convert it, and then judged as a URL.
                return new MediaInput(LanguagePrimitives.ConvertTo<string>(value), null, null);
        }
    }
}
