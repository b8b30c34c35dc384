using System;

namespace ProfileMedia.Core.Credentials;

/// <summary>Which kinds of credentials a connection holds; never their values.</summary>
[Flags]
public enum CredentialKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>OAuth 1.0a user context: consumer key and secret with an access token and secret. Needed for writes and /2/users/me.</summary>
    UserContext = 1,

    /// <summary>An app-only OAuth 2.0 Bearer token: enough for user lookups.</summary>
    AppOnlyBearer = 2,
}
