using System;
using System.Collections.Generic;
using System.Management.Automation;
using ProfileMedia.Core.Downloads;
using ProfileMedia.Core.Urls;
using ProfileMedia.Errors;

namespace ProfileMedia.Input;

/// <summary>
/// Turns what is piped into Save-ProfileMedia into the files to save: image and banner variants, users (the module's
/// own, or as property bags from ConvertFrom-Json, Import-Clixml and the like), and plain URLs. What cannot be used is
/// handed to <c>writeError</c>, so the pipeline goes on with the next object.
/// </summary>
internal sealed class SaveRequests
{
    private const string Command = "Save-ProfileMedia";
    private readonly string[] _imageSizes;
    private readonly string[] _bannerSizes;
    private readonly Action<ErrorRecord> _writeError;

    /// <param name="imageSizes">The image sizes to save for a user.</param>
    /// <param name="bannerSizes">The banner sizes to save for a user that has a banner.</param>
    /// <param name="writeError">Called on the pipeline thread for each input that cannot be used.</param>
    public SaveRequests(string[] imageSizes, string[] bannerSizes, Action<ErrorRecord> writeError)
    {
        _imageSizes = imageSizes;
        _bannerSizes = bannerSizes;
        _writeError = writeError;
    }

    /// <summary>The files to save for one pipeline object; none when it cannot be used (an error is written).</summary>
    public IReadOnlyList<MediaRequest> For(object? input)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case ProfileImageVariant image:
                return new[] { MediaRequest.From(image) };
            case ProfileBannerVariant banner:
                return new[] { MediaRequest.From(banner) };
            case ProfileUser user:
                return ForUser(user);
            case string url:
                return ForUrl(url);
            case Uri uri:
                return ForUrl(uri.OriginalString);
            case PSCustomObject _ when VariantFromProperties((PSObject)input!) is MediaRequest variant:
                return new[] { variant };
            case PSCustomObject _ when UserFromProperties((PSObject)input!) is ProfileUser user:
                return ForUser(user);
            default:
                _writeError(ErrorRecords.UnsupportedInput(Command, input, "it takes image or banner variants, users or URLs"));
                return Array.Empty<MediaRequest>();
        }
    }

    private List<MediaRequest> ForUser(ProfileUser user)
    {
        var requests = new List<MediaRequest>();
        foreach (string size in _imageSizes)
        {
            if (MediaRequest.ImageOf(user, size) is not MediaRequest image)
            {
                string? url = user.ProfileImageUrlHttps ?? user.ProfileImageUrl;
                _writeError(ErrorRecords.BadUrl(ProfileImageUrl.TryParse(url, out _), url, "profile image URL of @" + Core.Text.MessageText.Escape(user.ScreenName)));
                break;
            }

            requests.Add(image);
        }

        if (user.ProfileBannerUrl != null)
        {
            foreach (string size in _bannerSizes)
            {
                // A banner URL that is not http(s) is named, as the image URL is, not passed over in silence.
                if (MediaRequest.BannerOf(user, size) is not MediaRequest banner)
                {
                    _writeError(ErrorRecords.BadUrl(ProfileBannerUrl.TryParse(user.ProfileBannerUrl, out _), user.ProfileBannerUrl, "profile banner URL of @" + Core.Text.MessageText.Escape(user.ScreenName)));
                    break;
                }

                requests.Add(banner);
            }
        }

        return requests;
    }

    private MediaRequest[] ForUrl(string url)
    {
        UrlProblem problem = MediaRequest.FromUrl(url, out MediaRequest? request);
        if (problem != UrlProblem.None)
        {
            _writeError(ErrorRecords.BadUrl(problem, url, "media URL"));
            return Array.Empty<MediaRequest>();
        }

        return new[] { request! };
    }

    // A user as a property bag: a v1.1 object from ConvertFrom-Json (snake_case), or a ProfileUser that went through
    // JSON or Export-Clixml and came back as properties (PascalCase).
    private static ProfileUser? UserFromProperties(PSObject bag)
    {
        string? screenName = PropertyBag.Text(bag, "screen_name", "ScreenName");
        if (screenName == null)
        {
            return null;
        }

        return new ProfileUser(
            PropertyBag.Text(bag, "id_str", "UserId") ?? string.Empty,
            screenName,
            PropertyBag.Text(bag, "name", "Name") ?? screenName,
            PropertyBag.Text(bag, "profile_image_url", "ProfileImageUrl"),
            PropertyBag.Text(bag, "profile_image_url_https", "ProfileImageUrlHttps"),
            PropertyBag.Text(bag, "profile_banner_url", "ProfileBannerUrl"),
            PropertyBag.Value(bag, "default_profile_image", "IsDefaultProfileImage") is bool isDefault && isDefault);
    }

    // An image or banner variant that came back as properties (ConvertFrom-Json, Import-Clixml): it has a Url, a Width,
    // and a Size (image) or a Name (banner).
    private static MediaRequest? VariantFromProperties(PSObject bag)
    {
        string? url = PropertyBag.Text(bag, "Url");
        string? size = PropertyBag.Text(bag, "Size");
        string? name = PropertyBag.Text(bag, "Name");
        if (url == null || (size == null && name == null) || !PropertyBag.Has(bag, "Width"))
        {
            return null;
        }

        string? screenName = PropertyBag.Text(bag, "ScreenName");
        string? userId = PropertyBag.Text(bag, "UserId");
        string sourceUrl = PropertyBag.Text(bag, "SourceUrl") ?? url;
        return size != null
            ? MediaRequest.From(new ProfileImageVariant(size, null, null, url, false, sourceUrl, screenName, userId))
            : MediaRequest.From(new ProfileBannerVariant(name!, 0, 0, url, sourceUrl, screenName, userId));
    }
}
