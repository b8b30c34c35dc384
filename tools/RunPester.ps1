<#
.SYNOPSIS
    Runs every tests/*.Tests.ps1 with the pinned Pester against the built module and writes its result as JSON: the
    counts, and each test file's counts (the reliability report is built from them).
    Started by build.ps1 in a fresh pwsh (or Windows PowerShell 5.1) so the module under test is the only copy loaded.
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
# Windows PowerShell 5.1 (build.ps1 -PesterHost powershell) runs the tests written for it and its net472 build; pwsh
# runs every other test.
if ($PSEdition -eq 'Desktop') { $configuration.Filter.Tag = 'WindowsPowerShell' } else { $configuration.Filter.ExcludeTag = 'WindowsPowerShell' }
$configuration.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $configuration

$containers = foreach ($container in $result.Containers) {
    # Nested Describe/Context blocks hold their own tests: walk the whole tree.
    $queue = [System.Collections.Generic.Queue[object]]::new()
    foreach ($block in $container.Blocks) { $queue.Enqueue($block) }
    $tests = [System.Collections.Generic.List[object]]::new()
    while ($queue.Count) {
        $block = $queue.Dequeue()
        foreach ($test in $block.Tests) { $tests.Add($test) }
        foreach ($child in $block.Blocks) { $queue.Enqueue($child) }
    }
    [pscustomobject]@{
        File    = [IO.Path]::GetFileName([string] $container.Item)
        Passed  = @($tests | Where-Object Result -EQ 'Passed').Count
        Failed  = @($tests | Where-Object Result -EQ 'Failed').Count
        Skipped = @($tests | Where-Object Result -EQ 'Skipped').Count
    }
}
[pscustomobject]@{
    Passed     = $result.PassedCount
    Failed     = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped    = $result.SkippedCount
    Containers = @($containers)
} | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $ResultPath
