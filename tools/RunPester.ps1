<#
.SYNOPSIS
    Runs every tests/*.Tests.ps1 with the pinned Pester against the built module and writes the counts as JSON.
    Started by build.ps1 in a fresh pwsh so the module under test is the only copy loaded.
#>
param([Parameter(Mandatory)] [string] $ResultPath)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$pesterVersion = ([xml] (Get-Content -LiteralPath "$root/Directory.Packages.props" -Raw)).Project.PropertyGroup.PesterVersion
Import-Module "$root/out/tools/pester/$pesterVersion/tools/Pester.psd1" -Force

# The tests run under a user's default preferences: 'Stop' above is for this script's own setup only, and would turn
# every non-terminating error the tests provoke into a terminating one.
$ErrorActionPreference = 'Continue'

$configuration = New-PesterConfiguration
$configuration.Run.Path = Join-Path $root 'tests'
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } |
    ConvertTo-Json | Set-Content -LiteralPath $ResultPath
