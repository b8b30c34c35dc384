using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Api;

internal sealed partial class XApiClient
{
    /// <summary>
    /// The v1.1 reads, for access levels that still have them: users/show, users/lookup (100 at once; missing and
    /// suspended users are simply left out), users/profile_banner and account/verify_credentials.
    /// </summary>
    private sealed class V1Reads(XApiClient client) : IUserReads
    {
        public async Task<ProfileUser> GetUserAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
        {
            string operation = "Look up " + user;
            Uri uri = client.V1("users/show.json", user.ParameterName, user.ParameterValue);
            ApiAnswer answer = await client._sender.SendAsync(operation, HttpMethod.Get, uri, client.ReadAuthorization, null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
            return ResponseParser.ParseUser(operation, answer.Body);
        }

        public async Task<ProfileUser> GetAuthenticatedUserAsync(ApiCallOptions call, CancellationToken cancellationToken)
        {
            const string operation = "Get the connected account";
            Uri uri = client.V1("account/verify_credentials.json", new List<KeyValuePair<string, string>> { Pair("skip_status", "true"), Pair("include_entities", "false") });
            ApiAnswer answer = await client._sender.SendAsync(operation, HttpMethod.Get, uri, client.UserContextFor(operation), null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
            return ResponseParser.ParseUser(operation, answer.Body);
        }

        public async Task<IReadOnlyList<ProfileBannerVariant>> GetProfileBannerAsync(UserReference user, ApiCallOptions call, CancellationToken cancellationToken)
        {
            string operation = "Get the banner of " + user;
            Uri uri = client.V1("users/profile_banner.json", user.ParameterName, user.ParameterValue);
            ApiAnswer answer;
            try
            {
                answer = await client._sender.SendAsync(operation, HttpMethod.Get, uri, client.ReadAuthorization, null, RetryRule.Transient, call, cancellationToken).ConfigureAwait(false);
            }
            catch (XApiException e) when (e.StatusCode == HttpStatusCode.NotFound && !e.HasCode(XErrorCode.UserNotFound))
            {
                throw new XApiException(user + " has no profile banner.", ErrorIds.NoProfileBanner, e.StatusCode, e.Errors, e.RateLimit, null, e);
            }

            return ResponseParser.ParseBannerSizes(operation, answer.Body, uri.AbsoluteUri, user.ScreenName, user.UserId, call.Observer == null ? null : call.Observer.Verbose);
        }

        public Uri LookupUri(List<UserReference> chunk, bool byName) => client.V1("users/lookup.json", new List<KeyValuePair<string, string>>
        {
            Pair(byName ? "screen_name" : "user_id", JoinValues(chunk)),
            Pair("include_entities", "false"),
        });


        // users/lookup answers 404 code 17 when it found none of the users.
        public bool FoundNobody(XApiException notFound) => notFound.HasCode(XErrorCode.NoUserMatches) || notFound.Problem?.IsNotFound == true;

        public List<UserLookupOutcome> Match(string operation, List<UserReference> chunk, ApiAnswer answer, Uri uri, ApiCallOptions call)
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
    }
}
