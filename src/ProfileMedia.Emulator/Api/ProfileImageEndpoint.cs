using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Activity;
using ProfileMedia.Emulator.Media;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// POST account/update_profile_image. The answer already shows the new picture, but the service processes it
/// asynchronously: users/show keeps reporting the old one until <see cref="EmulatorOptions.ProcessingDelay"/> has
/// passed, and only then do the old picture's URLs stop working.
/// </summary>
internal static class ProfileImageEndpoint
{
    /// <summary>700 KB, the documented limit.</summary>
    public const int MaxBytes = 716_800;

    public static async Task UpdateAsync(ApiRequest request, EmulatorState state)
    {
        var upload = await UploadReader.ReadAsync(request, "image", MaxBytes).ConfigureAwait(false);
        switch (upload.Outcome)
        {
            case UploadOutcome.Missing:
                await ApiResponses.WriteErrorAsync(request.Context, ApiError.ImageParameterMissing).ConfigureAwait(false);
                return;
            case UploadOutcome.TooLarge:
                // Seen from the service: 413 with no body at all.
                await ApiResponses.WriteBareStatusAsync(request.Context, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
                return;
            case UploadOutcome.NotBase64:
                await ApiResponses.WriteErrorAsync(request.Context, ApiError.UnrecognizedImage).ConfigureAwait(false);
                return;
        }

        if (ImageInspector.Inspect(upload.Bytes) is not { } info)
        {
            await ApiResponses.WriteErrorAsync(request.Context, ApiError.UnrecognizedImage).ConfigureAwait(false);
            return;
        }

        state.ReceivedImages.Add(new ReceivedImage("update_profile_image", info.Format, info.Width, info.Height, upload.Bytes!.Length));
        var now = state.Clock.GetUtcNow();
        var imageId = state.Accounts.Identifiers.NextImageId();
        var image = new ProfileImage(imageId, MediaIdentifiers.ImageName(imageId), info.Format, upload.Bytes);
        state.Accounts.RegisterImage(imageId, request.Caller);
        var before = request.Caller.PendingImage(now) ?? request.Caller.CurrentImage(now);
        request.Caller.QueueImage(image, now + state.Options.ProcessingDelay, now);
        ActivityFeed.ProfileImageChanged(state, request.Caller, before, image, request.Urls);

        var banner = request.Caller.Banner;
        await JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json => UserJson.Write(
            json,
            request.Caller.Profile,
            image,
            banner,
            request.Urls,
            includeStatus: !request.Flag("skip_status", false),
            includeEntities: request.Flag("include_entities", true))).ConfigureAwait(false);
    }
}
