using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace ProfileMedia.Core.OAuth;

/// <summary>The HMAC-SHA1 signature of RFC 5849 section 3.4.2, computed without turning a secret into a string.</summary>
internal static class HmacSha1Signature
{
    private static readonly SecureString EmptySecret = CreateEmptySecret();

    /// <summary>
    /// Signs <paramref name="baseString"/> with the key <c>encode(consumer secret)&amp;encode(token secret)</c> and
    /// returns the Base64 digest. The token secret is null for a request made before there is a token
    /// (oauth/request_token): the key is then <c>encode(consumer secret)&amp;</c>.
    /// </summary>
    /// <remarks>
    /// The secrets are copied out of the <see cref="SecureString"/>s into unmanaged memory, percent-encoded straight into
    /// a pinned key array (pinned so the garbage collector cannot leave a moved copy behind), and every copy is zeroed
    /// before returning, including when hashing throws. <see cref="HMAC"/> keeps its own copy of the key and its padded
    /// forms; disposing it clears them on both .NET Framework and .NET.
    /// </remarks>
    public static unsafe string Compute(SecureString consumerSecret, SecureString? tokenSecret, string baseString)
    {
        tokenSecret ??= EmptySecret;
        IntPtr consumerChars = IntPtr.Zero;
        IntPtr tokenChars = IntPtr.Zero;
        try
        {
            consumerChars = Marshal.SecureStringToGlobalAllocUnicode(consumerSecret);
            tokenChars = Marshal.SecureStringToGlobalAllocUnicode(tokenSecret);
            char* consumer = (char*)consumerChars;
            char* token = (char*)tokenChars;
            int consumerLength = consumerSecret.Length;
            int tokenLength = tokenSecret.Length;

            int consumerEncodedLength = PercentEncoding.GetEncodedLength(consumer, consumerLength);
            int keyLength = consumerEncodedLength + 1 + PercentEncoding.GetEncodedLength(token, tokenLength);
            byte[] key = new byte[keyLength];
            fixed (byte* keyBytes = key)
            {
                try
                {
                    PercentEncoding.EncodeInto(consumer, consumerLength, keyBytes);
                    keyBytes[consumerEncodedLength] = (byte)'&';
                    PercentEncoding.EncodeInto(token, tokenLength, keyBytes + consumerEncodedLength + 1);
                    return Sign(key, baseString);
                }
                finally
                {
                    Array.Clear(key, 0, key.Length);
                }
            }
        }
        finally
        {
            if (consumerChars != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(consumerChars);
            }

            if (tokenChars != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(tokenChars);
            }
        }
    }

    private static SecureString CreateEmptySecret()
    {
        var empty = new SecureString();
        empty.MakeReadOnly();
        return empty;
    }

    /// <summary>Signs with a plain key; for the protocol's published test vectors, whose secrets are public.</summary>
    internal static string Sign(byte[] key, string baseString)
    {
        // The base string is percent-encoded, hence ASCII.
        byte[] data = Encoding.ASCII.GetBytes(baseString);
#pragma warning disable CA5350 // RFC 5849 and the X API mandate HMAC-SHA1; HMAC does not rely on SHA-1's collision resistance.
        using var hmac = new HMACSHA1(key);
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(data));
    }
}
