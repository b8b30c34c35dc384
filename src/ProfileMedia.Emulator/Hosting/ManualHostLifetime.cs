using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ProfileMedia.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime, which would hook Ctrl+C and SIGTERM of whatever process hosts the emulator (a test
/// runner, for one). The emulator is stopped by disposing it; the program wires up its own signals.
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
