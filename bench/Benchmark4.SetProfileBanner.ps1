<#
.SYNOPSIS
    Benchmark 4 (not yet implemented): peak memory growth of `Set-ProfileBanner` uploading a 5 MB image to the
    emulator, against the same upload via Invoke-RestMethod with a base64 form body.
    Target: growth at most 1.5x the file size, and at least 3x less than the baseline.
.NOTES
    Until Set-ProfileBanner and the emulator exist this returns a NotMeasured result. To implement: measure each case
    in its own fresh pwsh (peak working set or GC.GetTotalAllocatedBytes/GetGCMemoryInfo before and after), return
    rows made with New-BenchRow, and keep the signature: the driver passes -ModulePath and -EmulatorPath.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Set-ProfileBanner of a 5 MB image: peak memory growth'
$missing = @()
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Set-ProfileBanner')) { $missing += 'Set-ProfileBanner' }
if (-not $EmulatorPath) { $missing += 'the X API emulator (-EmulatorPath)' }
if (-not $missing) { $missing += 'this script''s measurement (both prerequisites exist now)' }
New-NotMeasuredResult -Number 4 -Title $title -Needs ($missing -join ' and ')
