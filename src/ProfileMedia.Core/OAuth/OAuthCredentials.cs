using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ProfileMedia.Core.OAuth;

/// <summary>
/// The four OAuth 1.0a user-context credentials: consumer key and secret (the app) and access token and secret (the user).
/// </summary>
/// <remarks>
/// The secrets are held as read-only <see cref="SecureString"/> copies and turned into bytes only inside a signing call,
/// so they never sit in a <see cref="string"/> that the garbage collector may keep, and never show in
/// <see cref="ToString"/> or an exception message. The caller keeps ownership of the instances it passed in.
/// </remarks>
internal sealed class OAuthCredentials : IDisposable
{
    private const int VisiblePrefixLength = 4;

    private readonly SecureString consumerSecret;
    private readonly SecureString accessTokenSecret;
    private bool disposed;

    /// <summary>Copies the credentials; the secrets are copied and made read-only.</summary>
    /// <param name="consumerKey">The app's API key (consumer key).</param>
    /// <param name="consumerSecret">The app's API key secret (consumer secret).</param>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="accessTokenSecret">The user's access token secret.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A key or token is empty or white space, or a secret is empty.</exception>
    public OAuthCredentials(string consumerKey, SecureString consumerSecret, string accessToken, SecureString accessTokenSecret)
    {
        ConsumerKey = RequireText(consumerKey, nameof(consumerKey));
        AccessToken = RequireText(accessToken, nameof(accessToken));
        this.consumerSecret = CopySecret(consumerSecret, nameof(consumerSecret));
        try
        {
            this.accessTokenSecret = CopySecret(accessTokenSecret, nameof(accessTokenSecret));
        }
        catch
        {
            this.consumerSecret.Dispose();
            throw;
        }
    }

    /// <summary>The app's API key (consumer key); not a secret, it is sent with every request.</summary>
    public string ConsumerKey { get; }

    /// <summary>The user's access token; not a secret, it is sent with every request.</summary>
    public string AccessToken { get; }

    /// <summary>The consumer secret, for the signer only.</summary>
    /// <exception cref="ObjectDisposedException">The credentials were disposed.</exception>
    internal SecureString ConsumerSecret
    {
        get
        {
            ThrowIfDisposed();
            return consumerSecret;
        }
    }

    /// <summary>The access token secret, for the signer only.</summary>
    /// <exception cref="ObjectDisposedException">The credentials were disposed.</exception>
    internal SecureString AccessTokenSecret
    {
        get
        {
            ThrowIfDisposed();
            return accessTokenSecret;
        }
    }

    /// <summary>
    /// Describes the credentials without their secrets, and with no more than the first four characters of the key and
    /// token, enough to tell two sets apart in a log. A key or token of four characters or fewer shows only its first
    /// half, so that it is never shown whole.
    /// </summary>
    public override string ToString() =>
        $"OAuthCredentials(ConsumerKey={Abbreviate(ConsumerKey)}, AccessToken={Abbreviate(AccessToken)})";

    /// <summary>Disposes the copies of the secrets; signing with these credentials afterwards throws.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        consumerSecret.Dispose();
        accessTokenSecret.Dispose();
    }

    private void ThrowIfDisposed()
    {
        if (disposed)
        {
            throw new ObjectDisposedException(nameof(OAuthCredentials));
        }
    }

    private static string RequireText(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException("The value must not be empty.", parameterName);
        }

        return value;
    }

    private static SecureString CopySecret(SecureString secret, string parameterName)
    {
        if (secret is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (IsBlank(secret))
        {
            throw new ArgumentException("The secret must not be empty or white space.", parameterName);
        }

        SecureString copy = secret.Copy();
        copy.MakeReadOnly();
        return copy;
    }

    /// <summary>
    /// True when the secret is empty or only white space: no app or token secret is. The characters are read in
    /// unmanaged memory that is zeroed after, never copied into a string.
    /// </summary>
    public static bool IsBlank(SecureString secret)
    {
        if (secret == null)
        {
            throw new ArgumentNullException(nameof(secret));
        }

        IntPtr chars = IntPtr.Zero;
        try
        {
            chars = Marshal.SecureStringToGlobalAllocUnicode(secret);
            for (int i = 0; i < secret.Length; i++)
            {
                if (!char.IsWhiteSpace((char)Marshal.ReadInt16(chars, i * 2)))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            if (chars != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(chars);
            }
        }
    }

    private static string Abbreviate(string value) =>
        value.Substring(0, value.Length <= VisiblePrefixLength ? value.Length / 2 : VisiblePrefixLength) + "\u2026";
}
