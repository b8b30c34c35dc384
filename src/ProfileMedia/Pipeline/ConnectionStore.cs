using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ProfileMedia.Pipeline;

/// <summary>
/// The default connection of each runspace. Keyed by runspace so that ForEach-Object -Parallel and other runspaces
/// never see (or replace) each other's connection; they pass one with -Connection instead.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new ConditionalWeakTable<Runspace, Holder>();

    public static ProfileMediaConnection? Current => Runspace.DefaultRunspace is Runspace runspace && Connections.TryGetValue(runspace, out Holder holder) ? holder.Connection : null;

    public static void Set(ProfileMediaConnection? connection)
    {
        if (Runspace.DefaultRunspace is Runspace runspace)
        {
            Connections.GetOrCreateValue(runspace).Connection = connection;
        }
    }

    private sealed class Holder
    {
        public ProfileMediaConnection? Connection { get; set; }
    }
}
