// The baselines' own OAuth 1.0a signer (RFC 5849, HMAC-SHA1), for benchmarks 4 and 6: what a peer writes to call the X
// API with Invoke-RestMethod and no module. Written from the RFC, independent of the module's signer (internal since
// issue 10), so a baseline never runs the module's code. Compiled with Add-Type; the emulator checks every signature.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProfileMediaBench
{
    public sealed class BaselineOAuth1Signer
    {
        private readonly string _consumerKey;
        private readonly string _accessToken;
        private readonly byte[] _key;

        public BaselineOAuth1Signer(string consumerKey, string consumerSecret, string accessToken, string accessTokenSecret)
        {
            _consumerKey = consumerKey;
            _accessToken = accessToken;
            _key = Encoding.ASCII.GetBytes(Encode(consumerSecret) + "&" + Encode(accessTokenSecret));
        }

        // The Authorization header for a request: the query's parameters and, for a form-urlencoded body, the form's
        // parameters (decoded values; null when there is no such body) are signed with the oauth_* ones (section 3.4.1).
        public string Sign(string method, Uri uri, IDictionary<string, string> form)
        {
            var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                { "oauth_consumer_key", _consumerKey },
                { "oauth_nonce", Guid.NewGuid().ToString("N") },
                { "oauth_signature_method", "HMAC-SHA1" },
                { "oauth_timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                { "oauth_token", _accessToken },
                { "oauth_version", "1.0" },
            };

            var pairs = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, string> pair in oauth)
            {
                pairs.Add(new KeyValuePair<string, string>(Encode(pair.Key), Encode(pair.Value)));
            }

            string query = uri.Query.TrimStart('?');
            if (query.Length > 0)
            {
                foreach (string part in query.Split('&'))
                {
                    int equals = part.IndexOf('=');
                    string name = equals < 0 ? part : part.Substring(0, equals);
                    string value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                    pairs.Add(new KeyValuePair<string, string>(Encode(Uri.UnescapeDataString(name)), Encode(Uri.UnescapeDataString(value))));
                }
            }

            if (form != null)
            {
                foreach (KeyValuePair<string, string> pair in form)
                {
                    pairs.Add(new KeyValuePair<string, string>(Encode(pair.Key), Encode(pair.Value)));
                }
            }

            pairs.Sort((a, b) =>
            {
                int byName = string.CompareOrdinal(a.Key, b.Key);
                return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
            });
            var normalized = new StringBuilder();
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                if (normalized.Length > 0)
                {
                    normalized.Append('&');
                }

                normalized.Append(pair.Key).Append('=').Append(pair.Value);
            }

            string baseUri = uri.Scheme.ToLowerInvariant() + "://" + uri.Host.ToLowerInvariant() + (uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture)) + uri.AbsolutePath;
            string baseString = method.ToUpperInvariant() + "&" + Encode(baseUri) + "&" + Encode(normalized.ToString());
            string signature;
            using (var hmac = new HMACSHA1(_key))
            {
                signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(baseString)));
            }

            oauth.Add("oauth_signature", signature);
            var header = new StringBuilder("OAuth ");
            foreach (KeyValuePair<string, string> pair in oauth)
            {
                if (header.Length > 6)
                {
                    header.Append(", ");
                }

                header.Append(Encode(pair.Key)).Append("=\"").Append(Encode(pair.Value)).Append('"');
            }

            return header.ToString();
        }

        // Section 3.6: UTF-8, then every byte outside ALPHA / DIGIT / '-' / '.' / '_' / '~' as %XX, upper case.
        // Uri.EscapeDataString does exactly that on .NET Core (RFC 3986 unreserved characters).
        private static string Encode(string value)
        {
            return Uri.EscapeDataString(value);
        }
    }
}
