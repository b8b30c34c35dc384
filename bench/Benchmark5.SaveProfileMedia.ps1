<#
.SYNOPSIS
    Benchmark 5 (not yet implemented): `Save-ProfileMedia` of 1,000 variant files from the emulator, against (a) a
    sequential Invoke-WebRequest -OutFile loop and (b) a plain C# HttpClient loop at the same concurrency.
    Target: at least 5x faster than (a); within 1.5x of (b).
.NOTES
    Until Save-ProfileMedia and the emulator exist this returns a NotMeasured result. To implement: time each case
    several times (median), compile (b) with Add-Type in the same process, return rows made with New-BenchRow.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Save-ProfileMedia of 1,000 variant files'
$missing = @()
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Save-ProfileMedia')) { $missing += 'Save-ProfileMedia' }
if (-not $EmulatorPath) { $missing += 'the X API emulator (-EmulatorPath)' }
if (-not $missing) { $missing += 'this script''s measurement (both prerequisites exist now)' }
New-NotMeasuredResult -Number 5 -Title $title -Needs ($missing -join ' and ')
