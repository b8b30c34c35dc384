using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace ProfileMedia.Core.Platform;

/// <summary>
/// The operating system, C library and architecture a process runs on, named as .NET runtime identifiers name them:
/// <c>win-x64</c>, <c>linux-arm64</c>, <c>linux-musl-x64</c>, <c>osx-arm64</c>.
/// </summary>
internal sealed class RuntimePlatform
{
    private static readonly Lazy<RuntimePlatform> LazyCurrent = new Lazy<RuntimePlatform>(Detect);

    /// <summary>A platform from its parts: <paramref name="system"/> as a runtime identifier starts (win, linux, osx, freebsd).</summary>
    public RuntimePlatform(string system, bool musl, Architecture architecture)
    {
        Name = system + (musl ? "-musl-" : "-") + architecture.ToString().ToLowerInvariant();
    }

    /// <summary>The platform of this process, found once.</summary>
    public static RuntimePlatform Current => LazyCurrent.Value;

    /// <summary>The runtime identifier, such as <c>linux-musl-x64</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether a Linux process runs on musl (Alpine) rather than glibc. The runtime's own identifier says so when .NET
    /// was built for musl (<c>linux-musl-x64</c>, or a distribution's build such as <c>alpine.3.20-x64</c>); otherwise the
    /// files mapped into the process (the lines of /proc/self/maps) show which C library's loader it runs under. A
    /// musl installed beside glibc (Debian's musl package) is not mapped into a glibc process, so it does not count.
    /// </summary>
    public static bool IsMusl(string runtimeIdentifier, IEnumerable<string> mappedFiles)
    {
        if (runtimeIdentifier.StartsWith("linux-musl-", StringComparison.OrdinalIgnoreCase) || runtimeIdentifier.StartsWith("alpine", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string line in mappedFiles)
        {
            if (line.IndexOf("/ld-musl-", StringComparison.Ordinal) >= 0 || line.IndexOf("/libc.musl-", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static RuntimePlatform Detect()
    {
        Architecture architecture = RuntimeInformation.ProcessArchitecture;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return new RuntimePlatform("win", musl: false, architecture);
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return new RuntimePlatform("osx", musl: false, architecture);
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return new RuntimePlatform("linux", IsMusl(RuntimeIdentifier, MappedFiles()), architecture);
        }

        // FreeBSD and the rest: the runtime's identifier starts with the system's name (freebsd-x64).
        string identifier = RuntimeIdentifier;
        int dash = identifier.IndexOf('-');
        return new RuntimePlatform(dash > 0 ? identifier.Substring(0, dash) : "unknown", musl: false, architecture);
    }

#if NET
    private static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;
#else
    private static string RuntimeIdentifier => "win";
#endif

    private static string[] MappedFiles()
    {
        try
        {
            return File.ReadAllLines("/proc/self/maps");
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
