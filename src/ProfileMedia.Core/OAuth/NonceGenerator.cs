using System;
using System.Security.Cryptography;

namespace ProfileMedia.Core.OAuth;

/// <summary>Makes the <c>oauth_nonce</c> values: 32 random ASCII letters and digits.</summary>
internal static class NonceGenerator
{
    /// <summary>The length of every nonce.</summary>
    public const int Length = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // The largest multiple of the alphabet's size that fits in a byte: bytes at or above it are discarded, so that
    // every character is equally likely (plain modulo would favour the first eight).
    private const int AcceptedByteLimit = 256 / 62 * 62;

    // RandomNumberGenerator instances are thread-safe; netstandard2.0 has no static Fill.
    private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();

    /// <summary>Returns a new nonce from the cryptographic random number generator.</summary>
    public static string Create()
    {
        char[] nonce = new char[Length];
        byte[] randomBytes = new byte[Length * 2];
        int filled = 0;
        while (filled < Length)
        {
            Random.GetBytes(randomBytes);
            for (int i = 0; i < randomBytes.Length && filled < Length; i++)
            {
                if (randomBytes[i] < AcceptedByteLimit)
                {
                    nonce[filled++] = Alphabet[randomBytes[i] % Alphabet.Length];
                }
            }
        }

        return new string(nonce);
    }
}
