<#
.SYNOPSIS
    Benchmark 3: `Import-Module ProfileMedia` in a fresh `pwsh -NoProfile`, against importing an empty manifest the
    same way: what a user waits for beyond what any module imported by manifest costs (target: at most 1.1x). The
    figure over `pwsh -NoProfile -Command exit` stays as information. All are started the way build.ps1 starts pwsh,
    interleaved (rotating which goes first), after one warm-up each; both imports are also timed inside the process.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Runs = 10,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 2 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$launch = Get-PwshLaunch
$manifest = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$quoted = "'" + $manifest.Replace("'", "''") + "'"

# An empty manifest: what Import-Module costs with nothing to load. Informational, to split a miss into PowerShell's
# own cost of running a first command and the module's share.
$emptyDir = Join-Path ([IO.Path]::GetTempPath()) "ProfileMediaBench-$PID/EmptyModule"
$null = New-Item -ItemType Directory -Path $emptyDir -Force
Set-Content -LiteralPath (Join-Path $emptyDir 'EmptyModule.psd1') -Value "@{ ModuleVersion = '1.0'; GUID = '9b1f6a52-6f61-4c1e-9d0c-0a1f3c2b7e11' }"
$emptyQuoted = "'" + (Join-Path $emptyDir 'EmptyModule.psd1').Replace("'", "''") + "'"

# The same two imports timed inside the fresh process too (the child prints the milliseconds): free of process
# start-up noise, so the module's own share stays visible on a busy machine.
$timed = '$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module {0}; [Console]::Out.Write($w.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture))'
$cases = [ordered]@{
    baseline     = @('-NoProfile', '-Command', 'exit')
    import       = @('-NoProfile', '-Command', "Import-Module $quoted")
    empty        = @('-NoProfile', '-Command', "Import-Module $emptyQuoted")
    importInside = @('-NoProfile', '-Command', ($timed -f $quoted))
    emptyInside  = @('-NoProfile', '-Command', ($timed -f $emptyQuoted))
}
$inside = @{ importInside = $true; emptyInside = $true }

# Wall time from start to exit, measured here; or, for the timed-inside cases, the milliseconds the child printed.
function Measure-Start([string[]] $Arguments, [switch] $Inside) {
    $info = [Diagnostics.ProcessStartInfo]::new($launch.FilePath)
    foreach ($argument in @($launch.Arguments) + $Arguments) { $info.ArgumentList.Add($argument) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $process.WaitForExit()
    $watch.Stop()
    if ($process.ExitCode -ne 0) {
        throw "pwsh $($Arguments -join ' ') exited with $($process.ExitCode): $($stdout.Result)$($stderr.Result)"
    }
    if ($Inside) { return [double]::Parse($stdout.Result.Trim(), [Globalization.CultureInfo]::InvariantCulture) }
    $watch.Elapsed.TotalMilliseconds
}

Write-Host '  warm-up: one start of each'
foreach ($name in $cases.Keys) { $null = Measure-Start $cases[$name] -Inside:($inside[$name] -eq $true) }

$samples = @{}
foreach ($name in $cases.Keys) { $samples[$name] = [Collections.Generic.List[double]]::new() }
for ($run = 1; $run -le $Runs; $run++) {
    # Rotate which case starts first, so drift on a shared machine spreads over all of them.
    $keys = @($cases.Keys)
    foreach ($name in (0..($keys.Count - 1) | ForEach-Object { $keys[($_ + $run) % $keys.Count] })) { $samples[$name].Add((Measure-Start $cases[$name] -Inside:($inside[$name] -eq $true))) }
    Write-Host ('  run {0}/{1}: exit {2:0} ms, Import-Module ProfileMedia {3:0} ms, empty manifest {4:0} ms; timed inside: ProfileMedia {5:0} ms, empty {6:0} ms' -f `
            $run, $Runs, $samples.baseline[-1], $samples.import[-1], $samples.empty[-1], $samples.importInside[-1], $samples.emptyInside[-1])
}
Remove-Item -LiteralPath (Split-Path $emptyDir) -Recurse -Force

$baseline = Get-Median $samples.baseline
$import = Get-Median $samples.import
$empty = Get-Median $samples.empty
$importInside = Get-Median $samples.importInside
$emptyInside = Get-Median $samples.emptyInside
$above = $import - $baseline
$ratio = $import / $empty
$rows = @(
    New-BenchRow -Figure '`pwsh -NoProfile -Command "Import-Module ProfileMedia"`' -Value $import -Unit 'ms' `
        -Baseline '`pwsh -NoProfile -Command "Import-Module <empty manifest>"`, same run' -BaselineValue $empty -Comparison ('{0:0.00}x ({1:+0;-0} ms)' -f $ratio, ($import - $empty)) `
        -Target 'at most 1.1x the empty-manifest import' -Met ($ratio -le 1.1) -Samples $samples.import -BaselineSamples $samples.empty
    New-BenchRow -Figure '`pwsh -NoProfile -Command "Import-Module ProfileMedia"` (informational: over a bare start)' -Value $import -Unit 'ms' `
        -Baseline '`pwsh -NoProfile -Command exit`' -BaselineValue $baseline -Comparison ('{0:+0;-0} ms ({1:0.00}x)' -f $above, ($import / $baseline)) `
        -Samples $samples.import -BaselineSamples $samples.baseline
    New-BenchRow -Figure '`Import-Module ProfileMedia` timed inside the fresh pwsh (informational)' -Value $importInside -Unit 'ms' `
        -Baseline 'the empty manifest, timed the same way' -BaselineValue $emptyInside -Comparison ('{0:+0;-0} ms: the module''s own share' -f ($importInside - $emptyInside)) `
        -Samples $samples.importInside -BaselineSamples $samples.emptyInside
)
$note = ''
if ($ratio -gt 1.1) {
    $share = $importInside - $emptyInside
    $note = ('Import-Module ProfileMedia takes {0:0.00}x the empty-manifest import ({1:0} vs {2:0} ms). Timed inside the process, where start-up noise does not reach, the module''s own share is {3:0} ms ({4:0} vs {5:0} ms). Look at what loading it does: static constructors and module initialisers, the format file, assemblies loaded at import; on a busy machine this figure also swings by tens of ms between runs.' -f `
            $ratio, $import, $empty, $share, $importInside, $emptyInside)
}

$details = @(
    "Medians of $Runs fresh processes per case, interleaved, rotating which starts first, after one warm-up start of each; wall time from process start to exit, except the timed-inside row, where the child times its own Import-Module."
    "Started as ``$([IO.Path]::GetFileName($launch.FilePath)) $(@($launch.Arguments | ForEach-Object { [IO.Path]::GetFileName($_) }) -join ' ') -NoProfile -Command ...``, as build.ps1 starts pwsh."
)
New-BenchResult -Number 3 -Title 'Import-Module in a fresh pwsh' -Rows $rows -Note $note -Details $details
