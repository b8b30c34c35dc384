<#
.SYNOPSIS
    Writes the reliability report (out/test-results/RELIABILITY.md; `build.ps1 ReliabilityReport` copies it over the
    committed tests/RELIABILITY.md) from one test run: which tests of each Reliability.*.Tests.ps1 passed, failed or
    were skipped, from Pester's result object (tools/RunPester.ps1 writes it as JSON), beside the figures the suites
    left in a folder (cases tried, faults injected, notes; fuzz.json and transport.json from xunit).
#>
param(
    [Parameter(Mandatory)] [string] $FiguresPath,
    [Parameter(Mandatory)] [string] $PesterResultPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$figures = @(Get-ChildItem -LiteralPath $FiguresPath -Filter '*.json' -ErrorAction SilentlyContinue | Sort-Object Name |
    ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw | ConvertFrom-Json })
if (-not $figures) {
    Write-Warning "No reliability figures in $FiguresPath; no report written."
    return
}

$commit = (git -C (Split-Path $PSScriptRoot) rev-parse --short HEAD 2>$null)
$lines = [System.Collections.Generic.List[string]]::new()
$lines.Add('# Reliability and security figures')
$lines.Add('')
$lines.Add('Written by `build.ps1 ReliabilityReport` from what the reliability suites actually ran; do not edit by hand.')
$lines.Add("Last run: $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC, commit $commit, $([Environment]::ProcessorCount) cores, $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription).")
$lines.Add('')
# Pester's own verdict per suite file: a suite whose figures say "held" while its tests failed cannot hide.
$pester = if (Test-Path -LiteralPath $PesterResultPath) { Get-Content -LiteralPath $PesterResultPath -Raw | ConvertFrom-Json } else { $null }
function Get-PesterVerdict([string] $Suite) {
    $file = $pester.Containers | Where-Object File -EQ "Reliability.$((Get-Culture).TextInfo.ToTitleCase($Suite)).Tests.ps1"
    if (-not $file) { return '-' }
    '{0} passed, {1} failed, {2} skipped' -f $file.Passed, $file.Failed, $file.Skipped
}
$lines.Add('| suite | cases tried | faults injected | held | failed | Pester tests |')
$lines.Add('| --- | ---: | ---: | ---: | ---: | --- |')
foreach ($suite in $figures | Where-Object { $_.PSObject.Properties['cases'] }) {
    $faults = if ($suite.PSObject.Properties['faultsInjected']) { $suite.faultsInjected } else { 0 }
    $failed = if ($suite.PSObject.Properties['failed']) { $suite.failed } else { 0 }
    $lines.Add("| $($suite.suite) | $($suite.cases) | $faults | $($suite.held) | $failed | $(Get-PesterVerdict $suite.suite) |")
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
