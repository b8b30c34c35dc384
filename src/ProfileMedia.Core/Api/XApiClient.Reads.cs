using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Json;
using ProfileMedia.Core.Urls;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// User reads. v2 (the default): /2/users/by?usernames= and /2/users?ids= for up to 100 at once, /2/users/by/username/:u
/// and /2/users/:id for one, /2/users/me for the connected account. v1.1: users/lookup (100 at once), users/show,
/// users/profile_banner and account/verify_credentials. Every user a lookup returns is billed on pay-per-use, so a
/// user is never asked for twice in one call, and -Verbose says how many came back per request.
/// </summary>
internal sealed partial class XApiClient
{
    /// <summary>The most users one lookup request may name, in v2 and v1.1 alike.</summary>
    public const int MaxUsersPerLookup = 100;

    /// <summary>One user: v2 /2/users/by/username/:u or /2/users/:id, or v1.1 users/show. Missing is UserNotFound, suspended UserSuspended.</summary>
    public async Task<ProfileUser> GetUserAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
    {
        if (ReadApiOf(call) == ReadApi.V1)
        {
            string operation = "Look up " + user;
            Uri uri = V1("users/show.json", user.ParameterName, user.ParameterValue);
            ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, ReadAuthorization, null, true, call, cancellationToken).ConfigureAwait(false);
            return ResponseParser.ParseUser(operation, answer.Body);
        }

