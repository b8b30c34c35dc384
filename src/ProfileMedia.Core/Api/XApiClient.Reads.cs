using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

/// <summary>
/// User reads, whichever API answers them: v2 (the default; <see cref="V2Reads"/>) or v1.1 (<see cref="V1Reads"/>).
/// What both share lives here: batched lookups (100 users a request, each user once), a batch refused over one value
/// asked again without it, and the verbose count of users returned per request, since pay-per-use bills each one.
/// </summary>
internal sealed partial class XApiClient
{
    private IUserReads? _v1Reads;
    private IUserReads? _v2Reads;

    /// <summary>The requests and answers of one read API.</summary>
    private interface IUserReads
    {
        Task<ProfileUser> GetUserAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken);

        Task<ProfileUser> GetAuthenticatedUserAsync(ApiCallOptions call, CancellationToken cancellationToken);

        Task<IReadOnlyList<ProfileBannerVariant>> GetProfileBannerAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken);

        /// <summary>The lookup of a batch of names or of ids (at most 100).</summary>
        Uri LookupUri(List<UserReference> chunk, bool byName);

        /// <summary>Whether a 404 to a lookup means it found none of the users, rather than a wrong endpoint.</summary>
        bool FoundNobody(XApiException notFound);

        /// <summary>One outcome per user of the batch, from the answer.</summary>
        List<UserLookupOutcome> Match(string operation, List<UserReference> chunk, ApiAnswer answer, Uri uri, ApiCallOptions call);
    }

    /// <summary>One user: v2 /2/users/by/username/:u or /2/users/:id, or v1.1 users/show. Missing is UserNotFound, suspended UserSuspended.</summary>
    public Task<ProfileUser> GetUserAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken) =>
        ReadsOf(call).GetUserAsync(user, call, cancellationToken);

    /// <summary>The connected account itself: /2/users/me or account/verify_credentials; both need user context.</summary>
    public Task<ProfileUser> GetAuthenticatedUserAsync(ApiCallOptions call, CancellationToken cancellationToken) =>
        ReadsOf(call).GetAuthenticatedUserAsync(call, cancellationToken);

    /// <summary>
    /// Every banner size of a user. v1.1 asks users/profile_banner; v2 has no such endpoint, so the user's
    /// profile_banner_url gives the sizes by the URL rule. A user without a banner is NoProfileBanner.
    /// </summary>
    public Task<IReadOnlyList<ProfileBannerVariant>> GetProfileBannerAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken) =>
        ReadsOf(call).GetProfileBannerAsync(user, call, cancellationToken);

    /// <summary>
    /// Looks users up in as few requests as the API allows, as <see cref="UserBatches"/> splits them: each distinct
    /// user once, names and ids apart, at most 100 per request. One outcome per distinct user, in the order first
    /// given; a request that fails as a whole gives its error to each of its users.
    /// </summary>
    public async Task<IReadOnlyList<UserLookupOutcome>> LookupUsersAsync(IReadOnlyList<UserReference> users, ApiCallOptions call, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, UserLookupOutcome>(StringComparer.Ordinal);
        var requests = UserBatches.Requests(users, out List<UserReference> distinct);
        foreach ((List<UserReference> request, bool byName) in requests)
        {
            foreach (UserLookupOutcome outcome in await LookupChunkAsync(request, byName, call, cancellationToken).ConfigureAwait(false))
            {
                outcomes[outcome.Reference.Key] = outcome;
            }
        }

        return distinct.ConvertAll(user => outcomes[user.Key]);
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

    // The one place the read API is chosen; each API's requests and answers live in its own file.
    private IUserReads ReadsOf(ApiCallOptions call) => ReadApiOf(call) == ReadApi.V1 ? _v1Reads ??= new V1Reads(this) : _v2Reads ??= new V2Reads(this);

    private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);

    private async Task<List<UserLookupOutcome>> LookupChunkAsync(List<UserReference> chunk, bool byName, ApiCallOptions call, CancellationToken cancellationToken)
    {
        IUserReads reads = ReadsOf(call);
        string operation = chunk.Count == 1 ? "Look up " + chunk[0] : string.Format(CultureInfo.InvariantCulture, "Look up {0} users", chunk.Count);
        Uri uri = reads.LookupUri(chunk, byName);
        ApiAnswer answer;
        try
        {
            answer = await _sender.SendAsync(operation, HttpMethod.Get, uri, ReadAuthorization, null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
        }
        catch (XApiException e) when (e.StatusCode == HttpStatusCode.NotFound && reads.FoundNobody(e))
        {
            call.Observer?.Verbose(uri.AbsolutePath + ": 0 of " + chunk.Count.ToString(CultureInfo.InvariantCulture) + " users returned (HTTP 404)");
            return chunk.ConvertAll(u => new UserLookupOutcome(u, null, NotFound(u, e.StatusCode, e.RateLimit, null)));
        }
        catch (XApiException e) when (e.StatusCode == HttpStatusCode.BadRequest && chunk.Count > 1)
        {
            return await LookupWithoutRefusedAsync(chunk, byName, e, call, cancellationToken).ConfigureAwait(false);
        }
        catch (XApiException e)
        {
            return chunk.ConvertAll(u => new UserLookupOutcome(u, null, e));
        }

        return reads.Match(operation, chunk, answer, uri, call);
    }

    /// <summary>
    /// A batch the service refused as a whole (400) over what it names: the users it names get that refusal, each
    /// their own, and the rest are asked again without them. When it names none of them, the batch is halved until the
    /// refused ones stand alone, so one bad value never costs the others their answer. A refused request returns no
    /// user, so no user is ever billed twice.
    /// </summary>
    private async Task<List<UserLookupOutcome>> LookupWithoutRefusedAsync(List<UserReference> chunk, bool byName, XApiException refusal, ApiCallOptions call, CancellationToken cancellationToken)
    {
        List<UserReference> named = chunk.FindAll(u => NamesValue(refusal, u.ParameterValue));
        var outcomes = named.ConvertAll(u => new UserLookupOutcome(u, null, Refused(u, refusal)));
        if (named.Count == chunk.Count)
        {
            return outcomes;
        }

        List<List<UserReference>> parts = named.Count > 0
            ? new List<List<UserReference>> { chunk.FindAll(u => !named.Contains(u)) }
            : new List<List<UserReference>> { chunk.GetRange(0, chunk.Count / 2), chunk.GetRange(chunk.Count / 2, chunk.Count - (chunk.Count / 2)) };
        call.Observer?.Verbose(named.Count > 0
            ? string.Format(CultureInfo.InvariantCulture, "X refused {0} of {1} users by name; asking for the other {2} again", named.Count, chunk.Count, parts[0].Count)
            : string.Format(CultureInfo.InvariantCulture, "X refused a request for {0} users without saying which; asking in two halves", chunk.Count));
        foreach (List<UserReference> part in parts)
        {
            outcomes.AddRange(await LookupChunkAsync(part, byName, call, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    // The service's invalid-request messages put the value they refuse in square brackets: "value [x] does not match".
    private static bool NamesValue(XApiException refusal, string value)
    {
        foreach (XApiErrorDetail error in refusal.Errors)
        {
            if (error.Message.IndexOf("[" + value + "]", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static XApiException Refused(UserReference user, XApiException refusal) =>
        new XApiException("X refused to look up " + user + ": " + refusal.Message, refusal.ErrorId, refusal.StatusCode, refusal.Errors, refusal.RateLimit, null, refusal.Problem, refusal);

    private static string JoinValues(List<UserReference> chunk) => string.Join(",", chunk.ConvertAll(u => u.ParameterValue));

    private static string PercentEncodingOf(string value) => OAuth.PercentEncoding.Encode(value);

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
