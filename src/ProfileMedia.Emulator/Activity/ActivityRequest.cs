using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Activity;

/// <summary>An X Activity API call that passed the gates: the context, the emulator's state and the query.</summary>
internal sealed record ActivityRequest(HttpContext Context, EmulatorState State, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public ActivityHub Hub => State.Activity;

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? Parameter(string name)
    {
        foreach (var pair in Query)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }
}
