<#
.SYNOPSIS
    Runs one bench/Benchmark<N>.<Name>.ps1 in this (fresh) pwsh and writes its result object as JSON for the driver.
.DESCRIPTION
    Started by Invoke-Benchmarks.ps1, one fresh process per benchmark, so no benchmark sees another's loaded modules,
    compiled types or heap. The benchmark script receives only the parameters it declares, out of: ModulePath,
    EmulatorPath, ArtifactsPath, RepoRoot, Quick (a harness check: few runs, figures meaningless). A script that throws becomes a result with Status 'Error'.
#>
param(
    [Parameter(Mandatory)] [string] $Script,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $ModulePath,
    [string] $EmulatorPath,
    [string] $ArtifactsPath,
    [string] $RepoRoot,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$offered = @{ ModulePath = $ModulePath; EmulatorPath = $EmulatorPath; ArtifactsPath = $ArtifactsPath; RepoRoot = $RepoRoot; Quick = $Quick.IsPresent }
$declared = (Get-Command -Name $Script).Parameters.Keys
$arguments = @{}
foreach ($name in $offered.Keys) {
    if ($declared -contains $name -and $offered[$name]) { $arguments[$name] = $offered[$name] }
}

$fileName = [IO.Path]::GetFileNameWithoutExtension($Script)
$number = if ($fileName -match '^Benchmark(\d+)') { [int] $Matches[1] } else { 0 }
try {
    $result = & $Script @arguments | Where-Object { $_ -and $_.PSObject.TypeNames -contains 'ProfileMedia.BenchResult' } | Select-Object -Last 1
    if (-not $result) { throw "$fileName returned no result object (make one with New-BenchResult)." }
}
catch {
    $where = if ($_.InvocationInfo) { " ($($_.InvocationInfo.ScriptName):$($_.InvocationInfo.ScriptLineNumber))" } else { '' }
    Write-Host "$fileName failed: $($_.Exception.Message)$where" -ForegroundColor Red
    $result = New-BenchResult -Number $number -Title $fileName -Status Error -Note "the benchmark failed: $($_.Exception.Message)$where"
}

$result | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $ResultPath -Encoding utf8