        UserLookupOutcome outcome = (await LookupUsersAsync(new[] { user }, call, cancellationToken).ConfigureAwait(false))[0];
        return outcome.User ?? throw outcome.Error!;
    }

    /// <summary>
    /// Looks users up in as few requests as the API allows: each distinct user once (names in any case count as one),
    /// names and ids apart, at most <see cref="MaxUsersPerLookup"/> per request. One outcome per distinct user, in the
    /// order first given; a request that fails as a whole gives its error to each of its users.
    /// </summary>
    public async Task<IReadOnlyList<UserLookupOutcome>> LookupUsersAsync(IReadOnlyList<UserReference> users, ApiCallOptions call, CancellationToken cancellationToken)
    {
        var distinct = new List<UserReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (UserReference user in users)
        {
            if (seen.Add(user.Key))
            {
                distinct.Add(user);
            }
        }

        var outcomes = new Dictionary<string, UserLookupOutcome>(StringComparer.Ordinal);
        foreach (bool byName in new[] { true, false })
        {
            List<UserReference> kind = distinct.FindAll(u => (u.ScreenName != null) == byName);
            for (int start = 0; start < kind.Count; start += MaxUsersPerLookup)
            {
                List<UserReference> chunk = kind.GetRange(start, Math.Min(MaxUsersPerLookup, kind.Count - start));
                foreach (UserLookupOutcome outcome in await LookupChunkAsync(chunk, byName, call, cancellationToken).ConfigureAwait(false))
                {
                    outcomes[outcome.Reference.Key] = outcome;
                }
            }
        }

        var result = new List<UserLookupOutcome>(distinct.Count);
        foreach (UserReference user in distinct)
        {
            result.Add(outcomes[user.Key]);
        }

        return result;
    }

    /// <summary>The connected account itself: /2/users/me or account/verify_credentials; both need user context.</summary>
    public async Task<ProfileUser> GetAuthenticatedUserAsync(ApiCallOptions call, CancellationToken cancellationToken)
    {
        const string operation = "Get the connected account";
        bool v1 = ReadApiOf(call) == ReadApi.V1;
        Uri uri = v1
            ? V1("account/verify_credentials.json", new List<KeyValuePair<string, string>> { Pair("skip_status", "true"), Pair("include_entities", "false") })
            : Endpoint("2/users/me", new List<KeyValuePair<string, string>> { Pair("user.fields", V2ResponseParser.UserFields) });
        ApiAnswer answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, UserContextFor(operation), null, true, call, cancellationToken).ConfigureAwait(false);
        if (v1)
        {
            return ResponseParser.ParseUser(operation, answer.Body);
        }

        V2LookupAnswer me = V2ResponseParser.ParseLookup(operation, answer.Body);
        return me.Users.Count == 1 ? me.Users[0] : throw ResponseParser.Unexpected(operation, "/2/users/me answered without the user.");
    }

    /// <summary>
    /// Every banner size of a user. v1.1 asks users/profile_banner; v2 has no such endpoint, so the user's
    /// profile_banner_url gives the sizes by the URL rule. A user without a banner is NoProfileBanner.
    /// </summary>
    public async Task<IReadOnlyList<ProfileBannerVariant>> GetProfileBannerAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
    {
        string operation = "Get the banner of " + user;
        if (ReadApiOf(call) == ReadApi.V2)
        {
            ProfileUser found = await GetUserAsync(user, call, cancellationToken).ConfigureAwait(false);
            return BannerVariants.Of(found, user);
        }

        Uri uri = V1("users/profile_banner.json", user.ParameterName, user.ParameterValue);
        ApiAnswer answer;
        try
        {
            answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, ReadAuthorization, null, true, call, cancellationToken).ConfigureAwait(false);
        }
        catch (XApiException e) when (e.StatusCode == HttpStatusCode.NotFound && !e.HasCode(XErrorCode.UserNotFound))
        {
            throw new XApiException(user + " has no profile banner.", ErrorIds.NoProfileBanner, e.StatusCode, e.Errors, e.RateLimit, null, e);
        }

        return ResponseParser.ParseBannerSizes(operation, answer.Body, uri.AbsoluteUri, user.ScreenName, user.UserId, call.Observer == null ? null : call.Observer.Verbose);
    }

    /// <summary>
    /// Polls the connected account itself (/2/users/me or account/verify_credentials) until its image URL is
    /// <paramref name="expectedImageUrl"/> (the service processes an upload asynchronously) or <paramref name="timeout"/>
    /// passes; returns the last user seen and whether it had the new URL. The waits double from
    /// <paramref name="firstWait"/> (1, 2, 4, 8 s...) and the last check is at the deadline: /2/users/me allows 75 calls
    /// per 15 minutes per user, so one upload spends a handful of them (7 in a minute), not one a second.
    /// </summary>
    public async Task<(ProfileUser User, bool Changed)> WaitForProfileImageAsync(string expectedImageUrl, TimeSpan timeout, TimeSpan firstWait, ApiCallOptions call, CancellationToken cancellationToken)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        TimeSpan wait = firstWait;
        while (true)
        {
            ProfileUser current = await GetAuthenticatedUserAsync(call, cancellationToken).ConfigureAwait(false);
            bool changed = string.Equals(current.ProfileImageUrlHttps, expectedImageUrl, StringComparison.Ordinal)
                || string.Equals(current.ProfileImageUrl, expectedImageUrl, StringComparison.Ordinal);
            TimeSpan left = deadline - DateTimeOffset.UtcNow;
            if (changed || left <= TimeSpan.Zero)
            {
                return (current, changed);
            }

            TimeSpan next = wait < left ? wait : left;
            call.Observer?.Verbose("The connected account does not show the new image yet; asking again in " + next.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s");
            await Task.Delay(next, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(wait.Ticks * 2);
        }
    }

    /// <summary>The NoProfileBanner error for a user whose lookup has no profile_banner_url.</summary>
    public static XApiException NoBanner(UserReference user) =>
        new XApiException(user + " has no profile banner.", ErrorIds.NoProfileBanner, null, Array.Empty<XApiErrorDetail>(), null, null);

    private ReadApi ReadApiOf(ApiCallOptions call) => call.ReadApi ?? Options.ReadApi;

    private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);

    private async Task<List<UserLookupOutcome>> LookupChunkAsync(List<UserReference> chunk, bool byName, ApiCallOptions call, CancellationToken cancellationToken)
    {
        bool v1 = ReadApiOf(call) == ReadApi.V1;
        string operation = chunk.Count == 1 ? "Look up " + chunk[0] : string.Format(CultureInfo.InvariantCulture, "Look up {0} users", chunk.Count);
        Uri uri = v1 ? V1LookupUri(chunk, byName) : V2LookupUri(chunk, byName);
        ApiAnswer answer;
        try
        {
            answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, ReadAuthorization, null, true, call, cancellationToken).ConfigureAwait(false);
        }
        catch (XApiException e) when (e.StatusCode == HttpStatusCode.NotFound && (e.HasCode(XErrorCode.NoUserMatches) || e.Problem?.IsNotFound == true || !v1))
        {
            // users/lookup answers 404 code 17 when it found nobody; a v2 single lookup may answer 404 for a missing user.
            call.Observer?.Verbose(uri.AbsolutePath + ": 0 of " + chunk.Count.ToString(CultureInfo.InvariantCulture) + " users returned (HTTP 404)");
            return chunk.ConvertAll(u => new UserLookupOutcome(u, null, NotFound(u, e.StatusCode, e.RateLimit, null)));
        }
        catch (XApiException e)
        {
            return chunk.ConvertAll(u => new UserLookupOutcome(u, null, e));
        }

        return v1 ? MatchV1(operation, chunk, answer, uri, call) : MatchV2(operation, chunk, answer, uri, call);
    }

    private Uri V2LookupUri(List<UserReference> chunk, bool byName)
    {
        var fields = new List<KeyValuePair<string, string>> { Pair("user.fields", V2ResponseParser.UserFields) };
        if (chunk.Count == 1)
        {
            string one = PercentEncodingOf(chunk[0].ParameterValue);
            return Endpoint(byName ? "2/users/by/username/" + one : "2/users/" + one, fields);
        }

        fields.Insert(0, Pair(byName ? "usernames" : "ids", JoinValues(chunk)));
        return Endpoint(byName ? "2/users/by" : "2/users", fields);
    }

    private Uri V1LookupUri(List<UserReference> chunk, bool byName) => V1("users/lookup.json", new List<KeyValuePair<string, string>>
    {
        Pair(byName ? "screen_name" : "user_id", JoinValues(chunk)),
        Pair("include_entities", "false"),
    });

    private static string JoinValues(List<UserReference> chunk) => string.Join(",", chunk.ConvertAll(u => u.ParameterValue));

    private static string PercentEncodingOf(string value) => OAuth.PercentEncoding.Encode(value);

    private static List<UserLookupOutcome> MatchV2(string operation, List<UserReference> chunk, ApiAnswer answer, Uri uri, ApiCallOptions call)
    {
        V2LookupAnswer parsed = V2ResponseParser.ParseLookup(operation, answer.Body);
        var found = new Dictionary<string, ProfileUser>(StringComparer.Ordinal);
        foreach (ProfileUser user in parsed.Users)
        {
            // Matched by id or lower-cased username: the service may answer in another case than asked.
            found[user.UserId] = user;
            found["@" + user.ScreenName.ToLowerInvariant()] = user;
        }

        var refused = new Dictionary<string, V2LookupError>(StringComparer.OrdinalIgnoreCase);
        foreach (V2LookupError error in parsed.Errors)
        {
            if (error.Value != null)
            {
                refused[error.Value] = error;
            }
        }

        int suspended = 0;
        var outcomes = chunk.ConvertAll(user =>
        {
            if (found.TryGetValue(user.Key, out ProfileUser? match))
            {
                return new UserLookupOutcome(user, match, null);
            }

            refused.TryGetValue(user.ParameterValue, out V2LookupError? why);
            if (why?.IsSuspended == true)
            {
                suspended++;
                return new UserLookupOutcome(user, null, new XApiException(user + " is suspended (X: " + MessageText.Escape(why.Detail) + ").", ErrorIds.UserSuspended, answer.Status,
                    new[] { new XApiErrorDetail(0, why.Detail ?? "suspended") }, answer.RateLimit, null));
            }

            return new UserLookupOutcome(user, null, NotFound(user, answer.Status, answer.RateLimit, why?.Detail));
        });
        ReportCost(call, uri, chunk.Count, outcomes, suspended, answer.RateLimit);
        return outcomes;
    }

    private static List<UserLookupOutcome> MatchV1(string operation, List<UserReference> chunk, ApiAnswer answer, Uri uri, ApiCallOptions call)
    {
        JsonValue root;
        try
        {
            root = JsonReader.Parse(answer.Body, 0, answer.Body.Length);
        }
        catch (JsonFormatException e)
        {
            throw ResponseParser.Unexpected(operation, "the answer is not JSON (" + e.Message + ").");
        }

        if (root.Kind != JsonKind.Array)
        {
            throw ResponseParser.Unexpected(operation, "users/lookup answered something other than an array of users.");
        }

        var found = new Dictionary<string, ProfileUser>(StringComparer.Ordinal);
        foreach (JsonValue item in root.Items)
        {
            ProfileUser user = ResponseParser.ParseUser(operation, item);
            found[user.UserId] = user;
            found["@" + user.ScreenName.ToLowerInvariant()] = user;
        }

        // users/lookup leaves out missing and suspended users alike.
        var outcomes = chunk.ConvertAll(user => found.TryGetValue(user.Key, out ProfileUser? match)
            ? new UserLookupOutcome(user, match, null)
            : new UserLookupOutcome(user, null, NotFound(user, answer.Status, answer.RateLimit, null)));
        ReportCost(call, uri, chunk.Count, outcomes, 0, answer.RateLimit);
        return outcomes;
    }

    // "No user with id 42", not "No user user id 42"; the service's detail with its control characters made visible.
    private static XApiException NotFound(UserReference user, HttpStatusCode? status, RateLimitStatus? rateLimit, string? detail) =>
        new XApiException("No user " + (user.ScreenName != null ? "@" + user.ScreenName : "with id " + user.UserId)
            + (detail == null ? " was found" : " (X: " + MessageText.Escape(detail) + ")") + ": check the screen name or id.", ErrorIds.UserNotFound, status,
            new[] { new XApiErrorDetail(0, detail ?? "not found") }, rateLimit, null);

    // Pay-per-use bills every user a lookup returns: -Verbose shows the count per request.
    private static void ReportCost(ApiCallOptions call, Uri uri, int asked, List<UserLookupOutcome> outcomes, int suspended, RateLimitStatus? rateLimit)
    {
        int returned = outcomes.FindAll(o => o.User != null).Count;
        int missing = asked - returned - suspended;
        call.Observer?.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} users returned{3}{4} (pay-per-use bills each returned user){5}",
            uri.AbsolutePath, returned, asked,
            missing > 0 ? ", " + missing.ToString(CultureInfo.InvariantCulture) + " not found" : string.Empty,
            suspended > 0 ? ", " + suspended.ToString(CultureInfo.InvariantCulture) + " suspended" : string.Empty,
            rateLimit == null ? string.Empty : "; rate limit " + rateLimit));
    }
}
