using System.Runtime.InteropServices;
using ProfileMedia.Core.Platform;

namespace ProfileMedia.Core.Tests.Platform;

/// <summary>
/// Which shipped libSkiaSharp a platform gets, decided before anything loads: a glibc build is never handed to a musl
/// process (Alpine), and a platform the module ships nothing for gets none, so image preparation refuses it by name.
/// </summary>
public sealed class ImagingNativeLibraryTests
{
    [Theory]
    [InlineData("win", false, Architecture.X64, "win-x64", "runtimes/win-x64/native/libSkiaSharp.dll")]
    [InlineData("win", false, Architecture.Arm64, "win-arm64", "runtimes/win-arm64/native/libSkiaSharp.dll")]
    [InlineData("linux", false, Architecture.X64, "linux-x64", "runtimes/linux-x64/native/libSkiaSharp.so")]
    [InlineData("linux", false, Architecture.Arm64, "linux-arm64", "runtimes/linux-arm64/native/libSkiaSharp.so")]
    [InlineData("osx", false, Architecture.X64, "osx-x64", "runtimes/osx/native/libSkiaSharp.dylib")]
    [InlineData("osx", false, Architecture.Arm64, "osx-arm64", "runtimes/osx/native/libSkiaSharp.dylib")]
    [InlineData("linux", true, Architecture.X64, "linux-musl-x64", null)]
    [InlineData("linux", true, Architecture.Arm64, "linux-musl-arm64", null)]
    [InlineData("win", false, Architecture.X86, "win-x86", null)]
    [InlineData("linux", false, Architecture.Arm, "linux-arm", null)]
    [InlineData("freebsd", false, Architecture.X64, "freebsd-x64", null)]
    public void Each_platform_gets_its_own_build_or_none(string system, bool musl, Architecture architecture, string name, string? expected)
    {
        var platform = new RuntimePlatform(system, musl, architecture);

        Assert.Equal(name, platform.Name);
        Assert.Equal(expected, ImagingNativeLibrary.PathFor(platform));
    }

    [Theory]
    [InlineData("linux-musl-x64")]
    [InlineData("linux-musl-arm64")]
    [InlineData("alpine.3.20-x64")]
    public void A_runtime_built_for_musl_says_so_by_its_identifier(string runtimeIdentifier)
    {
        Assert.True(RuntimePlatform.IsMusl(runtimeIdentifier, System.Array.Empty<string>()));
    }

    [Fact]
    public void A_portable_runtime_on_Alpine_is_known_by_the_loader_mapped_into_it()
    {
        string[] maps =
        {
            "7f1c2a000000-7f1c2a014000 r--p 00000000 08:01 1048602 /usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.11/libcoreclr.so",
            "7f1c2b000000-7f1c2b05a000 r-xp 00014000 08:01 393219 /lib/ld-musl-x86_64.so.1",
        };

        Assert.True(RuntimePlatform.IsMusl("linux-x64", maps));
    }

    [Fact]
    public void A_glibc_process_is_not_musl_even_with_musl_installed_beside_it()
    {
        // Debian's musl package puts /lib/ld-musl-x86_64.so.1 on disk, but a glibc process never maps it.
        string[] maps =
        {
            "7f1c2a000000-7f1c2a014000 r--p 00000000 08:01 1048602 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/libcoreclr.so",
            "7f1c2b000000-7f1c2b028000 r--p 00000000 08:01 393219 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f1c2c000000-7f1c2c02a000 r--p 00000000 08:01 393220 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
        };

        Assert.False(RuntimePlatform.IsMusl("linux-x64", maps));
    }

    [Fact]
    public void This_test_host_is_a_platform_the_module_ships_for()
    {
        // The machines that run this suite (Linux x64 glibc here; CI's Windows and macOS legs) all have a build.
        Assert.NotNull(ImagingNativeLibrary.PathFor(RuntimePlatform.Current));
    }
}
