using System;
using System.Management.Automation;

namespace ProfileMedia.Threading;

/// <summary>Verbose lines from background work, carried to the pipeline thread only when someone will see them.</summary>
internal static class BackgroundVerbose
{
    /// <summary>
    /// A writer that posts each line to the pipeline thread, or null when -Verbose is off (by parameter or by
    /// $VerbosePreference): every posted line costs a hop to the pipeline thread, so none is made for no reader.
    /// </summary>
    public static Action<string>? For(PSCmdlet cmdlet, PipelineDispatcher dispatcher)
    {
        bool verbose = cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out object? flag) ? ((SwitchParameter)flag).IsPresent
            : cmdlet.GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        return verbose ? message => dispatcher.Post(() => cmdlet.WriteVerbose(message)) : null;
    }
}
