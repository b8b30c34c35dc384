using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.State;

namespace ProfileMedia.Emulator.Api;

/// <summary>An authenticated API call: who made it and the parameters it carried, wherever they were sent.</summary>
internal sealed class ApiRequest(
    HttpContext context,
    UserRecord caller,
    MediaUrls urls,
    IReadOnlyList<KeyValuePair<string, string>> query,
    IReadOnlyList<KeyValuePair<string, string>>? form)
{
    private readonly Dictionary<string, string> _multipartFields = new(StringComparer.Ordinal);

    public HttpContext Context { get; } = context;

    public UserRecord Caller { get; } = caller;

    /// <summary>Where the media host hands out pictures; part of every user object.</summary>
    public MediaUrls Urls { get; } = urls;

    /// <summary>The form-encoded body's parameters, or null when the body was not form-encoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; } = form;

    /// <summary>Text fields of a multipart body, filled in while the upload is read.</summary>
    public void AddMultipartField(string name, string value) => _multipartFields.TryAdd(name, value);

    /// <summary>The first value of a parameter from the query, the form body or multipart fields, in that order.</summary>
    public string? Parameter(string name) =>
        First(query, name) ?? (Form is null ? null : First(Form, name)) ?? _multipartFields.GetValueOrDefault(name);

    /// <summary>The service reads "true", "t" and "1" as true and "false", "f" and "0" as false; anything else is the default.</summary>
    public bool Flag(string name, bool defaultValue) => Parameter(name)?.ToUpperInvariant() switch
    {
        "TRUE" or "T" or "1" => true,
        "FALSE" or "F" or "0" => false,
        _ => defaultValue,
    };

    private static string? First(IReadOnlyList<KeyValuePair<string, string>> pairs, string name)
    {
        foreach (var pair in pairs)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
