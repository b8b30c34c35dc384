using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Credentials;
using ProfileMedia.Errors;
using ProfileMedia.Input;
using ProfileMedia.Session;
using ProfileMedia.Threading;

namespace ProfileMedia.Commands;

/// <summary>
/// What every cmdlet that calls the X API shares: -Connection (else the session's) as its
/// <see cref="ConnectionRequirement"/> asks, the credentials it needs checked once before any request, and one way to
/// run a call so that its verbose lines, progress and errors reach the pipeline thread. Per-call rate-limit choices
/// are <see cref="ApiCmdlet"/>'s: Watch-ProfileMedia's stream backs off on its own and takes none.
/// </summary>
public abstract class ConnectedCmdlet : ProfileMediaCmdlet
{
    private ProfileMediaConnection? _connection;

    /// <summary>The connection to use; the one Connect-ProfileMedia made in this session when left out.</summary>
    [Parameter]
    [ValidateNotNull]
    public ProfileMediaConnection? Connection { get; set; }

    /// <summary>The connection in use, once BeginProcessing has found it; only for a required connection.</summary>
    private protected ProfileMediaConnection ActiveConnection => _connection ?? throw new InvalidOperationException("BeginProcessing found no connection.");

    /// <summary>The connection in use, or null when an optional one was not there.</summary>
    private protected ProfileMediaConnection? OptionalConnection => _connection;

    /// <summary>What this cmdlet, in its current parameter set, needs of a connection.</summary>
    private protected virtual ConnectionRequirement ConnectionRequirement => ConnectionRequirement.Required;

    /// <summary>True for cmdlets that change the account: they need OAuth 1.0a user context, not only a Bearer token.</summary>
    private protected virtual bool NeedsUserContext => false;

    /// <summary>True for the X Activity API cmdlets: it takes only the app-only Bearer token.</summary>
    private protected virtual bool NeedsAppOnlyBearer => false;

    /// <summary>The read API this call asked for with -ReadApiVersion; null for the connection's.</summary>
    private protected ReadApi? ReadApiChoice { get; set; }

    /// <summary>-ReadApiVersion as the cmdlets that have it bind it ("2" or "1.1"): the one place its text becomes a <see cref="ReadApi"/>.</summary>
    private protected string? ReadApiVersionName
    {
        get => ReadApiChoice is ReadApi api ? ReadApiNames.Of(api) : null;
        set => ReadApiChoice = value == null ? null : ReadApiNames.Parse(value);
    }

    /// <summary>The per-call options: this cmdlet as listener and its read API; rate limits as the connection says.</summary>
    private protected virtual ApiCallOptions CallOptions => new ApiCallOptions(Observer, null, null, ReadApiChoice);

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        ConnectionRequirement requirement = ConnectionRequirement;
        if (requirement == ConnectionRequirement.None)
        {
            return;
        }

        // No connection makes every record fail, so it is the one terminating error. An optional connection that is
        // missing, or the session's that was closed, is simply not used; a closed -Connection is a mistake to name.
        ProfileMediaConnection? connection = Connection ?? ConnectionStore.Current(this);
        if (requirement == ConnectionRequirement.Optional && Connection == null && connection?.IsClosed == true)
        {
            connection = null;
        }

        if (connection == null)
        {
            if (requirement == ConnectionRequirement.Required)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected());
            }

            return;
        }

        if (connection.IsClosed)
        {
            ThrowTerminatingError(ErrorRecords.ConnectionClosed(connection, requirement == ConnectionRequirement.Required
                ? "connect again"
                : "connect again, or leave -Connection out to go on without one"));
        }

        // Every record would be refused: say once, before any request, which credentials the cmdlet needs.
        if (NeedsUserContext && !connection.Credentials.HasFlag(CredentialKinds.UserContext))
        {
            ThrowTerminatingError(ErrorRecords.UserContextRequired(MyInvocation.MyCommand.Name, connection));
        }

        if (NeedsAppOnlyBearer && !connection.Credentials.HasFlag(CredentialKinds.AppOnlyBearer))
        {
            ThrowTerminatingError(ErrorRecords.BearerTokenRequired(MyInvocation.MyCommand.Name, connection));
        }

        _connection = connection;
    }

    /// <summary>
    /// Runs one API call. On failure writes a non-terminating error about <paramref name="target"/> and returns false;
    /// Ctrl+C stops it promptly.
    /// </summary>
    private protected bool TryCall<T>(object? target, Func<XApiClient, ApiCallOptions, CancellationToken, Task<T>> call, out T result) =>
        TryRun(target, token => call(ActiveConnection.Client, CallOptions, token), out result);

    /// <summary>Runs one API call that gives no result, as <see cref="TryCall{T}"/> does.</summary>
    private protected bool TryCall(object? target, Func<XApiClient, ApiCallOptions, CancellationToken, Task> call) =>
        TryRun(target, token => call(ActiveConnection.Client, CallOptions, token));

    /// <summary>
    /// Runs a call that follows one that already succeeded (the poll after an upload): its failure cannot undo the
    /// change, so it is a warning that begins with <paramref name="context"/>, not an error, and the caller goes on.
    /// </summary>
    private protected bool TryCallOrWarn<T>(string context, Func<XApiClient, ApiCallOptions, CancellationToken, Task<T>> call, out T result) =>
        TryRun(null, token => call(ActiveConnection.Client, CallOptions, token), out result, record => WriteWarning(context + record.Exception.Message));

    /// <summary>
    /// -PassThru of a writer whose endpoint answers without the user (the banner ones): outputs the connected account as
    /// it is after <paramref name="change"/>, one read of /2/users/me (or account/verify_credentials in v1.1). The change
    /// is made by then, so a failed read is a warning.
    /// </summary>
    private protected void WriteAccountAfter(string change)
    {
        if (TryCallOrWarn("The " + change + " succeeded, but asking for the account afterwards failed, so it is not output. ",
            (client, call, token) => client.GetAuthenticatedUserAsync(call, token), out ProfileUser account))
        {
            WriteObject(account);
        }
    }
}
