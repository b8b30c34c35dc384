using System.Globalization;

namespace ProfileMedia.Core.Credentials;

/// <summary>What any key, secret or token may be, wherever it comes from (a parameter, an environment variable, an answer).</summary>
internal static class CredentialText
{
    /// <summary>
    /// The longest credential taken. X's keys, secrets and tokens are tens to a few hundred characters; 4096 leaves
    /// room for any of them and stays far below what a SecureString holds (65,536), which otherwise fails with a raw
    /// ArgumentOutOfRangeException halfway through the copy.
    /// </summary>
    public const int MaxLength = 4096;

    /// <summary>"is N characters long ..." for a credential over <see cref="MaxLength"/>, to follow the words that say where it came from.</summary>
    public static string TooLong(int length) => string.Format(CultureInfo.InvariantCulture,
        "is {0:N0} characters long, and no X key, secret or token is longer than {1:N0}.", length, MaxLength);
}
