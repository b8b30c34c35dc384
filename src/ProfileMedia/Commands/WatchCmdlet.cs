namespace ProfileMedia.Commands;

/// <summary>
/// The subscription cmdlets' base: the X Activity API takes only the app-only Bearer token, so a connection without one
/// stops the cmdlet once, before any request (BearerTokenRequired, the sibling of UserContextRequired). Watch-ProfileMedia
/// needs the same token but derives from <see cref="ConnectedCmdlet"/>: its stream takes no rate-limit choices.
/// </summary>
public abstract class WatchCmdlet : ApiCmdlet
{
    /// <inheritdoc />
    private protected override bool NeedsAppOnlyBearer => true;
}
