using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;

namespace ProfileMedia.ImagingHost;

/// <summary>
/// The cmdlets' one door to image preparation. On PowerShell 7 it loads ProfileMedia.Imaging (and with it SkiaSharp)
/// through <see cref="ImagingResolver"/> the first time a picture is prepared. Windows PowerShell 5.1 runs on .NET
/// Framework, which has no AssemblyLoadContext: loading SkiaSharp there would share one AppDomain with every other
/// module's copy, so the feature is declared unsupported there with a clear error instead.
/// </summary>
internal static class ImagingRuntime
{
    /// <summary>True on PowerShell 7 (.NET), false on Windows PowerShell 5.1 (.NET Framework).</summary>
    public static bool IsSupported { get; } = !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>Prepares the file at <paramref name="path"/> for <paramref name="target"/>.</summary>
    /// <exception cref="ImageFitException">The picture cannot be prepared, or this PowerShell cannot prepare pictures.</exception>
    public static FittedImage FitFile(string path, FitTarget target, ImageRegion? region)
    {
        if (!IsSupported)
        {
            throw new ImageFitException(ImageProblem.ImageFittingNotSupported,
                "Preparing pictures (-Fit, ConvertTo-ProfileImage) needs PowerShell 7.2 or later: Windows PowerShell 5.1 cannot load the image library in a context of its own. Run it in pwsh, or prepare '" + path + "' there.");
        }

        Register();
        try
        {
            return FitInContext(path, target, region);
        }
        catch (Exception e) when (e is DllNotFoundException || e is BadImageFormatException || e is TypeInitializationException || e is EntryPointNotFoundException)
        {
            throw new ImageFitException(ImageProblem.ImageFittingNotSupported,
                "The image library could not be loaded on " + RuntimeInformation.OSDescription + " (" + RuntimeInformation.ProcessArchitecture + "): " + (e.InnerException ?? e).Message, e);
        }
    }

    /// <summary>Attaches the resolver (import does this; here too for a module loaded without Import-Module).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register() => ImagingResolver.Register();

    /// <summary>Detaches the resolver when the module is removed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Unregister() => ImagingResolver.Unregister();

    // Its own method, never inlined: the JIT resolves ProfileMedia.Imaging only when this body is compiled, i.e. on the
    // first preparation, never at import or for any other cmdlet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FittedImage FitInContext(string path, FitTarget target, ImageRegion? region) =>
        ProfileMedia.Imaging.ImageFitter.FitFile(path, target, region);
}
