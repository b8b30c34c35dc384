using System.Management.Automation;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Errors;

namespace ProfileMedia.Commands;

/// <summary>
/// The watch cmdlets' base: the X Activity API takes only the app-only Bearer token, so a connection without one
/// stops the cmdlet once, before any request (BearerTokenRequired, the sibling of UserContextRequired).
/// </summary>
public abstract class WatchCmdlet : ApiCmdlet
{
    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        ProfileMediaConnection connection = ActiveConnection;
        if (!connection.Credentials.HasFlag(CredentialKinds.AppOnlyBearer))
        {
            ThrowTerminatingError(ErrorRecords.BearerTokenRequired(MyInvocation.MyCommand.Name, connection));
        }
    }
}
