using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Api;

internal sealed partial class XApiClient
{
    /// <summary>
    /// The v2 reads, which every access level has: /2/users/by?usernames= and /2/users?ids= for up to 100 at once,
    /// /2/users/by/username/:u and /2/users/:id for one (missing and suspended users are "errors" items of a 200
    /// answer), and /2/users/me for the connected account.
    /// </summary>
    private sealed class V2Reads(XApiClient client) : IUserReads
    {
        public async Task<ProfileUser> GetUserAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
        {
            UserLookupOutcome outcome = (await client.LookupUsersAsync(new[] { user }, call, cancellationToken).ConfigureAwait(false))[0];
            return outcome.User ?? throw outcome.Error!;
        }

        public async Task<ProfileUser> GetAuthenticatedUserAsync(ApiCallOptions call, CancellationToken cancellationToken)
        {
            const string operation = "Get the connected account";
            Uri uri = client.Endpoint("2/users/me", new List<KeyValuePair<string, string>> { Pair("user.fields", V2ResponseParser.UserFields) });
            ApiAnswer answer = await client._sender.SendAsync(operation, HttpMethod.Get, uri, client.UserContextFor(operation), null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
            V2LookupAnswer me = V2ResponseParser.ParseLookup(operation, answer.Body);
            return me.Users.Count == 1 ? me.Users[0] : throw ResponseParser.Unexpected(operation, "/2/users/me answered without the user.");
        }

        // v2 has no banner endpoint: the user's profile_banner_url gives the sizes by the URL rule.
        public async Task<IReadOnlyList<ProfileBannerVariant>> GetProfileBannerAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
        {
            ProfileUser found = await GetUserAsync(user, call, cancellationToken).ConfigureAwait(false);
            return BannerVariants.Of(found, user);
        }

        public Uri LookupUri(List<UserReference> chunk, bool byName)
        {
            var fields = new List<KeyValuePair<string, string>> { Pair("user.fields", V2ResponseParser.UserFields) };
            if (chunk.Count == 1)
            {
                string one = PercentEncodingOf(chunk[0].ParameterValue);
                return client.Endpoint(byName ? "2/users/by/username/" + one : "2/users/" + one, fields);
            }

            fields.Insert(0, Pair(byName ? "usernames" : "ids", JoinValues(chunk)));
            return client.Endpoint(byName ? "2/users/by" : "2/users", fields);
        }


        // A v2 lookup of one user may answer 404 for a missing user.
        public bool FoundNobody(XApiException notFound) => true;

        public List<UserLookupOutcome> Match(string operation, List<UserReference> chunk, ApiAnswer answer, Uri uri, ApiCallOptions call)
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
    }
}
