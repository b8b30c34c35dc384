using System;
using System.Collections.Generic;
using System.Linq;

namespace ProfileMedia.Emulator;

/// <summary>
/// The access level of the emulator's one app, as the X developer console assigns them in 2026. It decides which
/// endpoints answer and which give the refusal an app on that level really gets.
/// </summary>
public enum AccessLevel
{
    /// <summary>"pay-per-use", what new apps get: v2 reads, account/verify_credentials and the v1.1 writes; v1.1 user reads answer 403 code 453.</summary>
    PayPerUse,

    /// <summary>"enterprise": every endpoint works.</summary>
    Enterprise,

    /// <summary>"legacy-free": only /2/users/me, account/verify_credentials and the v1.1 writes; other v2 reads answer 403 client-not-enrolled.</summary>
    LegacyFree,
}

/// <summary>The names access levels have on the command line and the control endpoints.</summary>
public static class AccessLevelNames
{
    private static readonly Dictionary<AccessLevel, string> Names = new()
    {
        [AccessLevel.PayPerUse] = "pay-per-use",
        [AccessLevel.Enterprise] = "enterprise",
        [AccessLevel.LegacyFree] = "legacy-free",
    };

    /// <summary>Every name, for usage text and error messages.</summary>
    public static IReadOnlyCollection<string> All => Names.Values;

    /// <summary>The level's name: "pay-per-use", "enterprise" or "legacy-free".</summary>
    public static string Of(AccessLevel level) => Names[level];

    /// <summary>Reads a name in any case; false for anything else.</summary>
    public static bool TryParse(string? name, out AccessLevel level)
    {
        var match = Names.FirstOrDefault(pair => string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase));
        level = match.Key;
        return match.Value is not null;
    }
}
