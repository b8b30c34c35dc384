using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
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
        // A size named twice (-ImageSize original,original) is one file, saved once.
        _imageSizes = imageSizes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _bannerSizes = bannerSizes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _writeError = writeError;
    }

    /// <summary>The files to save for one pipeline object; none when it cannot be used (an error is written).</summary>
    public IReadOnlyList<MediaRequest> For(object? input)
    {
        IReadOnlyList<MediaRequest> requests;
        try
        {
            requests = Read(input);
        }
        catch (Exception e) when (IsInputsOwnFailure(e))
        {
            // Reading a property or text ran the object's own code (a ScriptProperty, a ToString override), and it threw.
            _writeError(ErrorRecords.UnreadableInput(Command, input, e));
            return Array.Empty<MediaRequest>();
        }

        return requests;
    }

    // Anything the object's own code may throw; not the pipeline's own signals, which must go on up.
    private static bool IsInputsOwnFailure(Exception e) =>
        !(e is PipelineStoppedException || e is ActionPreferenceStopException || e is OperationCanceledException || e is OutOfMemoryException);

    private IReadOnlyList<MediaRequest> Read(object? input)
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
            case ProfileMediaChange change:
                return ForChange(change);
            case string url:
                return ForUrl(url);
            case Uri uri:
                return ForUrl(uri.OriginalString);
            case IDictionary or PSCustomObject when InputBag.TryOf(input, out InputBag bag) && VariantFromProperties(bag) is MediaRequest variant:
                return new[] { variant };
            case IDictionary or PSCustomObject when InputBag.TryOf(input, out InputBag bag) && UserProperties.ToUser(bag) is ProfileUser user:
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

    // A change from Watch-ProfileMedia: its new picture in the sizes asked for; a removed banner has nothing to save.
    private MediaRequest[] ForChange(ProfileMediaChange change) => change
        .NewVariants(change.Kind == ProfileMediaWatchKind.Image ? _imageSizes : _bannerSizes)
        .Select(variant => variant is ProfileBannerVariant banner ? MediaRequest.From(banner) : MediaRequest.From((ProfileImageVariant)variant))
        .ToArray();

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

    // An image or banner variant that came back as properties (ConvertFrom-Json, Import-Clixml): it has a Url, a Width,
    // and a Size (image) or a Name (banner).
    private static MediaRequest? VariantFromProperties(InputBag bag)
    {
        string? url = bag.Text("Url");
        string? size = bag.Text("Size");
        string? name = bag.Text("Name");
        if (url == null || (size == null && name == null) || !bag.Has("Width"))
        {
            return null;
        }

        string? screenName = bag.Text("ScreenName");
        string? userId = bag.Text("UserId");
        string sourceUrl = bag.Text("SourceUrl") ?? url;
        return size != null
            ? MediaRequest.From(new ProfileImageVariant(size, null, null, url, false, sourceUrl, screenName, userId))
            : MediaRequest.From(new ProfileBannerVariant(name!, 0, 0, url, sourceUrl, screenName, userId));
    }
}
