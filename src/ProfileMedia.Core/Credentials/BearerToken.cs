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
    /// <exception cref="ArgumentException">The token is empty or holds white space or control characters, which no header can carry.</exception>
    public BearerToken(SecureString token)
    {
        if (token == null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        _token = token.Copy();
        _token.MakeReadOnly();
        string? problem = Check(this);
        if (problem != null)
        {
            _token.Dispose();
            throw new ArgumentException(problem, nameof(token));
        }
    }

    /// <summary>A token from text the service answered with (POST /oauth2/token); the text is copied at once.</summary>
    internal static BearerToken FromText(string token)
    {
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

    private static string? Check(BearerToken token)
    {
        string text = token.Reveal();
        if (text.Length == 0)
        {
            return "The Bearer token is empty.";
        }

        foreach (char c in text)
        {
            if (c <= ' ' || c >= '\u007f')
            {
                return "The Bearer token holds a space, a control or a non-ASCII character: paste it again without quotes or line breaks.";
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
