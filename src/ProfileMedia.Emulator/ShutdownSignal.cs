using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Emulator;

/// <summary>
/// When the program should stop: Ctrl+C, SIGTERM, or end of standard input. The last one means a parent that pipes our
/// standard input takes us down when it goes away, even if it dies without a word. Standard input that is a terminal or
/// (on Linux) /dev/null is not watched, so "emulator &amp;" in a script does not stop at once.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _terminate;

    public ShutdownSignal(bool watchStandardInput)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop();
        });
        if (watchStandardInput && Console.IsInputRedirected && !StandardInputIsNullDevice())
        {
            _ = Task.Run(WaitForEndOfStandardInput);
        }
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Stop();
    }

    private void WaitForEndOfStandardInput()
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // Whatever the parent writes is ignored; only the end matters.
            }
        }
        catch (IOException)
        {
            // A broken pipe is an end as well.
        }

        Stop();
    }

    private void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already shutting down.
        }
    }

    private static bool StandardInputIsNullDevice()
    {
        try
        {
            return OperatingSystem.IsLinux() && new FileInfo("/proc/self/fd/0").LinkTarget == "/dev/null";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
