using System.IO;
using System.Runtime.InteropServices;

namespace ProfileMedia.ImagingHost;

/// <summary>Where the module keeps libSkiaSharp for the running OS and architecture: imaging/runtimes/&lt;rid&gt;/native/.</summary>
internal static class NativeLibraryLocation
{
    /// <summary>The runtime identifiers the module ships a native library for (build.ps1 fails when one is missing).</summary>
    public const string Shipped = "win-x64, win-arm64, linux-x64, linux-arm64 and osx (x64 and arm64 in one file)";

    /// <summary>The native library's path under <paramref name="imagingDirectory"/>; <paramref name="runtime"/> names the platform.</summary>
    public static string PathIn(string imagingDirectory, out string runtime)
    {
        string architecture = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture other => other.ToString().ToLowerInvariant(),
        };
        string file;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            runtime = "win-" + architecture;
            file = "libSkiaSharp.dll";
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            runtime = "osx"; // one universal library for x64 and arm64
            file = "libSkiaSharp.dylib";
        }
        else
        {
            runtime = "linux-" + architecture;
            file = "libSkiaSharp.so";
        }

        return Path.Combine(imagingDirectory, "runtimes", runtime, "native", file);
    }
}
