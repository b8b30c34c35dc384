using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using ProfileMedia.Core.Platform;

namespace ProfileMedia.ImagingHost;

/// <summary>
/// The module's own AssemblyLoadContext for image preparation (PowerShell 7 only): ProfileMedia.Imaging and SkiaSharp
/// load from the module's imaging/ folder, and libSkiaSharp from imaging/runtimes/&lt;rid&gt;/native/, so another
/// module that ships a different SkiaSharp keeps its own and neither sees the other's. Everything else (ProfileMedia.Core,
/// the framework) comes from the default context, so the types the cmdlets pass in and get back are the same types.
/// The pattern of jborean93's PowerShell-ALC and PSToml.
/// </summary>
internal sealed class ImagingLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public ImagingLoadContext(string directory)
    {
        _directory = directory;
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        if (unmanagedDllName.IndexOf("SkiaSharp", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return IntPtr.Zero;
        }

        // ImagingRuntime refuses an unsupported platform before anything loads; this is the same decision.
        RuntimePlatform platform = RuntimePlatform.Current;
        string? relative = ImagingNativeLibrary.PathFor(platform);
        string path = relative == null ? string.Empty : Path.Combine(_directory, relative);
        if (!File.Exists(path))
        {
            throw new DllNotFoundException("This module ships libSkiaSharp for " + ImagingNativeLibrary.Shipped + "; there is none for " + platform + (relative == null ? "." : " (looked for " + path + ")."));
        }

        return LoadUnmanagedDllFromPath(path);
    }
}
