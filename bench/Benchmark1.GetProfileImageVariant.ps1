<#
.SYNOPSIS
    Benchmark 1: `$urls | Get-ProfileImageVariant -Size bigger` over 100,000 URL strings, against (a) a compiled no-op
    cmdlet that outputs each input string (the pipeline's own floor) and (b) a PowerShell advanced function that makes
    the same objects with -replace and [pscustomobject]; (c), informational, is a minimal compiled cmdlet doing the same
    work. All run in this process, interleaved, after a warm-up that also checks they agree.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $ArtifactsPath,
    [int] $Count = 100000,
    [int] $Runs = 5,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Count = 10000; $Runs = 1 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
if (-not $ArtifactsPath) { $ArtifactsPath = [IO.Path]::GetTempPath() }

Import-Module $ModulePath -Force

# Baseline (a): the floor. Binds each pipeline string to a string[] parameter, as the module's -Url does, and writes
# it back out; everything the real cmdlet costs above this is its own.
# Reference (c), informational: the least a compiled cmdlet can do for the same output (one parameter set, parse, the
# variant URL, one ProfileImageVariant per URL), to split a miss into the work itself and the module's overhead. The
# core's URL rules are internal since issue 10, so (c) reaches them through MinimalVariant in
# bench/ProfileMedia.Benchmarks (InProcess/), loaded here bound to the module's own ProfileMedia.Core.
$null = Get-ProfileImageVariant -Url 'https://pbs.twimg.com/profile_images/1/x_normal.jpg' # loads ProfileMedia.Core
$corePath = Join-Path (Split-Path (Get-Module ProfileMedia).Path) 'bin/net8.0/ProfileMedia.Core.dll'
$benchmarksPath = Import-BenchmarksAssembly -ArtifactsPath $ArtifactsPath
# The core is built for net8.0 and pwsh runs on a newer .NET: its System.Runtime 8.0 reference unifies with the
# running one, which the compiler notes as warning CS1701; nothing else is silenced.
Add-Type -ReferencedAssemblies $corePath, $benchmarksPath, ([psobject].Assembly.Location), 'netstandard', 'System.Runtime' -CompilerOptions '/nowarn:CS1701' -TypeDefinition @'
using System.Management.Automation;
using ProfileMedia;
using ProfileMedia.Benchmarks.InProcess;

namespace ProfileMediaBench
{
    [Cmdlet(VerbsDiagnostic.Test, "NoOpPipeline")]
    public sealed class TestNoOpPipelineCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public string[] Url { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string url in Url)
            {
                WriteObject(url);
            }
        }
    }

    [Cmdlet(VerbsDiagnostic.Test, "MinimalVariant")]
    public sealed class TestMinimalVariantCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public string[] Url { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string value in Url)
            {
                ProfileImageVariant variant = MinimalVariant.Bigger(value);
                if (variant != null)
                {
                    WriteObject(variant);
                }
            }
        }
    }
}
'@
Import-Module -Assembly ([ProfileMediaBench.TestNoOpPipelineCommand].Assembly)

# Baseline (b): what a script module would do. Same output properties as ProfileMedia.ProfileImageVariant.
function Get-ProfileImageVariantScript {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)] [string[]] $Url,
        [ValidateSet('mini', 'normal', 'bigger', '200x200', '400x400', 'original')] [string[]] $Size = @('mini', 'normal', 'bigger', '200x200', '400x400', 'original'),
        [switch] $Https
    )
    begin {
        $sides = @{ mini = 24; normal = 48; bigger = 73; '200x200' = 200; '400x400' = 400; original = $null }
        # The last segment's marker (if any) before its extension; anchored, so -replace makes exactly one change.
        $pattern = '^([^?#]*/[^/?#]+?)(?:_(?:mini|normal|bigger|200x200|400x400))?(\.[^./?#]*)?(?=[?#]|$)'
    }
    process {
        foreach ($u in $Url) {
            $isDefault = $u -match '/default_profile_images/[^/]*$'
            $source = if ($Https -and $u -like 'http://*') { 'https://' + $u.Substring(7) } else { $u }
            foreach ($s in $Size) {
                $marker = if ($s -eq 'original') { '' } else { "_$s" }
                [pscustomobject]@{
                    Size           = $s
                    Width          = $sides[$s]
                    Height         = $sides[$s]
                    Url            = $source -replace $pattern, ('${1}' + $marker + '${2}')
                    IsDefaultImage = $isDefault
                    SourceUrl      = $u
                    ScreenName     = $null
                    UserId         = $null
                }
            }
        }
    }
}

