namespace ProfileMedia.Watching;

/// <summary>A user to watch or stop watching: the id, the @name when known, and what the user gave (the error target).</summary>
internal sealed class WatchUser
{
    public WatchUser(string userId, string? screenName, object? given)
    {
        UserId = userId;
        ScreenName = screenName;
        Given = given;
    }

    public string UserId { get; }

    public string? ScreenName { get; }

    public object? Given { get; }

    public override string ToString() => Errors.ErrorRecords.DescribeUser(UserId, ScreenName);
}
