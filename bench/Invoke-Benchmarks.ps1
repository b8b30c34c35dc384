#Requires -Version 7.2
<#
.SYNOPSIS
    Runs every bench/Benchmark<N>.<Name>.ps1 against a built module, prints a table and writes bench/RESULTS.md.
.DESCRIPTION
    Called by `build.ps1 Bench` after Build. Each benchmark script runs in its own fresh pwsh (through
    Invoke-BenchmarkScript.ps1) and returns one result object (see bench/README.md); this script renders them with
    the machine, date and commit. A figure that misses its target is reported, never failed: the exit code is 0
    unless a benchmark script itself broke (Status 'Error'), which exits 1.
.PARAMETER ModulePath
    The built module's manifest, e.g. out/ProfileMedia/<version>/ProfileMedia.psd1.
.PARAMETER EmulatorPath
    The X API emulator, for benchmarks 4-6 once they exist; passed to every script that declares -EmulatorPath.
.PARAMETER ArtifactsPath
    Where benchmarks build and leave their logs (default out/bench).
.PARAMETER ResultsPath
    The markdown written at the end (default bench/RESULTS.md; not written with -Only unless given).
.PARAMETER Only
    Runs only these benchmark numbers (`-Only 4,5,6` works from `pwsh -File` too).
.PARAMETER Quick
    A fast pass that only checks the harness (few runs, one BenchmarkDotNet iteration): its figures mean nothing,
    so RESULTS.md is not written unless -ResultsPath is given.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,
    [string] $ArtifactsPath,
    [string] $ResultsPath,
    [string[]] $Only,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$repoRoot = Split-Path $PSScriptRoot
# Numbers, also as one comma-separated string: under `pwsh -File`, `-Only 4,5,6` arrives as the text "4,5,6", which an
# [int[]] parameter would read as the number 456.
$Only = [int[]] @($Only | ForEach-Object { $_ -split '[,\s]+' } | Where-Object { $_ } | ForEach-Object { [int] $_ })
if (-not (Test-Path -LiteralPath $ModulePath -PathType Leaf)) { throw "No module manifest at '$ModulePath': run build.ps1 Build first." }
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
if (-not $ArtifactsPath) { $ArtifactsPath = Join-Path $repoRoot 'out/bench' }
$null = New-Item -ItemType Directory -Path $ArtifactsPath -Force
$ArtifactsPath = (Resolve-Path -LiteralPath $ArtifactsPath).ProviderPath
$writeResults = $ResultsPath -or -not ($Only -or $Quick)
if (-not $ResultsPath) { $ResultsPath = Join-Path $PSScriptRoot 'RESULTS.md' }

function Get-LoadAverage {
    if (Test-Path -LiteralPath '/proc/loadavg') { return ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' ' }
    return $null
}

function Get-MachineDescription {
    $memory = $null
    $cpu = $null
    if (Test-Path -LiteralPath '/proc/meminfo') {
        $line = Get-Content -LiteralPath '/proc/meminfo' | Where-Object { $_ -like 'MemTotal:*' } | Select-Object -First 1
        if ($line -match '(\d+)\s*kB') { $memory = [double] $Matches[1] * 1KB }
        $model = Get-Content -LiteralPath '/proc/cpuinfo' -ErrorAction Ignore | Where-Object { $_ -like 'model name*' } | Select-Object -First 1
        if ($model) { $cpu = ($model -split ':', 2)[1].Trim() }
    }
    elseif ($IsWindows) {
        $system = Get-CimInstance -ClassName Win32_ComputerSystem -ErrorAction Ignore
        if ($system) { $memory = [double] $system.TotalPhysicalMemory }
        $processor = Get-CimInstance -ClassName Win32_Processor -ErrorAction Ignore | Select-Object -First 1
        if ($processor) { $cpu = $processor.Name.Trim() }
    }
    elseif ($IsMacOS) {
        $memory = [double] (& sysctl -n hw.memsize)
        $cpu = & sysctl -n machdep.cpu.brand_string
    }
    [ordered]@{
        Cores      = [Environment]::ProcessorCount
        Memory     = if ($memory) { '{0:0.0} GiB' -f ($memory / 1GB) } else { 'unknown' }
        Cpu        = if ($cpu) { $cpu } else { 'unknown' }
        Os         = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        Dotnet     = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        PowerShell = $PSVersionTable.PSVersion.ToString()
    }
}

