using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.V2;

/// <summary>An authenticated v2 call that passed every gate.</summary>
internal sealed record V2Request(HttpContext Context, V2Caller Caller, V2Route Route, IReadOnlyList<KeyValuePair<string, string>> Query, MediaUrls Urls)
{
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
