using System.Management.Automation;

namespace ProfileMedia.Session;

/// <summary>
/// The session's default connection, kept in the runspace's session state as a global variable. Session state is what
/// PowerShell resets between ForEach-Object -Parallel iterations that reuse a runspace and never shares between
/// runspaces, so a default connection can neither leak into another iteration nor cross to another runspace; those pass
/// one with -Connection. (Private visibility cannot be used: it is checked against the caller's command origin, so the
/// cmdlets themselves could not read it when called from a script block.) The connection holds no readable secret.
/// </summary>
internal static class ConnectionStore
{
    private const string VariableName = "global:ProfileMediaDefaultConnection";

    public static ProfileMediaConnection? Current(PSCmdlet cmdlet) =>
        cmdlet.SessionState.PSVariable.GetValue(VariableName) as ProfileMediaConnection;

    public static void Set(PSCmdlet cmdlet, ProfileMediaConnection? connection)
    {
        PSVariableIntrinsics variables = cmdlet.SessionState.PSVariable;
        if (connection == null)
        {
            variables.Remove(VariableName);
            return;
        }

        variables.Set(VariableName, connection);
    }
}
