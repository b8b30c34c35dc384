using System.Management.Automation;
using ProfileMedia.ImagingHost;

namespace ProfileMedia;

/// <summary>
/// Runs on Import-Module and Remove-Module: attaches (and detaches) the resolver that loads the image library into the
/// module's own AssemblyLoadContext on first use. It loads nothing itself.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <inheritdoc />
    public void OnImport()
    {
        if (ImagingRuntime.IsSupported)
        {
            ImagingRuntime.Register();
        }
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (ImagingRuntime.IsSupported)
        {
            ImagingRuntime.Unregister();
        }
    }
}
