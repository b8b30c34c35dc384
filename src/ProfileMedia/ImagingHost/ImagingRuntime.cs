using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ProfileMedia.Core.Fitting;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Platform;

namespace ProfileMedia.ImagingHost;

/// <summary>
/// The cmdlets' one door to image preparation. On PowerShell 7 it loads ProfileMedia.Imaging (and with it SkiaSharp)
/// through ImagingResolver the first time a picture is prepared, on the platforms the module ships the
/// native library for. Windows PowerShell 5.1 runs on .NET Framework, which has no AssemblyLoadContext: loading
/// SkiaSharp there would share one AppDomain with every other module's copy, so its build declares the feature
/// unsupported with a clear error instead, and does not contain the imaging code at all.
/// </summary>
internal static class ImagingRuntime
{
    /// <summary>Prepares the file at <paramref name="path"/> for <paramref name="target"/>.</summary>
    /// <exception cref="ImageFitException">The picture cannot be prepared, or this PowerShell or platform cannot prepare pictures.</exception>
    public static FittedImage FitFile(string path, FitTarget target, ImageRegion? region)
    {
#if NET
        RuntimePlatform platform = RuntimePlatform.Current;
        if (ImagingNativeLibrary.PathFor(platform) == null)
        {
            throw new ImageFitException(ImageProblem.ImageFittingNotSupported,
                "Preparing pictures (-Fit, ConvertTo-ProfileImage) needs the image library's native code, which this module ships for " + ImagingNativeLibrary.Shipped
                + "; this is " + platform + " (" + RuntimeInformation.OSDescription + "). Prepare '" + path + "' on one of those platforms, or pass a picture that already fits.");
        }

        Register();
        try
        {
            return FitInContext(path, target, region);
        }
        catch (Exception e) when (e is DllNotFoundException || e is BadImageFormatException || e is TypeInitializationException || e is EntryPointNotFoundException)
        {
            throw new ImageFitException(ImageProblem.ImageFittingNotSupported,
                "The image library could not be loaded on " + platform + " (" + RuntimeInformation.OSDescription + "): " + (e.InnerException ?? e).Message, e);
        }
#else
        _ = target;
        _ = region;
        throw new ImageFitException(ImageProblem.ImageFittingNotSupported,
            "Preparing pictures (-Fit, ConvertTo-ProfileImage) needs PowerShell 7.4 or later: Windows PowerShell 5.1 cannot load the image library in a context of its own. Run it in pwsh, or prepare '" + path + "' there.");
#endif
    }

#if NET
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
#endif
}
