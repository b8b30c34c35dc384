using System;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Emulator;
using ProfileMedia.Emulator.Hosting;

// The loopback X API emulator as a program: one JSON line on standard output, then serve until told to stop.
if (Array.Exists(args, a => a is "--help" or "-h" or "-?"))
{
    Console.Error.WriteLine(CommandLine.Usage);
    return 0;
}

ProgramOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (FormatException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

await using var server = await EmulatorServer.StartAsync(options.Emulator).ConfigureAwait(false);
using var shutdown = new ShutdownSignal(options.WatchStandardInput);
Console.Out.WriteLine(server.StartupJson);
Console.Out.Flush();

try
{
    await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
}

return 0;
