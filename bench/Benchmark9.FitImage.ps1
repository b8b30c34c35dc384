<#
.SYNOPSIS
    Benchmark 9 (issue 14): a 12-megapixel JPEG prepared as a 400x400 avatar and as a 1500x500 banner by the module's
    imaging core, against ImageMagick's `convert` with the same crop, resize and quality; and the peak memory of a
    50-megapixel JPEG against the size of its full bitmap.
.DESCRIPTION
    Every measurement is a fresh process started by `ProfileMedia.FitBench measure`, which reports the child's wall
    time and its peak resident memory (getrusage RUSAGE_CHILDREN, so nothing is sampled and no peak is missed). The
    module's side is `ProfileMedia.FitBench fit` (ImageFitter.FitFile in a plain .NET process: the .NET runtime's own
    start-up and memory are included). ImageMagick is `convert IN -crop <our crop> +repage -resize WxH -strip
    -quality 90 OUT`, the crop box taken from the module's own run so both keep the same pixels. This script installs
    nothing: without an ImageMagick `convert` (Debian: apt-get install imagemagick) the baseline is reported missing.
#>
param(
    [Parameter(Mandatory)] [string] $ArtifactsPath,
    [Parameter(Mandatory)] [string] $RepoRoot,
    [int] $Runs = 5,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 1 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$work = Join-Path $ArtifactsPath 'fit'
$null = New-Item -ItemType Directory -Path $work -Force
Write-Host '  building bench/ProfileMedia.FitBench'
& dotnet build (Join-Path $RepoRoot 'bench/ProfileMedia.FitBench/ProfileMedia.FitBench.csproj') -c Release --artifacts-path (Join-Path $ArtifactsPath 'fitbench') --nologo --verbosity quiet '-clp:NoSummary' | Out-Host
if ($LASTEXITCODE -ne 0) { throw 'bench/ProfileMedia.FitBench did not build.' }
$fitBench = Join-Path $ArtifactsPath 'fitbench/bin/ProfileMedia.FitBench/release/ProfileMedia.FitBench.dll'
$dotnet = (Get-Command dotnet).Source

function Invoke-FitBench([string[]] $Arguments) {
    $text = & $dotnet $fitBench @Arguments
    if ($LASTEXITCODE -ne 0) { throw "ProfileMedia.FitBench $($Arguments -join ' ') exited with $LASTEXITCODE." }
    $text
}

# One fresh process, measured from outside: wall ms, peak KiB, and what it printed.
function Measure-Process([string] $Command, [string[]] $Arguments) {
    Invoke-FitBench (@('measure', '--', $Command) + $Arguments) | ConvertFrom-Json
}

# Memory ratios read as "less", not "faster".
function Get-MemoryComparison([double] $Value, [double] $Baseline) {
    if ($Value -le $Baseline) { '{0:0.###}x ({1:0.#}x less)' -f ($Value / $Baseline), ($Baseline / $Value) } else { '{0:0.##}x (more)' -f ($Value / $Baseline) }
}

$photo12 = Join-Path $work 'photo-12mp.jpg'
$photo50 = Join-Path $work 'photo-50mp.jpg'
if (-not (Test-Path -LiteralPath $photo12)) { Write-Host '  generating a 4000x3000 JPEG'; $null = Invoke-FitBench @('generate', $photo12, '4000', '3000') }
if (-not (Test-Path -LiteralPath $photo50)) { Write-Host '  generating an 8660x5774 JPEG'; $null = Invoke-FitBench @('generate', $photo50, '8660', '5774') }

# ImageMagick only when `convert -version` says so: another program called convert is not a baseline. A script
# standing in front of it (a wrapper in /usr/local/bin, say) would add its own interpreter's start-up and memory to
# the baseline, so the first candidate that is a native program is measured: convert, or Debian's convert-im6.q16.
$convert = $null
$magickVersion = $null
foreach ($candidate in @(Get-Command convert, convert-im6.q16, convert-im6 -CommandType Application -All -ErrorAction Ignore)) {
    $head = [byte[]]::new(2)
    $stream = [IO.File]::OpenRead($candidate.Source)
    try { $null = $stream.Read($head, 0, 2) } finally { $stream.Dispose() }
    if ($head[0] -eq 0x23 -and $head[1] -eq 0x21) { continue } # '#!': a script, not the program
    $version = & $candidate.Source -version 2>$null | Select-Object -First 1
    if ($version -match 'ImageMagick') { $convert = $candidate; $magickVersion = $version; break }
}
$haveMagick = $null -ne $convert

$targets = [ordered]@{ avatar = @(400, 400); banner = @(1500, 500) }
$rows = [Collections.Generic.List[object]]::new()
$details = [Collections.Generic.List[string]]::new()
$missed = [Collections.Generic.List[string]]::new()
foreach ($kind in $targets.Keys) {
    $size = '{0}x{1}' -f $targets[$kind][0], $targets[$kind][1]
    $ours = Join-Path $work "ours-$kind.jpg"
    $theirs = Join-Path $work "magick-$kind.jpg"
    $fitArgs = @($fitBench, 'fit', $photo12, $kind, $ours)
    $warm = Measure-Process $dotnet $fitArgs
    $crop = $warm.output.crop
    $magickArgs = @($photo12, '-crop', $crop, '+repage', '-resize', $size, '-strip', '-quality', '90', $theirs)
    if ($haveMagick) { $null = Measure-Process $convert.Source $magickArgs }

    $time = [Collections.Generic.List[double]]::new(); $peak = [Collections.Generic.List[double]]::new(); $inside = [Collections.Generic.List[double]]::new()
    $magickTime = [Collections.Generic.List[double]]::new(); $magickPeak = [Collections.Generic.List[double]]::new()
    for ($run = 1; $run -le $Runs; $run++) {
        # Alternate which goes first, so drift on a shared machine hits both.
        $order = if ($run % 2) { 'ours', 'magick' } else { 'magick', 'ours' }
        foreach ($who in $order) {
            if ($who -eq 'ours') {
                $m = Measure-Process $dotnet $fitArgs
                $time.Add($m.ms); $peak.Add($m.peakKiB / 1024); $inside.Add($m.output.ms)
            }
            elseif ($haveMagick) {
                $m = Measure-Process $convert.Source $magickArgs
                if ($m.exitCode -ne 0) { throw "convert exited with $($m.exitCode)." }
                $magickTime.Add($m.ms); $magickPeak.Add($m.peakKiB / 1024)
            }
        }
        Write-Host ('  {0} run {1}/{2}: ProfileMedia {3:0} ms {4:0} MiB{5}' -f $kind, $run, $Runs, $time[-1], $peak[-1],
            $(if ($haveMagick) { ('; ImageMagick {0:0} ms {1:0} MiB' -f $magickTime[-1], $magickPeak[-1]) } else { '' }))
    }

    $t = Get-Median $time; $p = Get-Median $peak
    $mt = if ($haveMagick) { Get-Median $magickTime } else { $null }
    $mp = if ($haveMagick) { Get-Median $magickPeak } else { $null }
    $rows.Add((New-BenchRow -Figure "12 MP JPEG to a $size $kind, wall time of a fresh process" -Value $t -Unit 'ms' `
                -Baseline $(if ($haveMagick) { 'ImageMagick convert, same crop, resize, quality' } else { 'ImageMagick: missing' }) -BaselineValue $mt `
                -Target 'no slower than ImageMagick' -Met $(if ($haveMagick) { $t -le $mt } else { $null }) -Samples $time -BaselineSamples $magickTime))
    $rows.Add((New-BenchRow -Figure "12 MP JPEG to a $size $kind, peak resident memory" -Value $p -Unit 'MiB' `
                -Baseline $(if ($haveMagick) { 'ImageMagick convert' } else { 'ImageMagick: missing' }) -BaselineValue $mp -Comparison $(if ($haveMagick) { Get-MemoryComparison $p $mp }) `
                -Target 'at most ImageMagick''s peak' -Met $(if ($haveMagick) { $p -le $mp } else { $null }) -Samples $peak -BaselineSamples $magickPeak))
    $rows.Add((New-BenchRow -Figure "12 MP JPEG to a $size $kind, the preparation alone timed inside the process (informational)" -Value (Get-Median $inside) -Unit 'ms' -Samples $inside))
    $details.Add(('{0}: crop {1}, decoded at {2}, output {3}x{4}, quality {5}, {6:N0} bytes (ImageMagick''s file: {7}).' -f $kind, $crop, $warm.output.decoded,
            $warm.output.width, $warm.output.height, $warm.output.quality, $warm.output.bytes,
            $(if ($haveMagick -and (Test-Path -LiteralPath $theirs)) { '{0:N0} bytes' -f (Get-Item -LiteralPath $theirs).Length } else { 'none' })))
    if ($haveMagick -and $t -gt $mt) { $missed.Add("the $kind is slower than ImageMagick") }
    if ($haveMagick -and $p -gt $mp) { $missed.Add("the $kind peaks above ImageMagick") }
}

# A 50-megapixel JPEG: decoded at a reduced scale, so the peak stays well under its full RGBA bitmap.
$big = [Collections.Generic.List[double]]::new()
$bigOutput = $null
for ($run = 1; $run -le [Math]::Max(1, [Math]::Min($Runs, 3)); $run++) {
    $m = Measure-Process $dotnet @($fitBench, 'fit', $photo50, 'avatar', (Join-Path $work 'ours-50mp.jpg'))
    $big.Add($m.peakKiB / 1024); $bigOutput = $m.output
}
$fullBitmap = 8660.0 * 5774 * 4 / 1MB
$bigPeak = Get-Median $big
$rows.Add((New-BenchRow -Figure '50 MP JPEG (8660x5774) to an avatar, peak resident memory of the whole process' -Value $bigPeak -Unit 'MiB' `
            -Baseline 'its full RGBA bitmap alone' -BaselineValue $fullBitmap -Comparison (Get-MemoryComparison $bigPeak $fullBitmap) -Target 'well under the full bitmap' -Met ($bigPeak -le $fullBitmap / 2) -Samples $big))
$details.Add(('50 MP: decoded at {0} instead of 8660x5774; crop {1}.' -f $bigOutput.decoded, $bigOutput.crop))

# A 36-megapixel PNG (issue 17: 542 MB in 0.2.0): PNG has no scaled decode, so it is decoded whole (at most 40 MP), and
# the bound is that bitmap plus the scaling steps: the crop is a view of it, not a copy, and no image copy is made.
$png36 = Join-Path $work 'photo-36mp.png'
if (-not (Test-Path -LiteralPath $png36)) { Write-Host '  generating a 7350x4900 PNG'; $null = Invoke-FitBench @('generate', $png36, '7350', '4900') }
$pngPeaks = [Collections.Generic.List[double]]::new()
for ($run = 1; $run -le [Math]::Max(1, [Math]::Min($Runs, 3)); $run++) {
    $m = Measure-Process $dotnet @($fitBench, 'fit', $png36, 'avatar', (Join-Path $work 'ours-36mp-png.jpg'))
    $pngPeaks.Add($m.peakKiB / 1024)
}
$pngBitmap = 7350.0 * 4900 * 4 / 1MB
$pngFile = (Get-Item -LiteralPath $png36).Length / 1MB
$pngPeak = Get-Median $pngPeaks
# The stated bound (ConvertTo-ProfileImage help): the full bitmap, plus the file (mapped, so its pages count), plus a
# quarter of the crop for the first halving, plus the runtime; 64 MiB covers the last two here.
$pngBound = $pngBitmap + $pngFile + 64
$rows.Add((New-BenchRow -Figure '36 MP PNG (7350x4900) to an avatar, peak resident memory of the whole process' -Value $pngPeak -Unit 'MiB' `
            -Baseline 'its full RGBA bitmap alone' -BaselineValue $pngBitmap -Comparison (Get-MemoryComparison $pngPeak $pngBitmap) `
            -Target ('within the stated bound: bitmap + file ({0:0} MiB) + 64 MiB = {1:0} MiB (0.2.0: 542 MB)' -f $pngFile, $pngBound) -Met ($pngPeak -le $pngBound) -Samples $pngPeaks))
$rows.Add((New-BenchRow -Figure '36 MP PNG against the 50 MP JPEG of this run, peak resident memory' -Value $pngPeak -Unit 'MiB' `
            -Baseline '50 MP JPEG to an avatar (scaled decode)' -BaselineValue $bigPeak -Comparison (Get-MemoryComparison $pngPeak $bigPeak) -Samples $pngPeaks -BaselineSamples $big))
$details.Add("Medians of $Runs fresh processes per case, alternating which goes first, after one warm-up each. Peak memory is the child's ru_maxrss. The module's side includes the .NET runtime (start-up and its own memory); ImageMagick is a native program.")
$details.Add($(if ($haveMagick) { "Baseline: ``$($convert.Source)``, $magickVersion." } else { 'Baseline missing: no `convert` whose -version says ImageMagick (Debian: apt-get install imagemagick).' }))

$note = if ($missed.Count) { 'Missed: ' + ($missed -join '; ') + '.' } elseif (-not $haveMagick) { 'ImageMagick is not installed, so the baseline rows are missing; install it (apt-get install imagemagick) and run again.' } else { '' }
New-BenchResult -Number 9 -Title 'Fit a photo for upload (ImageMagick baseline)' -Rows $rows -Note $note -Details $details