function Get-Commit {
    $commit = & git -C $repoRoot rev-parse --short HEAD 2>$null
    if ($LASTEXITCODE -ne 0 -or -not $commit) { return 'unknown (not a git checkout)' }
    # The results file itself does not make the tree dirty: it is rewritten by every run.
    $relativeResults = [IO.Path]::GetRelativePath($repoRoot, $ResultsPath).Replace('\', '/')
    $changes = & git -C $repoRoot status --porcelain -- . ":(exclude)$relativeResults" 2>$null
    if ($changes) { return "$commit+dirty" }
    return $commit
}

function Format-Number([object] $Value, [string] $Unit) {
    if ($null -eq $Value) { return '' }
    $number = [double] $Value
    $format = if ($Unit -eq 'B') { '0.##' } elseif ([math]::Abs($number) -ge 100) { '0' } elseif ([math]::Abs($number) -ge 10) { '0.0' } else { '0.00' }
    return '{0} {1}' -f $number.ToString($format, [Globalization.CultureInfo]::InvariantCulture), $Unit
}

function Format-Met([object] $Met) {
    if ($null -eq $Met) { return '' }
    if ($Met) { return 'yes' }
    return '**no**'
}

# Markdown table cells cannot hold a pipe or a line break.
function Format-Cell([object] $Text) {
    if ($null -eq $Text) { return '' }
    return ([string] $Text).Replace('|', '\|').Replace("`r", '').Replace("`n", ' ')
}

function Invoke-OneBenchmark([IO.FileInfo] $Script, [int] $Number) {
    $resultPath = Join-Path $ArtifactsPath "result-$Number.json"
    if (Test-Path -LiteralPath $resultPath) { Remove-Item -LiteralPath $resultPath }
    $launch = Get-PwshLaunch
    $arguments = @($launch.Arguments) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Invoke-BenchmarkScript.ps1'),
        '-Script', $Script.FullName, '-ResultPath', $resultPath, '-ModulePath', $ModulePath, '-ArtifactsPath', $ArtifactsPath, '-RepoRoot', $repoRoot)
    if ($EmulatorPath) { $arguments += @('-EmulatorPath', $EmulatorPath) }
    if ($Quick) { $arguments += '-Quick' }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $launch.FilePath @arguments | Out-Host
    $watch.Stop()
    if (Test-Path -LiteralPath $resultPath) {
        $result = Get-Content -LiteralPath $resultPath -Raw | ConvertFrom-Json
    }
    else {
        $result = New-BenchResult -Number $Number -Title $Script.BaseName -Status Error -Note "the benchmark process exited with $LASTEXITCODE and wrote no result."
    }
    $result | Add-Member -NotePropertyName Seconds -NotePropertyValue $watch.Elapsed.TotalSeconds -Force
    $result | Add-Member -NotePropertyName Script -NotePropertyValue $Script.Name -Force
    return $result
}

# --- run -----------------------------------------------------------------------------------------------------------
$machine = Get-MachineDescription
$started = [DateTime]::UtcNow
$loadBefore = Get-LoadAverage
$commit = Get-Commit

$scripts = Get-ChildItem -LiteralPath $PSScriptRoot -Filter 'Benchmark*.ps1' |
    Where-Object Name -Match '^Benchmark(\d+)\.[^.]+\.ps1$' |
    ForEach-Object { [pscustomobject]@{ Number = [int] ($_.Name -replace '^Benchmark(\d+)\..*$', '$1'); File = $_ } } |
    Where-Object { -not $Only -or $Only -contains $_.Number } |
    Sort-Object Number

$results = foreach ($entry in $scripts) {
    Write-Host "== Benchmark $($entry.Number): $($entry.File.Name)" -ForegroundColor Cyan
    Invoke-OneBenchmark -Script $entry.File -Number $entry.Number
}
$results = @($results)
$loadAfter = Get-LoadAverage
$finished = [DateTime]::UtcNow

# --- render --------------------------------------------------------------------------------------------------------
$summaryRows = foreach ($result in $results) {
    if ($result.Status -ne 'Measured' -or -not @($result.Rows).Count) {
        [pscustomobject]@{ '#' = $result.Number; Figure = $result.Title; Value = ''; Baseline = ''; 'Vs baseline' = ''; Target = ''; Met = ''; Status = $result.Note }
        continue
    }
    foreach ($row in $result.Rows) {
        [pscustomobject]@{
            '#'           = $result.Number
            Figure        = $row.Figure
            Value         = Format-Number $row.Value $row.Unit
            Baseline      = if ($row.Baseline) { '{0} = {1}' -f $row.Baseline, (Format-Number $row.BaselineValue $row.Unit) } else { '' }
            'Vs baseline' = $row.Comparison
            Target        = $row.Target
            Met           = Format-Met $row.Met
            Status        = ''
        }
    }
}

Write-Host ''
Write-Host 'Benchmark results' -ForegroundColor Cyan
foreach ($row in $summaryRows) {
    if ($row.Status) { Write-Host ('{0}  {1}: {2}' -f $row.'#', $row.Figure, $row.Status); continue }
    $line = '{0}  {1}: {2}' -f $row.'#', $row.Figure, $row.Value
    if ($row.Baseline) { $line += " vs $($row.Baseline) ($($row.'Vs baseline'))" }
    if ($row.Target) { $line += "; target $($row.Target): $($row.Met.Trim('*'))" }
    $color = if ($row.Met -eq 'yes') { 'Green' } elseif ($row.Met) { 'Yellow' } else { 'Gray' }
    Write-Host $line -ForegroundColor $color
}

