using System.Management.Automation;
using ProfileMedia.Core.Downloads;
#if NET
using ProfileMedia.ImagingHost;
#endif

namespace ProfileMedia;

/// <summary>
/// Runs on Import-Module and Remove-Module. On PowerShell 7 it attaches (and detaches) the resolver that loads the
/// image library into the module's own AssemblyLoadContext on first use; it loads nothing itself. On removal it also
/// drops the termination hooks that downloads set (so nothing of a removed module runs at a later SIGTERM).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <inheritdoc />
    public void OnImport()
    {
#if NET
        ImagingRuntime.Register();
#endif
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
#if NET
        ImagingRuntime.Unregister();
#endif
        PartialFiles.StopDeletingOnTermination();
    }
}
