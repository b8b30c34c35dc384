using System;
using System.Collections.Generic;
#if NET
using System.Runtime.InteropServices;
#endif

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Runs an action when the process is told to end: SIGTERM and SIGHUP, and a normal exit. Measured with PowerShell
/// 7.6.9 on Linux: on SIGTERM or SIGHUP pwsh runs no managed code at all, not even ProcessExit handlers (it ends with
/// 143 or 129), unless a PosixSignalRegistration exists; with one, its handler runs and the process then ends as it
/// would have. So the signals are hooked here (on Windows, .NET maps them to system shutdown and a closed console).
/// Windows PowerShell 5.1 has no such API: there only the exit is hooked. <see cref="Stop"/> undoes
/// <see cref="Start"/>, for a module that is removed.
/// </summary>
internal static class TerminationSignals
{
    private static readonly object Gate = new object();
    private static EventHandler? _onExit;
#if NET
    private static readonly List<PosixSignalRegistration> Registrations = new List<PosixSignalRegistration>();
#endif

    /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    public static bool IsWatching
    {
        get
        {
            lock (Gate)
            {
                return _onExit != null;
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on SIGTERM, SIGHUP or process exit; it must be quick and must not throw. Once only: a second call while watching does nothing.</summary>
    public static void Start(Action action)
    {
        lock (Gate)
        {
            if (_onExit != null)
            {
                return;
            }

            _onExit = (_, _) => action();
            AppDomain.CurrentDomain.ProcessExit += _onExit;
#if NET
            foreach (PosixSignal signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            {
                try
                {
                    // The context is left alone (Cancel stays false), so the signal goes on to end the process.
                    Registrations.Add(PosixSignalRegistration.Create(signal, _ => action()));
                }
                catch (PlatformNotSupportedException)
                {
                    // A platform without this signal: the exit hook remains.
                }
            }
#endif
        }
    }

    /// <summary>Removes every hook <see cref="Start"/> made.</summary>
    public static void Stop()
    {
        lock (Gate)
        {
            if (_onExit == null)
            {
                return;
            }

            AppDomain.CurrentDomain.ProcessExit -= _onExit;
            _onExit = null;
#if NET
            foreach (PosixSignalRegistration registration in Registrations)
            {
                registration.Dispose();
            }

            Registrations.Clear();
#endif
        }
    }
}
