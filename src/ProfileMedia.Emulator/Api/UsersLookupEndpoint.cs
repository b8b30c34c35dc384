using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// GET or POST users/lookup: up to 100 comma-separated screen_name or user_id values in one call. The answer is an
/// array of the users found (missing and suspended ones are simply left out); when none is found, 404 code 17.
/// </summary>
internal static class UsersLookupEndpoint
{
    private const int MaxPerCall = 100;

    public static Task LookupAsync(ApiRequest request, EmulatorState state)
    {
        var names = Split(request.Parameter("screen_name"));
        var ids = Split(request.Parameter("user_id"));
        if (names.Length == 0 && ids.Length == 0)
        {
            return ApiResponses.WriteErrorAsync(request.Context, ApiError.UserParameterMissing);
        }

        if (names.Length + ids.Length > MaxPerCall)
        {
            return ApiResponses.WriteErrorAsync(request.Context, ApiError.TooManyTerms);
        }

        var found = new List<UserRecord>();
        foreach (var user in names.Select(state.Accounts.FindByScreenName)
                     .Concat(ids.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? state.Accounts.FindById(value) : null)))
        {
            if (user is not null && !user.Profile.Suspended && !found.Contains(user))
            {
                found.Add(user);
            }
        }

        if (found.Count == 0)
        {
            return ApiResponses.WriteErrorAsync(request.Context, ApiError.NoUserMatches);
        }

        var now = state.Clock.GetUtcNow();
        var includeEntities = request.Flag("include_entities", true);
        return JsonBody.WriteAsync(request.Context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartArray();
            foreach (var user in found)
            {
                UserJson.Write(json, user.Profile, user.CurrentImage(now), user.Banner, request.Urls, includeStatus: true, includeEntities);
            }

            json.WriteEndArray();
        });
    }

    private static string[] Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
