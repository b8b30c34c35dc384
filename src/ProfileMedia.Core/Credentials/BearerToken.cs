using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ProfileMedia.Core.Credentials;

/// <summary>
/// An app-only OAuth 2.0 Bearer token, pasted from the developer console or minted through POST /oauth2/token. It is
/// a password-equivalent secret: held as a read-only <see cref="SecureString"/> copy, turned into text only to build
/// one request's Authorization header, and never shown by <see cref="ToString"/>.
/// </summary>
internal sealed class BearerToken : IDisposable
{
    private readonly SecureString _token;
    private bool _disposed;

    /// <summary>Copies <paramref name="token"/>; the caller keeps its own instance.</summary>
    /// <exception cref="ArgumentException">The token is empty, too long, or holds white space or control characters, which no header can carry; see <see cref="ProblemWith(SecureString)"/>.</exception>
    public BearerToken(SecureString token)
    {
        if (token == null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        _token = token.Copy();
        _token.MakeReadOnly();
        string? problem = ProblemWith(Reveal());
        if (problem != null)
        {
            _token.Dispose();
            throw new ArgumentException("The Bearer token " + problem);
        }
    }

    /// <summary>
    /// Why <paramref name="token"/> cannot be a Bearer token ("is empty", "holds a space..."), to follow the words that
    /// say where it came from; null when it can be one.
    /// </summary>
    public static string? ProblemWith(SecureString token)
    {
        if (token.Length > CredentialText.MaxLength)
        {
            return CredentialText.TooLong(token.Length);
        }

        IntPtr chars = IntPtr.Zero;
        try
        {
            chars = Marshal.SecureStringToGlobalAllocUnicode(token);
            return ProblemWith(Marshal.PtrToStringUni(chars, token.Length));
        }
        finally
        {
            if (chars != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(chars);
            }
        }
    }

    /// <summary>
    /// A token from text the service answered with (POST /oauth2/token); the text is copied at once. Null, with the
    /// problem, when the text cannot be a token: the caller says whose answer it was.
    /// </summary>
    internal static BearerToken? FromText(string token, out string? problem)
    {
        problem = ProblemWith(token);
        if (problem != null)
        {
            return null;
        }

        using var secure = new SecureString();
        foreach (char c in token)
        {
            secure.AppendChar(c);
        }

        return new BearerToken(secure);
    }

    /// <summary>The Authorization header value, "Bearer ..."; for one request only.</summary>
    internal string HeaderValue() => "Bearer " + Reveal();

    /// <inheritdoc />
    public override string ToString() => "BearerToken(redacted)";

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _token.Dispose();
        }
    }

    // Header text is visible ASCII: anything else would be refused by HttpClient or split the header.
    private static string? ProblemWith(string text)
    {
        if (text.Length == 0)
        {
            return "is empty.";
        }

        if (text.Length > CredentialText.MaxLength)
        {
            return CredentialText.TooLong(text.Length);
        }

        foreach (char c in text)
        {
            if (c <= ' ' || c >= '\u007f')
            {
                return "holds a space, a control or a non-ASCII character, which no Authorization header can carry.";
            }
        }

        return null;
    }

    private string Reveal()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(BearerToken));
        }

        IntPtr chars = IntPtr.Zero;
        try
        {
            chars = Marshal.SecureStringToGlobalAllocUnicode(_token);
            return Marshal.PtrToStringUni(chars, _token.Length);
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
