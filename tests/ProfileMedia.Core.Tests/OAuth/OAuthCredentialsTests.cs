using System;
using System.Security;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Tests.OAuth;

public sealed class OAuthCredentialsTests
{
    [Fact]
    public void ToString_shows_at_most_four_characters_of_key_and_token_and_no_secret()
    {
        using OAuthCredentials credentials = XDocsSignatureExample.Credentials();

        string text = credentials.ToString();

        Assert.Equal("OAuthCredentials(ConsumerKey=xvz1\u2026, AccessToken=3707\u2026)", text);
        Assert.DoesNotContain(XDocsSignatureExample.ConsumerSecret.Substring(0, 4), text, StringComparison.Ordinal);
        Assert.DoesNotContain(XDocsSignatureExample.AccessTokenSecret.Substring(0, 4), text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_of_a_short_key_does_not_show_all_of_it()
    {
        using var credentials = new OAuthCredentials("abcd", TestSecrets.ToSecureString("s"), "1", TestSecrets.ToSecureString("t"));
        Assert.Equal("OAuthCredentials(ConsumerKey=ab\u2026, AccessToken=\u2026)", credentials.ToString());
    }

    [Fact]
    public void Key_and_token_are_exposed_and_the_secrets_are_read_only_copies()
    {
        using SecureString consumerSecret = TestSecrets.ToSecureString("cs");
        using SecureString tokenSecret = TestSecrets.ToSecureString("ts");
        using var credentials = new OAuthCredentials("key", consumerSecret, "token", tokenSecret);

        Assert.Equal("key", credentials.ConsumerKey);
        Assert.Equal("token", credentials.AccessToken);
        Assert.NotSame(consumerSecret, credentials.ConsumerSecret);
        Assert.NotSame(tokenSecret, credentials.AccessTokenSecret);
        Assert.True(credentials.ConsumerSecret.IsReadOnly());
        Assert.True(credentials.AccessTokenSecret.IsReadOnly());

        // The caller's instances stay the caller's: disposing them does not break the credentials.
        consumerSecret.Dispose();
        Assert.Equal(2, credentials.ConsumerSecret.Length);
    }

    [Fact]
    public void Dispose_releases_the_secrets_and_may_be_repeated()
    {
        OAuthCredentials credentials = XDocsSignatureExample.Credentials();
        SecureString copy = credentials.ConsumerSecret;

        credentials.Dispose();
        credentials.Dispose();

        Assert.Throws<ObjectDisposedException>(() => copy.Length);
        Assert.Throws<ObjectDisposedException>(() => credentials.ConsumerSecret);
        Assert.Throws<ObjectDisposedException>(() => credentials.AccessTokenSecret);
        Assert.Equal(XDocsSignatureExample.ConsumerKey, credentials.ConsumerKey);
        Assert.DoesNotContain(XDocsSignatureExample.ConsumerSecret, credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_empty_values_are_refused()
    {
        using SecureString secret = TestSecrets.ToSecureString("s");
        using var empty = new SecureString();

        Assert.Throws<ArgumentNullException>(() => new OAuthCredentials(null!, secret, "t", secret));
        Assert.Throws<ArgumentNullException>(() => new OAuthCredentials("k", null!, "t", secret));
        Assert.Throws<ArgumentNullException>(() => new OAuthCredentials("k", secret, null!, secret));
        Assert.Throws<ArgumentNullException>(() => new OAuthCredentials("k", secret, "t", null!));
        Assert.Throws<ArgumentException>(() => new OAuthCredentials("", secret, "t", secret));
        Assert.Throws<ArgumentException>(() => new OAuthCredentials("k", secret, " ", secret));
        Assert.Throws<ArgumentException>(() => new OAuthCredentials("k", empty, "t", secret));
        Assert.Throws<ArgumentException>(() => new OAuthCredentials("k", secret, "t", empty));
    }
}
