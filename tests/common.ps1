# Dot-sourced by every *.Tests.ps1: imports the module as built into out/, never a copy from the user's module path.
# PROFILEMEDIA_MODULE and PROFILEMEDIA_EMULATOR come from build.ps1 (tests/ENVIRONMENT.md).
$script:ModuleManifest = $env:PROFILEMEDIA_MODULE
if (-not $script:ModuleManifest) {
    $version = (Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1").ModuleVersion
    $script:ModuleManifest = Join-Path $PSScriptRoot "../out/ProfileMedia/$version/ProfileMedia.psd1"
}
Import-Module $script:ModuleManifest -Force
# The project's hand-written X API bodies (tests/data/README.md); recorded data is never read from here.
$script:FixturesPath = Join-Path $PSScriptRoot 'data'
if (-not $env:PROFILEMEDIA_EMULATOR) {
    # Run by hand (Invoke-Pester without build.ps1): the emulator of the most recent build, whichever configuration.
    $env:PROFILEMEDIA_EMULATOR = Get-ChildItem -Path (Join-Path $PSScriptRoot '../out/artifacts/bin/ProfileMedia.Emulator/*/ProfileMedia.Emulator.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1 -ExpandProperty FullName
}
. (Join-Path $PSScriptRoot '../tools/Emulator.ps1')

function Stop-WhileEmulatorHoldsRequest {
    <#
    Runs -Script (with -Arguments) in a runspace of its own against the built module, waits until every queued emulator
    fault has been met (a slow fault then holds the request), asserts the call is still running, and stops it as
    Ctrl+C stops a script. Returns how long Stop took and the final invocation state. No sleeps: each wait is for a
    condition, bounded by a deadline that fails the test.
    #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [scriptblock] $Script, [object[]] $Arguments = @())
    $shell = [powershell]::Create()
    try {
        $null = $shell.AddScript('param($Manifest, $Body, $Arguments) Import-Module $Manifest; & ([scriptblock]::Create($Body)) @Arguments')
        $null = $shell.AddArgument($script:ModuleManifest).AddArgument($Script.ToString()).AddArgument($Arguments)
        $running = $shell.BeginInvoke()
        # A fault is used up when its request arrives; a slow answer is logged only once it starts, so watch the queue.
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (@(Get-EmulatorFault $Emulator).Count -gt 0 -and -not $running.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
            $null = $running.AsyncWaitHandle.WaitOne(50)
        }
        @(Get-EmulatorFault $Emulator) | Should -HaveCount 0 -Because 'every request met its fault before the call was stopped'
        $running.IsCompleted | Should -BeFalse -Because 'the call is still waiting on the held request when it is stopped'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $clock.Stop()
        $null = $running.AsyncWaitHandle.WaitOne(5000)
        [pscustomobject]@{ Elapsed = $clock.Elapsed; State = $shell.InvocationStateInfo.State }
    }
    finally { $shell.Dispose() }
}