# 100,000 distinct strings in the shapes X hands out, mostly profile_image_url (_normal), fixed seed.
$random = [Random]::new(6)
$list = [Collections.Generic.List[string]]::new($Count)
for ($i = 0; $i -lt $Count; $i++) {
    $id = [string] $random.NextInt64(1000000000000000000, [long]::MaxValue)
    $name = -join [char[]] (1..8 | ForEach-Object { 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[$random.Next(62)] })
    $roll = $random.Next(100)
    $url = switch ($roll) {
        { $_ -lt 70 } { "https://pbs.twimg.com/profile_images/$id/${name}_normal.jpg"; break }
        { $_ -lt 80 } { "https://pbs.twimg.com/profile_images/$id/${name}_normal.png"; break }
        { $_ -lt 85 } { "https://pbs.twimg.com/profile_images/$id/${name}_400x400.jpg"; break }
        { $_ -lt 90 } { "http://pbs.twimg.com/profile_images/$id/${name}_normal.jpeg"; break }
        { $_ -lt 95 } { "http://a0.twimg.com/profile_images/$($id.Substring(0, 10))/image_normal"; break }
        default { 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' }
    }
    $list.Add([string]::new($url.ToCharArray()))
}
$urls = $list.ToArray()

# Output goes to the pipeline's null sink (`> $null`). `$null = ...` would first collect every output into a list,
# keeping 100,000 objects alive through each gen0 collection: a cost of the harness, not of the command.
$cases = [ordered]@{
    module   = { param($u) $u | Get-ProfileImageVariant -Size bigger > $null }
    noop     = { param($u) $u | Test-NoOpPipeline > $null }
    minimal  = { param($u) $u | Test-MinimalVariant > $null }
    function = { param($u) $u | Get-ProfileImageVariantScript -Size bigger > $null }
}

# One timed run; also records the bytes allocated per URL and the gen0 collections, which explain most differences.
$allocated = @{}
$collections = @{}
$pauses = @{}
function Measure-Case([string] $Name) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $bytes = [GC]::GetTotalAllocatedBytes($true)
    $gen0 = [GC]::CollectionCount(0)
    $pause = [GC]::GetTotalPauseDuration()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $cases[$Name] $urls
    $watch.Stop()
    $allocated[$Name] = ([GC]::GetTotalAllocatedBytes($true) - $bytes) / $urls.Count
    $collections[$Name] = [GC]::CollectionCount(0) - $gen0
    $pauses[$Name] = ([GC]::GetTotalPauseDuration() - $pause).TotalMilliseconds
    $watch.Elapsed.TotalMilliseconds
}

# Warm-up, which also checks the baselines: every case outputs one object per URL, and (b) the module's URLs.
Write-Host "  warm-up and output check over $($urls.Count) URLs"
$moduleOut = $urls | Get-ProfileImageVariant -Size bigger
$noopOut = $urls | Test-NoOpPipeline
$minimalOut = $urls | Test-MinimalVariant
$functionOut = $urls | Get-ProfileImageVariantScript -Size bigger
foreach ($out in $moduleOut, $noopOut, $minimalOut, $functionOut) {
    if ($out.Count -ne $urls.Count) { throw "A case output $($out.Count) objects for $($urls.Count) URLs." }
}
for ($i = 0; $i -lt $urls.Count; $i++) {
    $m = $moduleOut[$i]
    foreach ($other in $functionOut[$i], $minimalOut[$i]) {
        if ($m.Url -ne $other.Url -or $m.Width -ne $other.Width -or $m.IsDefaultImage -ne $other.IsDefaultImage -or $m.SourceUrl -ne $other.SourceUrl) {
            throw "A baseline disagrees with the module for '$($urls[$i])': '$($other.Url)' vs '$($m.Url)'."
        }
    }
}
$moduleOut = $noopOut = $minimalOut = $functionOut = $null

$samples = @{}
foreach ($name in $cases.Keys) { $samples[$name] = [Collections.Generic.List[double]]::new() }
$keys = @($cases.Keys)
for ($run = 1; $run -le $Runs; $run++) {
    # Rotate the order each run: later cases in a round run on a bigger heap, so a fixed order would favour one case.
    foreach ($name in (0..($keys.Count - 1) | ForEach-Object { $keys[($_ + $run) % $keys.Count] })) { $samples[$name].Add((Measure-Case $name)) }
    Write-Host ('  run {0}/{1}: module {2:0} ms, no-op {3:0} ms, minimal {4:0} ms, function {5:0} ms' -f $run, $Runs, $samples.module[-1], $samples.noop[-1], $samples.minimal[-1], $samples.function[-1])
}

