using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.OAuth;

/// <summary>The worked example of X's developer docs, "Creating a signature" (OAuth 1.0a).</summary>
internal static class XDocsSignatureExample
{
    public const string ConsumerKey = "xvz1evFS4wEEPTGEFPHBog";
    public const string ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    public const string AccessToken = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    public const string AccessTokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
    public const string Nonce = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    public const long Timestamp = 1318622958;
    public const string Url = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true";

    public const string BaseString =
        "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue" +
        "%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg" +
        "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958" +
        "%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0" +
        "%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521";

    public const string SigningKey = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";

    public const string Signature = "hCtSmYh+iHYCEqBWrE7C7hYmtUk=";

    // The docs send the status as a form body; this module signs no form bodies, so the example's status rides in the
    // query instead, which gives the same base string (RFC 5849 section 3.4.1.3.1 merges both and sorts them).
    public const string UrlWithStatus = Url + "&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21";

    public static OAuthCredentials Credentials() => new(
        ConsumerKey, TestSecrets.ToSecureString(ConsumerSecret), AccessToken, TestSecrets.ToSecureString(AccessTokenSecret));
}
