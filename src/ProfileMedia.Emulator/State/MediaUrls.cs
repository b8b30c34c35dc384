using System;
using System.Globalization;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.State;

/// <summary>
/// Builds the media host URLs the API hands out, in the service's path layout. The host is the emulator itself, over
/// plain http because loopback has no TLS, so profile_image_url and profile_image_url_https are the same URL.
/// </summary>
internal sealed class MediaUrls(Uri mediaBaseUri)
{
    public const string ProfileImagesSegment = "profile_images";
    public const string DefaultImagesSegment = "default_profile_images";
    public const string BannersSegment = "profile_banners";
    public const string DefaultImageStem = "default_profile";

    private readonly string _base = mediaBaseUri.AbsoluteUri;

    /// <summary>A rendition ("normal", "400x400", ...) or, with a null <paramref name="size"/>, the original; a null image means the default picture.</summary>
    public string ProfileImage(ProfileImage? image, string? size)
    {
        var suffix = size is null ? string.Empty : "_" + size;
        return image is null
            ? string.Create(CultureInfo.InvariantCulture, $"{_base}{DefaultImagesSegment}/{DefaultImageStem}{suffix}.png")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{_base}{ProfileImagesSegment}/{image.Id}/{image.Name}{suffix}.{ImageFormats.Extension(image.Format)}");
    }

    /// <summary>The profile_banner_url of users/show: the sizes hang below it.</summary>
    public string BannerBase(long userId, Banner banner) =>
        string.Create(CultureInfo.InvariantCulture, $"{_base}{BannersSegment}/{userId}/{banner.Stamp}");

    public string BannerSize(long userId, Banner banner, string size) => BannerBase(userId, banner) + "/" + size;
}
