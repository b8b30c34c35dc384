using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Runs an action when the process is told to end: SIGTERM and SIGHUP (PowerShell does not raise ProcessExit for
/// them), and a normal exit. The signals are caught through PosixSignalRegistration, which exists on .NET 6 and later
/// only, so it is found by reflection from this netstandard2.0 assembly; on Windows PowerShell (and Windows) the
/// signals do not exist and only the exit is hooked. The action runs, then the process ends as it would have.
/// </summary>
internal static class TerminationSignals
{
    private const int SigHup = -1; // PosixSignal.SIGHUP
    private const int SigTerm = -4; // PosixSignal.SIGTERM

    // Held for the life of the process: a registration that is collected is unregistered.
    private static readonly List<object> Registrations = new List<object>();

    /// <summary>Runs <paramref name="action"/> on SIGTERM, SIGHUP or process exit; it must be quick and must not throw.</summary>
    public static void OnTerminate(Action action)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => action();
        Type? registration = typeof(object).Assembly.GetType("System.Runtime.InteropServices.PosixSignalRegistration");
        Type? signal = typeof(object).Assembly.GetType("System.Runtime.InteropServices.PosixSignal");
        Type? context = typeof(object).Assembly.GetType("System.Runtime.InteropServices.PosixSignalContext");
        if (registration == null || signal == null || context == null)
        {
            return;
        }

        Type handlerType = typeof(Action<>).MakeGenericType(context);
        MethodInfo? create = registration.GetMethod("Create", new[] { signal, handlerType });
        if (create == null)
        {
            return;
        }

        // (PosixSignalContext _) => action(): the context is left alone, so the signal goes on to end the process.
        Delegate handler = Expression.Lambda(handlerType, Expression.Invoke(Expression.Constant(action)), Expression.Parameter(context)).Compile();
        foreach (int number in new[] { SigTerm, SigHup })
        {
            try
            {
                Registrations.Add(create.Invoke(null, new[] { Enum.ToObject(signal, number), handler })!);
            }
            catch (TargetInvocationException)
            {
                // PlatformNotSupportedException on Windows for SIGHUP, or a host that forbids handlers: the exit hook remains.
            }
        }
    }
}
