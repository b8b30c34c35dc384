using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.Api;

/// <summary>What a v2 lookup answered: the users found, in the service's order, and one entry per user it could not give.</summary>
internal sealed class V2LookupAnswer
{
    /// <summary>Creates an answer.</summary>
    public V2LookupAnswer(IReadOnlyList<ProfileUser> users, IReadOnlyList<V2LookupError> errors)
    {
        Users = users;
        Errors = errors;
    }

    /// <summary>The users found.</summary>
    public IReadOnlyList<ProfileUser> Users { get; }

    /// <summary>The users that are missing or suspended.</summary>
    public IReadOnlyList<V2LookupError> Errors { get; }
}

/// <summary>
/// One item of a lookup's <c>"errors"</c>: <c>{"value","detail","title","resource_type","parameter","resource_id","type"}</c>.
/// A suspended user has the title "Forbidden" and a detail "User has been suspended: [name]." but is still of type
/// resource-not-found, so the title and detail tell it apart.
/// </summary>
internal sealed class V2LookupError
{
    /// <summary>Creates an item.</summary>
    public V2LookupError(string? value, string? title, string? detail, string? parameter, string? type)
    {
        Value = value;
        Title = title;
        Detail = detail;
        Parameter = parameter;
        Type = type;
    }

    /// <summary>The username or id as asked.</summary>
    public string? Value { get; }

    /// <summary>"Not Found Error" or "Forbidden".</summary>
    public string? Title { get; }

    /// <summary>The service's sentence about it.</summary>
    public string? Detail { get; }

    /// <summary>The parameter it came from: usernames, ids, username, id.</summary>
    public string? Parameter { get; }

    /// <summary>The problem type URI.</summary>
    public string? Type { get; }

    /// <summary>True when the user exists but is suspended.</summary>
    public bool IsSuspended =>
        string.Equals(Title, "Forbidden", StringComparison.OrdinalIgnoreCase)
        || (Detail != null && Detail.IndexOf("suspended", StringComparison.OrdinalIgnoreCase) >= 0);
}
