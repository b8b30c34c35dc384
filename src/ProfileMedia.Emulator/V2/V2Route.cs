namespace ProfileMedia.Emulator.V2;

/// <summary>The five v2 user lookups.</summary>
internal enum V2RouteKind
{
    ByUsernames,
    ByIds,
    ByUsername,
    ById,
    Me,
}

/// <summary>Which lookup a path names, with its path argument (a username or an id) when it has one.</summary>
/// <param name="Kind">Which of the five lookups.</param>
/// <param name="Family">The rate-limit family, as the service's docs group them.</param>
/// <param name="Argument">The username or id in the path, for the single lookups.</param>
internal sealed record V2Route(V2RouteKind Kind, string Family, string? Argument)
{
    public static V2Route? Match(string path) => path switch
    {
        "/2/users/by" => new(V2RouteKind.ByUsernames, "users/by", null),
        "/2/users" => new(V2RouteKind.ByIds, "users", null),
        "/2/users/me" => new(V2RouteKind.Me, "users/me", null),
        _ when path.StartsWith("/2/users/by/username/", System.StringComparison.Ordinal) && path.Length > "/2/users/by/username/".Length
            && path.IndexOf('/', "/2/users/by/username/".Length) < 0 =>
            new(V2RouteKind.ByUsername, "users/by/username", path["/2/users/by/username/".Length..]),
        _ when path.StartsWith("/2/users/", System.StringComparison.Ordinal) && path.Length > "/2/users/".Length
            && path.IndexOf('/', "/2/users/".Length) < 0 =>
            new(V2RouteKind.ById, "users/:id", path["/2/users/".Length..]),
        _ => null,
    };
}
