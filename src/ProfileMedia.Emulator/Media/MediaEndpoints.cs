using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Media;

/// <summary>
/// The media hosts (pbs.twimg.com) on the emulator's own port: picture and banner renditions, no authentication.
/// A picture that has been replaced answers 404, as the real hosts do once a new picture is current.
/// </summary>
internal static class MediaEndpoints
{
    public static bool Handles(PathString path) =>
        path.StartsWithSegments("/" + MediaUrls.ProfileImagesSegment, StringComparison.Ordinal)
        || path.StartsWithSegments("/" + MediaUrls.DefaultImagesSegment, StringComparison.Ordinal)
        || path.StartsWithSegments("/" + MediaUrls.BannersSegment, StringComparison.Ordinal);

    public static Task HandleAsync(HttpContext context, EmulatorState state, MediaCache renditions)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return NotFound(context);
        }

        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var file = segments switch
        {
            [MediaUrls.ProfileImagesSegment, var id, var name] => ProfileImage(state, renditions, id, name),
            [MediaUrls.DefaultImagesSegment, var name] => DefaultImage(renditions, name),
            [MediaUrls.BannersSegment, var userId, var stamp, var size] => BannerImage(state, renditions, userId, stamp, size),
            _ => null,
        };
        return file is null ? NotFound(context) : WriteAsync(context, file.Value.Bytes, file.Value.ContentType);
    }

    private static (byte[] Bytes, string ContentType)? ProfileImage(EmulatorState state, MediaCache renditions, string idText, string fileName)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var imageId)
            || state.Accounts.FindImageOwner(imageId) is not { } owner
            || owner.ServedImage(imageId, state.Clock.GetUtcNow()) is not { } image
            || !TrySplitFileName(fileName, out var stem, out var size, out var extension)
            || stem != image.Name || extension != ImageFormats.Extension(image.Format))
        {
            return null;
        }

        if (size is null)
        {
            return image.UploadedBytes is { } original
                ? (original, ImageFormats.ContentType(image.Format))
                : (renditions.Png(image.Id, ImageSizes.GeneratedOriginalSize, ImageSizes.GeneratedOriginalSize), "image/png");
        }

        return ImageSizes.Find(ImageSizes.ProfileImage, size) is { } variant
            ? (renditions.Png(image.Id, variant.Width, variant.Height), "image/png")
            : null;
    }

    private static (byte[] Bytes, string ContentType)? DefaultImage(MediaCache renditions, string fileName)
    {
        if (!TrySplitFileName(fileName, out var stem, out var size, out var extension)
            || stem != MediaUrls.DefaultImageStem || extension != "png")
        {
            return null;
        }

        var variant = size is null
            ? new SizeVariant("original", ImageSizes.GeneratedOriginalSize, ImageSizes.GeneratedOriginalSize)
            : ImageSizes.Find(ImageSizes.ProfileImage, size);
        return variant is null ? null : (renditions.Png(MediaCache.DefaultImageSeed, variant.Width, variant.Height), "image/png");
    }

    private static (byte[] Bytes, string ContentType)? BannerImage(EmulatorState state, MediaCache renditions, string userIdText, string stampText, string sizeName)
    {
        if (!long.TryParse(userIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            || !long.TryParse(stampText, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp)
            || state.Accounts.FindById(userId) is not { } user
            || user.Banner is not { } banner || banner.Stamp != stamp)
        {
            return null;
        }

        var sizes = user.Profile.LegacyBannerSizes ? ImageSizes.LegacyBanner : ImageSizes.Banner;
        return ImageSizes.Find(sizes, sizeName) is { } variant
            ? (renditions.Png(MediaCache.BannerSeed(userId, stamp), variant.Width, variant.Height), "image/png")
            : null;
    }

    /// <summary>"Ab3dE9xZ_normal.png" gives stem "Ab3dE9xZ", size "normal", extension "png"; "Ab3dE9xZ.png" has no size.</summary>
    private static bool TrySplitFileName(string fileName, out string stem, out string? size, out string extension)
    {
        var dot = fileName.LastIndexOf('.');
        stem = dot < 0 ? fileName : fileName[..dot];
        extension = dot < 0 ? string.Empty : fileName[(dot + 1)..];
        size = null;
        var underscore = stem.LastIndexOf('_');
        if (underscore >= 0 && ImageSizes.Find(ImageSizes.ProfileImage, stem[(underscore + 1)..]) is not null)
        {
            size = stem[(underscore + 1)..];
            stem = stem[..underscore];
        }

        return dot > 0;
    }

    private static async Task WriteAsync(HttpContext context, byte[] bytes, string contentType)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers.CacheControl = "max-age=604800, must-revalidate";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
