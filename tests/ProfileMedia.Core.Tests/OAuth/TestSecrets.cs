using System.Security;

namespace ProfileMedia.Core.Tests.OAuth;

/// <summary>Builds the SecureStrings the credentials take; the secrets in these tests are published test vectors.</summary>
internal static class TestSecrets
{
    public static SecureString ToSecureString(string value)
    {
        var secure = new SecureString();
        foreach (char c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
