using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ProfileMedia.ImagingHost;

/// <summary>
/// Hands ProfileMedia.Imaging to the default context from <see cref="ImagingLoadContext"/> when the cmdlets' code first
/// needs it, which is only when a picture is prepared: importing the module attaches this handler and loads nothing.
/// Touched only on PowerShell 7 (see <see cref="ImagingRuntime"/>).
/// </summary>
internal static class ImagingResolver
{
    private const string ImagingAssembly = "ProfileMedia.Imaging";
    private static readonly object Gate = new object();
    private static ImagingLoadContext? _context;
    private static bool _registered;

    /// <summary>The folder the imaging assemblies and native libraries ship in, beside ProfileMedia.dll.</summary>
    public static string Directory => Path.Combine(Path.GetDirectoryName(typeof(ImagingResolver).Assembly.Location) ?? ".", "imaging");

    public static void Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                AssemblyLoadContext.Default.Resolving += Resolve;
                _registered = true;
            }
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            if (_registered)
            {
                AssemblyLoadContext.Default.Resolving -= Resolve;
                _registered = false;
            }
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, ImagingAssembly, StringComparison.Ordinal))
        {
            return null;
        }

        lock (Gate)
        {
            _context ??= new ImagingLoadContext(Directory);
        }

        return _context.LoadFromAssemblyName(name);
    }
}
