using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Activity;
using ProfileMedia.Emulator.Media;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// POST account/update_profile_banner and account/remove_profile_banner. Both answer with an empty body, as recorded.
/// A banner takes effect at once: its old URLs answer 404 from then on.
/// </summary>
internal static class BannerEndpoints
{
    /// <summary>5 MB, the documented limit.</summary>
    public const int MaxBytes = 5_242_880;

    private static readonly string[] CropParameters = ["width", "height", "offset_left", "offset_top"];

    public static async Task UpdateAsync(ApiRequest request, EmulatorState state)
    {
        var upload = await UploadReader.ReadAsync(request, "banner", MaxBytes).ConfigureAwait(false);
        var error = upload.Outcome switch
        {
            UploadOutcome.Missing => ApiError.BannerParameterMissing,
            UploadOutcome.TooLarge => ApiError.BannerTooLarge,
            UploadOutcome.NotBase64 => ApiError.UnrecognizedImage,
            _ when !CropIsAllOrNothing(request) => ApiError.CropParametersIncomplete,
            _ when ImageInspector.Inspect(upload.Bytes) is null => ApiError.UnrecognizedImage,
            _ => null,
        };
        if (error is not null)
        {
            await ApiResponses.WriteErrorAsync(request.Context, error).ConfigureAwait(false);
            return;
        }

        var info = ImageInspector.Inspect(upload.Bytes)!.Value;
        state.ReceivedImages.Add(new ReceivedImage("update_profile_banner", info.Format, info.Width, info.Height, upload.Bytes!.Length));
        var before = request.Caller.Banner;
        request.Caller.Banner = new Banner(state.Accounts.Identifiers.NextBannerStamp());
        ActivityFeed.BannerChanged(state, request.Caller, before, request.Caller.Banner, request.Urls);
        await ApiResponses.WriteEmptyAsync(request.Context, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    public static Task RemoveAsync(ApiRequest request, EmulatorState state)
    {
        var before = request.Caller.Banner;
        request.Caller.Banner = null;
        ActivityFeed.BannerChanged(state, request.Caller, before, null, request.Urls);
        return ApiResponses.WriteEmptyAsync(request.Context, StatusCodes.Status200OK);
    }

    /// <summary>The crop rectangle is all four whole numbers or absent altogether.</summary>
    private static bool CropIsAllOrNothing(ApiRequest request)
    {
        var values = CropParameters.Select(request.Parameter).ToArray();
        return values.All(v => v is null)
            || values.All(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }
}
