using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.Api;

/// <summary>Which X API answers user reads. Writes always use v1.1: there is no v2 endpoint for profile images and banners.</summary>
internal enum ReadApi
{
    /// <summary>The X API v2 (/2/users...): every access level has it; the default.</summary>
    V2 = 0,

    /// <summary>The v1.1 endpoints (users/lookup, users/profile_banner, account/verify_credentials): only Enterprise and some legacy subscriptions still include them.</summary>
    V1 = 1,
}

/// <summary>The names a read API has in parameters and messages: "2" and "1.1".</summary>
internal static class ReadApiNames
{
    /// <summary>The name of <see cref="ReadApi.V2"/>.</summary>
    public const string V2 = "2";

    /// <summary>The name of <see cref="ReadApi.V1"/>.</summary>
    public const string V1 = "1.1";

    /// <summary>Every name, as -ReadApiVersion's ValidateSet lists them (a test holds the two lists together).</summary>
    public static readonly IReadOnlyList<string> All = new[] { V2, V1 };

    /// <summary>"2" or "1.1".</summary>
    public static string Of(ReadApi api) => api == ReadApi.V1 ? V1 : V2;

    /// <summary>Reads "2" or "1.1" (a leading "v" is allowed); throws ArgumentException naming the value otherwise.</summary>
    public static ReadApi Parse(string value)
    {
        string text = value.Trim().TrimStart('v', 'V');
        return text switch
        {
            V2 => ReadApi.V2,
            V1 => ReadApi.V1,
            _ => throw new ArgumentException("The read API version '" + value + "' is not one of 2 or 1.1.", nameof(value)),
        };
    }
}