$module = Get-Median $samples.module
$noop = Get-Median $samples.noop
$minimal = Get-Median $samples.minimal
$function = Get-Median $samples.function
$figure = "``Get-ProfileImageVariant -Size bigger``, $($urls.Count.ToString('N0')) URLs piped"
$rows = @(
    New-BenchRow -Figure $figure -Value $module -Unit 'ms' -Baseline '(a) compiled no-op cmdlet' -BaselineValue $noop `
        -Target 'within 1.3x of (a)' -Met ($module -le 1.3 * $noop) -Samples $samples.module -BaselineSamples $samples.noop
    New-BenchRow -Figure $figure -Value $module -Unit 'ms' -Baseline '(b) advanced function, -replace + [pscustomobject]' -BaselineValue $function `
        -Target 'at least 5x faster than (b)' -Met ($module * 5 -le $function) -Samples $samples.module -BaselineSamples $samples.function
    New-BenchRow -Figure '(c) minimal compiled cmdlet doing the same work (informational)' -Value $minimal -Unit 'ms' -Baseline '(a) compiled no-op cmdlet' -BaselineValue $noop `
        -Samples $samples.minimal -BaselineSamples $samples.noop
)

$note = ''
if ($module -gt 1.3 * $noop) {
    $gap = $module - $noop
    $workShare = [math]::Max(0.0, [math]::Min(1.0, ($minimal - $noop) / $gap))
    $note = ('{0:0} ms is {1:0.00}x the no-op floor ({2:0} ms). A minimal compiled cmdlet that does the same work (one parameter set; parse, variant URL and one ProfileImageVariant per URL) takes {3:0} ms, {4:0.00}x the floor: {5:0}% of the gap is the work every implementation must do, {6:0}% is the module''s own overhead. ' -f `
            $module, ($module / $noop), $noop, $minimal, ($minimal / $noop), (100 * $workShare), (100 * (1 - $workShare)))
    $note += ('Bytes allocated per URL (no-op, minimal, module): {0:0}, {1:0}, {2:0}; gen0 collections per run: {3}, {4}, {5}, pausing {6:0}, {7:0}, {8:0} ms. Most of the work''s cost is allocation: a new URL string and an output object per input. ' -f `
            $allocated.noop, $allocated.minimal, $allocated.module, $collections.noop, $collections.minimal, $collections.module, $pauses.noop, $pauses.minimal, $pauses.module)
    if ($minimal -gt 1.3 * $noop) {
        $note += 'Since even the minimal cmdlet misses 1.3x here, trimming the module''s overhead alone cannot meet the target on this machine; only producing less per URL would (for example computing ProfileImageVariant.Url on first read instead of eagerly), or a target stated against (c). '
    }
    $note += 'The module''s own overhead over (c), found when this benchmark was written with copies of the cmdlet (noisy, approximate): binding each pipeline string also tries the UserObject (by property name) and Variant parameter sets, +144 B per URL and about 10-15 ms per 100,000 URLs (a copy with the Url set alone was that much faster); the [UrlTransformation] attribute runs on every binding, a few ms; and WriteVariants iterates IReadOnlyList<ProfileImageSize> with foreach, boxing an enumerator per URL (+40 B, no visible time). To close that part: bind user objects and variants without extra pipeline parameter sets on the URL path (e.g. one ValueFromPipeline object parameter dispatched by type in ProcessRecord), and loop over a ProfileImageSize[] with for.'
}

$details = @(
    "Medians of $Runs runs per case, interleaved in one pwsh after a warm-up run; each run pipes all $($urls.Count.ToString('N0')) strings and discards the output in the pipeline (```$urls | ... > `$null``)."
    ('Per URL: module {0:0.00} us, (a) no-op {1:0.00} us, (c) minimal {2:0.00} us, (b) function {3:0.00} us. Last run: bytes allocated per URL module {4:0}, no-op {5:0}, minimal {6:0}, function {7:0}; gen0 collections {8}, {9}, {10}, {11}; GC pause {12:0}, {13:0}, {14:0}, {15:0} ms.' -f `
        ($module * 1000 / $urls.Count), ($noop * 1000 / $urls.Count), ($minimal * 1000 / $urls.Count), ($function * 1000 / $urls.Count), $allocated.module, $allocated.noop, $allocated.minimal, $allocated.function,
        $collections.module, $collections.noop, $collections.minimal, $collections.function, $pauses.module, $pauses.noop, $pauses.minimal, $pauses.function)
    'Inputs: 70% pbs `_normal.jpg`, 10% `_normal.png`, 5% `_400x400.jpg`, 5% http `_normal.jpeg`, 5% extensionless a0 `image_normal`, 5% the default image; fixed seed.'
)
New-BenchResult -Number 1 -Title 'Get-ProfileImageVariant pipeline throughput' -Rows $rows -Note $note -Details $details
