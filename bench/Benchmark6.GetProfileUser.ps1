<#
.SYNOPSIS
    Benchmark 6 (not yet implemented): `Get-ProfileUser` of 500 users against the emulator, piped, against a loop of
    Invoke-RestMethod calls signed by the module's signer.
    Target: no slower; connection reuse visible (e.g. the emulator's count of TCP connections per case).
.NOTES
    Until Get-ProfileUser and the emulator exist this returns a NotMeasured result. To implement: time each case
    several times (median), read the connection counts from the emulator, return rows made with New-BenchRow.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Get-ProfileUser of 500 users, piped'
$missing = @()
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Get-ProfileUser')) { $missing += 'Get-ProfileUser' }
if (-not $EmulatorPath) { $missing += 'the X API emulator (-EmulatorPath)' }
if (-not $missing) { $missing += 'this script''s measurement (both prerequisites exist now)' }
New-NotMeasuredResult -Number 6 -Title $title -Needs ($missing -join ' and ')
