using System.Management.Automation;
using ProfileMedia.Session;

namespace ProfileMedia.Commands;

/// <summary>Forgets the session's connection (or closes the one given) and releases its credentials.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "ProfileMedia")]
[OutputType(typeof(void))]
public sealed class DisconnectProfileMediaCommand : PSCmdlet
{
    /// <summary>The connection to close; the session's when left out.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ProfileMediaConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        ProfileMediaConnection? current = ConnectionStore.Current(this);
        ProfileMediaConnection? target = Connection ?? current;
        if (target == null)
        {
            WriteVerbose("There is no connection to close.");
            return;
        }

        if (ReferenceEquals(target, current))
        {
            ConnectionStore.Set(this, null);
        }

        target.Dispose();
        WriteVerbose("Closed the connection to " + target.BaseUri + ".");
    }
}
