using System;

namespace ProfileMedia.Emulator;

/// <summary>Account states that make the API refuse a caller, so the module's error messages can be exercised.</summary>
[Flags]
public enum AccountRestrictions
{
    /// <summary>The account works normally.</summary>
    None = 0,

    /// <summary>The access token is no longer valid: 401 code 89.</summary>
    TokenRevoked = 1,

    /// <summary>The account is temporarily locked: 403 code 326.</summary>
    Locked = 2,

    /// <summary>The token only has read permission: POSTs answer 401 code 261.</summary>
    ReadOnly = 4,

    /// <summary>The app's access tier does not include v1.1 endpoints: 403 code 453.</summary>
    OutsideAccessTier = 8,
}