$md = [Collections.Generic.List[string]]::new()
$md.Add('# ProfileMedia benchmark results')
$md.Add('')
$md.Add('Written by `build.ps1 Bench` (`bench/Invoke-Benchmarks.ps1`); see bench/README.md. Every figure is a median of several runs, and every ratio is against a baseline measured in the same run on the same machine. Benchmarks report; they never fail the build on time.')
$md.Add('')
$md.Add('| | |')
$md.Add('| --- | --- |')
$md.Add("| Date | $($started.ToString('yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)) UTC ($([math]::Round(($finished - $started).TotalMinutes, 1)) min) |")
$md.Add("| Commit | $commit |")
$md.Add("| Machine | $($machine.Cores) cores, $($machine.Memory), $(Format-Cell $machine.Cpu) |")
$md.Add("| OS | $(Format-Cell $machine.Os) |")
$md.Add("| .NET | $($machine.Dotnet) |")
$md.Add("| PowerShell | $($machine.PowerShell) |")
if ($loadBefore) { $md.Add("| Load average (1, 5, 15 min) | $loadBefore before, $loadAfter after: above the core count means other work was competing and times are inflated |") }
$md.Add('')
$md.Add('## Summary')
$md.Add('')
$md.Add('| # | figure | value | baseline (same run) | vs baseline | target | met |')
$md.Add('| --- | --- | ---: | --- | --- | --- | --- |')
foreach ($row in $summaryRows) {
    if ($row.Status) {
        $md.Add("| $($row.'#') | $(Format-Cell $row.Figure) | | | | $(Format-Cell $row.Status) | |")
    }
    else {
        $md.Add("| $($row.'#') | $(Format-Cell $row.Figure) | $($row.Value) | $(Format-Cell $row.Baseline) | $(Format-Cell $row.'Vs baseline') | $(Format-Cell $row.Target) | $($row.Met) |")
    }
}

foreach ($result in $results) {
    $md.Add('')
    $md.Add("## $($result.Number). $($result.Title)")
    $md.Add('')
    $md.Add(('`{0}`, {1:0} s. Status: {2}.' -f $result.Script, $result.Seconds, $result.Status))
    if (@($result.Rows).Count) {
        $md.Add('')
        $md.Add('| figure | value | baseline (same run) | vs baseline | target | met | runs | baseline runs |')
        $md.Add('| --- | ---: | --- | --- | --- | --- | --- | --- |')
        foreach ($row in $result.Rows) {
            $runs = (@($row.Samples) | ForEach-Object { ([double] $_).ToString('0.#', [Globalization.CultureInfo]::InvariantCulture) }) -join ', '
            $baselineRuns = (@($row.BaselineSamples) | ForEach-Object { ([double] $_).ToString('0.#', [Globalization.CultureInfo]::InvariantCulture) }) -join ', '
            $baseline = if ($row.Baseline) { '{0} = {1}' -f $row.Baseline, (Format-Number $row.BaselineValue $row.Unit) } else { '' }
            $md.Add("| $(Format-Cell $row.Figure) | $(Format-Number $row.Value $row.Unit) | $(Format-Cell $baseline) | $(Format-Cell $row.Comparison) | $(Format-Cell $row.Target) | $(Format-Met $row.Met) | $runs | $baselineRuns |")
        }
    }
    if ($result.Note) {
        $md.Add('')
        $label = if ($result.Status -eq 'Measured') { '**Note (why it misses, what would close it):**' } else { '**Note:**' }
        $md.Add("$label $($result.Note)")
    }
    # Details are paragraphs, except consecutive table lines, which stay together.
    $details = @($result.Details)
    for ($i = 0; $i -lt $details.Count; $i++) {
        $isTable = $details[$i] -like '|*'
        if (-not ($isTable -and $i -gt 0 -and $details[$i - 1] -like '|*')) { $md.Add('') }
        if ($details[$i]) { $md.Add($details[$i]) }
    }
}

# What changed each figure is history, not a measurement: it is kept by hand in CHANGES.md and carried into the results.
$changes = Join-Path $PSScriptRoot 'CHANGES.md'
if (Test-Path -LiteralPath $changes) {
    $md.Add('')
    foreach ($line in Get-Content -LiteralPath $changes) { $md.Add($line) }
}

if ($writeResults) {
    Set-Content -LiteralPath $ResultsPath -Value $md -Encoding utf8
    Write-Host "Results written to $ResultsPath"
}

$broken = @($results | Where-Object Status -EQ 'Error')
if ($broken) {
    Write-Host "Benchmark scripts that failed: $(($broken | ForEach-Object Script) -join ', ')" -ForegroundColor Red
    exit 1
}
exit 0
