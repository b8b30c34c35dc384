<#
.SYNOPSIS
    Writes tests/RELIABILITY.md from the figures the reliability suites left in a folder during the test run
    (input.json, faults.json, concurrency.json, secrets.json from Pester; fuzz.json, transport.json from xunit).
#>
param(
    [Parameter(Mandatory)] [string] $FiguresPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$figures = @(Get-ChildItem -LiteralPath $FiguresPath -Filter '*.json' -ErrorAction SilentlyContinue | Sort-Object Name |
    ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw | ConvertFrom-Json })
if (-not $figures) {
    Write-Warning "No reliability figures in $FiguresPath; tests/RELIABILITY.md is left as it was."
    return
}

$commit = (git -C (Split-Path $PSScriptRoot) rev-parse --short HEAD 2>$null)
$lines = [System.Collections.Generic.List[string]]::new()
$lines.Add('# Reliability and security figures')
$lines.Add('')
$lines.Add('Written by `build.ps1 Test` from what the reliability suites actually ran; do not edit by hand.')
$lines.Add("Last run: $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC, commit $commit, $([Environment]::ProcessorCount) cores, $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription).")
$lines.Add('')
$lines.Add('| suite | cases tried | faults injected | held | failed |')
$lines.Add('| --- | ---: | ---: | ---: | ---: |')
foreach ($suite in $figures | Where-Object { $_.PSObject.Properties['cases'] }) {
    $faults = if ($suite.PSObject.Properties['faultsInjected']) { $suite.faultsInjected } else { 0 }
    $failed = if ($suite.PSObject.Properties['failed']) { $suite.failed } else { 0 }
    $lines.Add("| $($suite.suite) | $($suite.cases) | $faults | $($suite.held) | $failed |")
}

foreach ($fuzz in $figures | Where-Object { $_.PSObject.Properties['targets'] }) {
    $lines.Add('')
    $lines.Add("## $($fuzz.suite)")
    $lines.Add('')
    $lines.Add('| target | generated cases | seconds | documented exceptions | undocumented exceptions |')
    $lines.Add('| --- | ---: | ---: | ---: | ---: |')
    foreach ($target in $fuzz.targets) {
        $lines.Add("| $($target.name) | $($target.cases) | $([math]::Round([double] $target.seconds, 1)) | $($target.exceptionsDocumented) | $($target.exceptionsUndocumented) |")
    }
}

foreach ($suite in $figures | Where-Object { $_.PSObject.Properties['notes'] -and $_.notes }) {
    $lines.Add('')
    $lines.Add("### Notes: $($suite.suite)")
    $lines.Add('')
    foreach ($note in $suite.notes) { $lines.Add("- $note") }
}

Set-Content -LiteralPath $OutputPath -Value $lines -Encoding utf8NoBOM
Write-Host "Reliability figures written to $OutputPath"
