namespace ProfileMedia.Core.Platform;

/// <summary>
/// Which of the image library's native builds (libSkiaSharp) that the module ships serves a platform, decided before
/// any is loaded: a build for another C library or architecture fails to load at best, and at worst crashes the
/// process (a glibc build on Alpine's musl).
/// </summary>
internal static class ImagingNativeLibrary
{
    /// <summary>The platforms the module ships a native library for (build.ps1 fails when one is missing).</summary>
    public const string Shipped = "win-x64, win-arm64, linux-x64, linux-arm64 (glibc) and osx-x64, osx-arm64";

    /// <summary>The native library's path under the module's imaging folder for <paramref name="platform"/>, or null when none is shipped for it.</summary>
    public static string? PathFor(RuntimePlatform platform) => platform.Name switch
    {
        "win-x64" or "win-arm64" => "runtimes/" + platform.Name + "/native/libSkiaSharp.dll",
        "linux-x64" or "linux-arm64" => "runtimes/" + platform.Name + "/native/libSkiaSharp.so",
        "osx-x64" or "osx-arm64" => "runtimes/osx/native/libSkiaSharp.dylib", // one universal library for both
        _ => null,
    };
}
