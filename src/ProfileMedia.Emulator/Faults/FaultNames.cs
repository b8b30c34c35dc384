using System;
using System.Collections.Generic;
using System.Linq;

namespace ProfileMedia.Emulator.Faults;

/// <summary>The names faults have on the control endpoint and in the request log: "status", "drop", "slow", "emptyBody", "notJson", "usageCapped", "trickle".</summary>
internal static class FaultNames
{
    private static readonly Dictionary<FaultKind, string> Names = new()
    {
        [FaultKind.Status] = "status",
        [FaultKind.Drop] = "drop",
        [FaultKind.Slow] = "slow",
        [FaultKind.EmptyBody] = "emptyBody",
        [FaultKind.NotJson] = "notJson",
        [FaultKind.UsageCapped] = "usageCapped",
        [FaultKind.Trickle] = "trickle",
    };

    public static string Of(FaultKind kind) => Names[kind];

    public static bool TryParse(string name, out FaultKind kind)
    {
        var match = Names.FirstOrDefault(pair => string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase));
        kind = match.Key;
        return match.Value is not null;
    }
}
