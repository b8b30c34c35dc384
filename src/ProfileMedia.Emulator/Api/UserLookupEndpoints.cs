using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// GET users/show and GET users/profile_banner: read a user by screen_name (any case) or user_id; a suspended user is
/// 403 code 63. GET account/verify_credentials: the caller itself.
/// </summary>
internal static class UserLookupEndpoints
{
    private static readonly ApiError BothUserParameters = new(400, 38, "Give either screen_name or user_id, not both.");

    public static Task ShowAsync(ApiRequest request, EmulatorState state) =>
        TryFindTarget(request, state, out var user, out var error) ? WriteUserAsync(request, state, user) : ApiResponses.WriteErrorAsync(request.Context, error);

    public static Task VerifyCredentialsAsync(ApiRequest request, EmulatorState state) => WriteUserAsync(request, state, request.Caller);

    private static Task WriteUserAsync(ApiRequest request, EmulatorState state, UserRecord user)
    {
        var now = state.Clock.GetUtcNow();
        var image = user.CurrentImage(now);
        var banner = user.Banner;
        return JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json => UserJson.Write(
            json,
            user.Profile,
            image,
            banner,
            request.Urls,
            includeStatus: !request.Flag("skip_status", false),
            includeEntities: request.Flag("include_entities", true)));
    }

    public static Task ProfileBannerAsync(ApiRequest request, EmulatorState state)
    {
        if (!TryFindTarget(request, state, out var user, out var error))
        {
            return ApiResponses.WriteErrorAsync(request.Context, error);
        }

        // The service answers 404 for a user without a banner; the body is the generic "page does not exist".
        return user.Banner is not { } banner
            ? ApiResponses.WriteErrorAsync(request.Context, ApiError.PageDoesNotExist)
            : JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json => BannerSizesJson.Write(json, user.Profile, banner, request.Urls));
    }

    private static bool TryFindTarget(
        ApiRequest request, EmulatorState state, [NotNullWhen(true)] out UserRecord? user, [NotNullWhen(false)] out ApiError? error)
    {
        var screenName = request.Parameter("screen_name");
        var userId = request.Parameter("user_id");
        var byName = !string.IsNullOrEmpty(screenName);
        if (byName == !string.IsNullOrEmpty(userId))
        {
            user = null;
            error = byName ? BothUserParameters : ApiError.UserParameterMissing;
            return false;
        }

        user = byName
            ? state.Accounts.FindByScreenName(screenName!)
            : long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? state.Accounts.FindById(id) : null;
        error = user is null ? ApiError.UserNotFound : user.Profile.Suspended ? ApiError.UserSuspended : null;
        return error is null;
    }
}
