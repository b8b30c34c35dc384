<#
.SYNOPSIS
    Benchmark 7: ProfileMedia.Core's JsonReader on three one-megabyte inputs (an array of users/show bodies, a string
    full of escapes, a huge number and a 50,000-member object), against System.Text.Json's JsonDocument.Parse on the
    same bytes in the same process. Moved from the xunit JsonReaderPerformanceTests, whose wall-clock limits made a
    test depend on the machine's load: here it is a figure and a ratio, never a failure.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepoRoot,
    [int] $Runs = 15,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 3 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'JsonReader on 1 MB inputs'
$corePath = Join-Path (Split-Path $ModulePath) 'bin/net8.0/ProfileMedia.Core.dll'
$core = [System.Reflection.Assembly]::LoadFrom($corePath)
# By reflection, so the benchmark does not depend on whether the reader is public.
$reader = $core.GetType('ProfileMedia.Core.Json.JsonReader', $true)
$parse = $reader.GetMethod('Parse', [System.Reflection.BindingFlags] 'Static, Public, NonPublic', $null, [type[]] @([byte[]], [int], [int]), $null)
if (-not $parse) { return New-NotMeasuredResult -Number 7 -Title $title -Needs 'JsonReader.Parse(byte[], int, int) in ProfileMedia.Core' }

$oneMegabyte = 1 -shl 20
$user = (Get-Content -LiteralPath (Join-Path $RepoRoot 'tests/data/users-show.json') -Raw).Trim()
$users = [Text.StringBuilder]::new('[')
while ($users.Length -lt $oneMegabyte) { $null = $users.Append($(if ($users.Length -gt 1) { ',' } else { '' })).Append($user) }
$members = [Text.StringBuilder]::new('{')
for ($i = 0; $i -lt 50000; $i++) { $null = $members.Append($(if ($i) { ',' } else { '' })).Append('"m').Append($i).Append('":').Append($i) }
$inputs = [ordered]@{
    'users/show bodies, in an array' = $users.Append(']').ToString()
    'one string of escapes'          = '"' + ('\u00e9\n\"a' * [math]::Floor($oneMegabyte / 12)) + '"'
    'a 50,000-member object'         = $members.Append('}').ToString()
}

$rows = [Collections.Generic.List[object]]::new()
$details = [Collections.Generic.List[string]]::new()
foreach ($entry in $inputs.GetEnumerator()) {
    $bytes = [Text.Encoding]::UTF8.GetBytes($entry.Value)
    $arguments = [object[]] @($bytes, 0, $bytes.Length)
    # Warm-up, which also checks both parse the input.
    $null = $parse.Invoke($null, $arguments)
    ([System.Text.Json.JsonDocument]::Parse([ReadOnlyMemory[byte]] $bytes)).Dispose()
    $ours = [Collections.Generic.List[double]]::new()
    $theirs = [Collections.Generic.List[double]]::new()
    for ($run = 0; $run -lt $Runs; $run++) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = $parse.Invoke($null, $arguments)
        $ours.Add($clock.Elapsed.TotalMilliseconds)
        $clock.Restart()
        $document = [System.Text.Json.JsonDocument]::Parse([ReadOnlyMemory[byte]] $bytes)
        $theirs.Add($clock.Elapsed.TotalMilliseconds)
        $document.Dispose()
    }
    $rows.Add((New-BenchRow -Figure ("JsonReader, {0} ({1:N0} bytes)" -f $entry.Key, $bytes.Length) -Value (Get-Median $ours) -Unit 'ms' `
                -Baseline 'System.Text.Json JsonDocument.Parse, same bytes' -BaselineValue (Get-Median $theirs) -Samples $ours -BaselineSamples $theirs))
}
$details.Add("Medians of $Runs runs per input, each run parsing the same UTF-8 bytes with both readers in turn, after one warm-up parse each. The users/show body is tests/data/users-show.json. No target: the figure shows that parsing stays linear and in the same range as the framework's reader; the former test failed above 2 s.")

New-BenchResult -Number 7 -Title $title -Rows $rows -Details $details
