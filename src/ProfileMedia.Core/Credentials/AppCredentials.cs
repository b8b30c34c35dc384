using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using ProfileMedia.Core.OAuth;

namespace ProfileMedia.Core.Credentials;

/// <summary>
/// The app's consumer key and secret alone, for minting an app-only Bearer token (POST /oauth2/token). The secret is a
/// read-only <see cref="SecureString"/> copy, made into text only inside <see cref="BasicCredentials"/>.
/// </summary>
internal sealed class AppCredentials : IDisposable
{
    private readonly SecureString _secret;

    /// <summary>Copies the key and the secret.</summary>
    public AppCredentials(string consumerKey, SecureString consumerSecret)
    {
        if (string.IsNullOrWhiteSpace(consumerKey))
        {
            throw new ArgumentException("The consumer key must not be empty.", nameof(consumerKey));
        }

        if (consumerSecret == null || consumerSecret.Length == 0)
        {
            throw new ArgumentException("The consumer secret must not be empty.", nameof(consumerSecret));
        }

        ConsumerKey = consumerKey;
        _secret = consumerSecret.Copy();
        _secret.MakeReadOnly();
    }

    /// <summary>The app's API key; an identifier, not a secret.</summary>
    public string ConsumerKey { get; }

    /// <inheritdoc />
    public override string ToString() => "AppCredentials(secret redacted)";

    /// <inheritdoc />
    public void Dispose() => _secret.Dispose();

    /// <summary>base64(urlencode(key) ":" urlencode(secret)), the value of the Basic Authorization header.</summary>
    internal string BasicCredentials()
    {
        IntPtr chars = IntPtr.Zero;
        try
        {
            chars = Marshal.SecureStringToGlobalAllocUnicode(_secret);
            string pair = PercentEncoding.Encode(ConsumerKey) + ":" + PercentEncoding.Encode(Marshal.PtrToStringUni(chars, _secret.Length));
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }
        finally
        {
            if (chars != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(chars);
            }
        }
    }
}
