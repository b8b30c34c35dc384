<#
.SYNOPSIS
    Benchmark 5: `$variants | Save-ProfileMedia` of 1,000 variant files (500 users' 400x400 picture and 1500x500
    banner) from the loopback X API emulator, against (a) a sequential `Invoke-WebRequest -OutFile` loop and (b) a
    plain C# loop with one HttpClient, a SemaphoreSlim at the same concurrency (8, the -ThrottleLimit default) and a
    FileStream per file: the floor. (c), informational, drives the module's own core (MediaSaver over MediaDownloader)
    from C# with no cmdlet around it, to split a gap between the cmdlet layer and the download code.
    Targets, against what a user feels (bench/CHANGES.md): with the media server answering each file after 50 ms (the
    emulator's slow fault, as a real CDN answers), within 1.15x of the ideal files x latency / ThrottleLimit, and at
    least 6x faster than (a) under the same latency. The loopback figures (no latency) stay beside them as information.
.NOTES
    The folders are on a RAM-backed file system (/dev/shm) when there is one: on the virtual disks benchmarks often run
    on, creating a file costs 0.3-1 ms and varies several-fold with other tenants' load, which would bury the
    difference between implementations under the disk's own time and noise. The module and (b) are also timed on the
    artifacts disk, informational, to show what the disk adds.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,
    [string] $ArtifactsPath,
    [int] $Users = 500,
    [int] $Runs = 7,
    # Runs of the latency cases (each about 13 s: the module over 1,000 files, (a) over its first 100).
    [int] $LatencyRuns = 3,
    [int] $LatencyMs = 50,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 1; $LatencyRuns = 1 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Save-ProfileMedia of 1,000 variant files'
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Save-ProfileMedia') -or -not $EmulatorPath) {
    return New-NotMeasuredResult -Number 5 -Title $title -Needs 'Save-ProfileMedia and the X API emulator (-EmulatorPath)'
}
. (Initialize-BenchEmulator -EmulatorPath $EmulatorPath)
Import-Module $ModulePath -Force
if (-not $ArtifactsPath) { $ArtifactsPath = [IO.Path]::GetTempPath() }
$diskWork = Join-Path $ArtifactsPath 'bench5'
$ramWork = if ($IsLinux -and (Test-Path -LiteralPath '/dev/shm' -PathType Container)) { "/dev/shm/profilemedia-bench5-$PID" } else { $null }
foreach ($folder in $diskWork, $ramWork) {
    if ($folder -and (Test-Path -LiteralPath $folder)) { Remove-Item -LiteralPath $folder -Recurse -Force }
    if ($folder) { $null = New-Item -ItemType Directory -Path $folder }
}
$work = if ($ramWork) { $ramWork } else { $diskWork }
$workKind = if ($ramWork) { 'RAM-backed /dev/shm (tmpfs)' } else { 'the artifacts folder' }
$concurrency = 8 # Save-ProfileMedia's -ThrottleLimit default, left as it is

Add-Type -ReferencedAssemblies ([psobject].Assembly.Location), 'System.Net.Http', 'System.Net.Primitives', 'System.Collections', 'System.Threading', 'netstandard', 'System.Runtime' -TypeDefinition @'
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMediaBench
{
    // (b) The floor: what a plain C# program does to download a list of URLs into files, N at a time.
    public static class PlainDownloader
    {
        public static long DownloadAll(string[] urls, string folder, string[] names, int concurrency)
        {
            var paths = new string[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                paths[i] = Path.Combine(folder, names[i]);
            }

            using (var http = new HttpClient())
            {
                return DownloadAllAsync(http, urls, paths, concurrency).GetAwaiter().GetResult();
            }
        }

        private static async Task<long> DownloadAllAsync(HttpClient http, string[] urls, string[] paths, int concurrency)
        {
            using (var gate = new SemaphoreSlim(concurrency))
            {
                var tasks = new Task<long>[urls.Length];
                for (int i = 0; i < urls.Length; i++)
                {
                    tasks[i] = DownloadOneAsync(http, gate, urls[i], paths[i]);
                }

                long total = 0;
                foreach (long bytes in await Task.WhenAll(tasks).ConfigureAwait(false))
                {
                    total += bytes;
                }

                return total;
            }
        }

        private static async Task<long> DownloadOneAsync(HttpClient http, SemaphoreSlim gate, string url, string path)
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                using (HttpResponseMessage response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false))
                {
                    response.EnsureSuccessStatusCode();
                    using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    {
                        await response.Content.CopyToAsync(file).ConfigureAwait(false);
                        return file.Length;
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    // The cost of what Save-ProfileMedia does per saved file to make its output: the provider's Get-Item
    // (InvokeProvider.Item.Get, literal, forced), against building the same FileInfo PSObject with the provider's notes.
    public static class OutputCost
    {
        public static double ProviderGetMicroseconds(System.Management.Automation.ProviderIntrinsics provider, string[] paths)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (string path in paths)
            {
                provider.Item.Get(new[] { path }, true, true);
            }

            return watch.Elapsed.TotalMilliseconds * 1000 / paths.Length;
        }

        public static double DirectMicroseconds(string[] paths, System.Management.Automation.ProviderInfo fileSystem, System.Management.Automation.PSDriveInfo drive)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            string prefix = fileSystem.ModuleName + "\\" + fileSystem.Name + "::";
            foreach (string path in paths)
            {
                var info = new FileInfo(path);
                var item = System.Management.Automation.PSObject.AsPSObject(info);
                item.Properties.Add(new System.Management.Automation.PSNoteProperty("PSPath", prefix + info.FullName));
                item.Properties.Add(new System.Management.Automation.PSNoteProperty("PSParentPath", prefix + info.DirectoryName));
                item.Properties.Add(new System.Management.Automation.PSNoteProperty("PSChildName", info.Name));
                item.Properties.Add(new System.Management.Automation.PSNoteProperty("PSDrive", drive));
                item.Properties.Add(new System.Management.Automation.PSNoteProperty("PSProvider", fileSystem));
                item.Properties.Add(new System.Management.Automation.PSNoteProperty("PSIsContainer", false));
            }

            return watch.Elapsed.TotalMilliseconds * 1000 / paths.Length;
        }
    }
}
'@

$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 0 -ExtraUsers $Users -RateLimit 1000000
try {
    $null = Connect-EmulatorAccount $emulator
    # The variants, built once and untimed: each user's 400x400 picture and 1500x500 banner.
    $profiles = @(1..$Users | ForEach-Object { 'user{0:0000}' -f $_ } | Get-ProfileUser)
    $variants = @($profiles | Get-ProfileImageVariant -Size 400x400) + @($profiles | Get-ProfileBanner -Size 1500x500)
    if ($variants.Count -ne 2 * $Users) { throw "Expected $(2 * $Users) variants, got $($variants.Count)." }
    $urls = [string[]] $variants.Url
    # The baselines name each file as the module does (screen name, then the size), so the folders can be compared.
    $names = [string[]] ($variants | ForEach-Object { if ($_ -is [ProfileMedia.ProfileImageVariant]) { "$($_.ScreenName)_$($_.Size).png" } else { "$($_.ScreenName)_banner_$($_.Name).png" } })
    # (c) drives the core's MediaSaver, internal since issue 10: it is CoreSaver in bench/ProfileMedia.Benchmarks
    # (InProcess/), loaded here bound to the module's own ProfileMedia.Core (loaded by the commands above).
    $null = Import-BenchmarksAssembly -ArtifactsPath $ArtifactsPath
    $coreSaver = [ProfileMedia.Benchmarks.InProcess.CoreSaver]::new([object[]] @($variants | ForEach-Object { $_.PSObject.BaseObject }))

    $script:folderNumber = 0
    function New-EmptyFolder([string] $Case, [string] $Root = $work) {
        $script:folderNumber++
        $path = Join-Path $Root ('{0}-{1:000}' -f $Case, $script:folderNumber)
        (New-Item -ItemType Directory -Path $path).FullName
    }
    function Invoke-WebRequestLoop([string] $Folder, [int] $First) {
        for ($i = 0; $i -lt $First; $i++) {
            Invoke-WebRequest -Uri $urls[$i] -OutFile (Join-Path $Folder $names[$i])
        }
    }

    $cases = [ordered]@{
        module = { param($folder) $variants | Save-ProfileMedia -Destination $folder > $null }
        floor  = { param($folder) $null = [ProfileMediaBench.PlainDownloader]::DownloadAll($urls, $folder, $names, $concurrency) }
        core   = { param($folder) $null = $coreSaver.SaveAll($folder, $concurrency) }
        iwr    = { param($folder) Invoke-WebRequestLoop $folder $script:iwrCount }
    }

    # Each folder's files as name=length, sorted; and the bytes of every file, to compare cases.
    function Get-FolderSignature([string] $Folder) {
        $files = @(Get-ChildItem -LiteralPath $Folder -File -Force)
        $hasher = [Security.Cryptography.IncrementalHash]::CreateHash('SHA256')
        foreach ($file in $files | Sort-Object Name) { $hasher.AppendData([Text.Encoding]::UTF8.GetBytes($file.Name)); $hasher.AppendData([IO.File]::ReadAllBytes($file.FullName)) }
        [pscustomobject]@{ Count = $files.Count; Bytes = ($files | Measure-Object Length -Sum).Sum; Hash = [Convert]::ToHexString($hasher.GetHashAndReset()) }
    }

    # Warm-up: the floor first, untimed, so the emulator renders and caches every image before any case is timed; then
    # each case once, checked to write the same files with the same bytes. Invoke-WebRequest is timed over a first
    # 100 files to decide whether all 1,000 can be timed in each run (under 60 s) or a fixed first 200, scaled up.
    Write-Host "  warm-up: emulator media cache, then each case once over $($urls.Count) files"
    $null = [ProfileMediaBench.PlainDownloader]::DownloadAll($urls, (New-EmptyFolder 'cache'), $names, $concurrency)
    $signatures = [ordered]@{}
    $warmFolders = @{}
    foreach ($name in 'module', 'floor', 'core') {
        $folder = $warmFolders[$name] = New-EmptyFolder $name
        & $cases[$name] $folder
        $signatures[$name] = Get-FolderSignature $folder
    }
    $probe = New-EmptyFolder 'iwr'
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Invoke-WebRequestLoop $probe 100
    $watch.Stop()
    $estimate = $watch.Elapsed.TotalSeconds * $urls.Count / 100
    $script:iwrCount = if ($estimate -gt 60) { 200 } else { $urls.Count }
    $iwrScale = $urls.Count / $script:iwrCount
    $folder = New-EmptyFolder 'iwr'
    & $cases.iwr $folder
    $signatures['iwr'] = Get-FolderSignature $folder
    if ($script:iwrCount -lt $urls.Count) {
        # The subset's files must match the module's same files.
        $subset = New-EmptyFolder 'module-subset'
        foreach ($file in Get-ChildItem -LiteralPath $folder) { Copy-Item -LiteralPath (Join-Path $warmFolders.module $file.Name) -Destination $subset }
        $signatures['module-subset'] = Get-FolderSignature $subset
    }
    foreach ($name in 'floor', 'core') {
        if ($signatures[$name].Hash -ne $signatures.module.Hash -or $signatures[$name].Count -ne $urls.Count) {
            throw "Case $name wrote $($signatures[$name].Count) files ($($signatures[$name].Bytes) bytes) that differ from the module's $($signatures.module.Count) ($($signatures.module.Bytes) bytes)."
        }
    }
    $iwrReference = if ($script:iwrCount -lt $urls.Count) { $signatures['module-subset'] } else { $signatures.module }
    if ($signatures.iwr.Hash -ne $iwrReference.Hash) { throw 'The Invoke-WebRequest loop wrote files that differ from the module''s.' }
    # What making each output object costs is measured in each run, over the files the module just saved.
    $fileSystem = Get-PSProvider FileSystem
    $drive = (Get-Item -LiteralPath $warmFolders.module).PSDrive
    $providerPasses = [Collections.Generic.List[double]]::new()
    $directPasses = [Collections.Generic.List[double]]::new()
    Remove-Item -LiteralPath $work -Recurse -Force
    $null = New-Item -ItemType Directory -Path $work
    Write-Host ('  Invoke-WebRequest: {0:0.0} ms per file over the first 100, so {1} files timed per run' -f ($watch.Elapsed.TotalMilliseconds / 100), $script:iwrCount)

    $samples = @{}
    foreach ($name in $cases.Keys) { $samples[$name] = [Collections.Generic.List[double]]::new() }
    $diskSamples = @{ module = [Collections.Generic.List[double]]::new(); floor = [Collections.Generic.List[double]]::new() }
    $keys = @($cases.Keys)
    for ($run = 1; $run -le $Runs; $run++) {
        foreach ($name in (0..($keys.Count - 1) | ForEach-Object { $keys[($_ + $run) % $keys.Count] })) {
            $folder = New-EmptyFolder $name
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $cases[$name] $folder
            $watch.Stop()
            $written = @(Get-ChildItem -LiteralPath $folder -File -Force).Count
            $expected = if ($name -eq 'iwr') { $script:iwrCount } else { $urls.Count }
            if ($written -ne $expected) { throw "Case $name wrote $written files, expected $expected." }
            $elapsed = $watch.Elapsed.TotalMilliseconds
            if ($name -eq 'iwr') { $elapsed *= $iwrScale }
            $samples[$name].Add($elapsed)
            if ($name -eq 'module') {
                $savedPaths = [string[]] (Get-ChildItem -LiteralPath $folder -File).FullName
                $providerPasses.Add([ProfileMediaBench.OutputCost]::ProviderGetMicroseconds($ExecutionContext.InvokeProvider, $savedPaths))
                $directPasses.Add([ProfileMediaBench.OutputCost]::DirectMicroseconds($savedPaths, $fileSystem, $drive))
            }
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
        Write-Host ('  run {0}/{1}: module {2:0} ms, (a) Invoke-WebRequest {3:0} ms, (b) C# floor {4:0} ms, (c) module core from C# {5:0} ms' -f $run, $Runs,
            $samples.module[-1], $samples.iwr[-1], $samples.floor[-1], $samples.core[-1])
        if ($ramWork) {
            # Informational: the module and (b) writing to the artifacts disk instead.
            foreach ($name in @(if ($run % 2) { 'module', 'floor' } else { 'floor', 'module' })) {
                $folder = New-EmptyFolder $name $diskWork
                [GC]::Collect(); [GC]::WaitForPendingFinalizers()
                $watch = [Diagnostics.Stopwatch]::StartNew()
                & $cases[$name] $folder
                $watch.Stop()
                if (@(Get-ChildItem -LiteralPath $folder -File -Force).Count -ne $urls.Count) { throw "Case $name wrote the wrong number of files on disk." }
                $diskSamples[$name].Add($watch.Elapsed.TotalMilliseconds)
                Remove-Item -LiteralPath $folder -Recurse -Force
            }
            Write-Host ('             on the artifacts disk: module {0:0} ms, (b) C# floor {1:0} ms' -f $diskSamples.module[-1], $diskSamples.floor[-1])
        }
    }

    # What a user feels: every file answered after $LatencyMs ms by the media host (the emulator's slow fault, one use
    # per request), so the time is dominated by waiting, as against a real CDN, and concurrency is what matters.
    $latencySamples = @{ module = [Collections.Generic.List[double]]::new(); iwr = [Collections.Generic.List[double]]::new() }
    $iwrLatencyCount = 100
    function Invoke-WithLatency([int] $Requests, [scriptblock] $Case, [string] $Folder) {
        Clear-EmulatorFault $emulator
        Add-EmulatorFault $emulator @{ pathPrefix = '/profile_'; kind = 'slow'; delayMs = $LatencyMs; count = $Requests }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & $Case $Folder
        $watch.Stop()
        $left = @(Get-EmulatorFault $emulator)
        Clear-EmulatorFault $emulator
        if ($left.Count) { throw "The slow fault was not met by every request ($($left[0].count) of $Requests uses left)." }
        $watch.Elapsed.TotalMilliseconds
    }
    for ($run = 1; $run -le $LatencyRuns; $run++) {
        foreach ($name in @(if ($run % 2) { 'module', 'iwr' } else { 'iwr', 'module' })) {
            $folder = New-EmptyFolder "latency-$name"
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            if ($name -eq 'module') {
                $latencySamples.module.Add((Invoke-WithLatency $urls.Count $cases.module $folder))
                if (@(Get-ChildItem -LiteralPath $folder -File -Force).Count -ne $urls.Count) { throw 'Save-ProfileMedia under latency wrote the wrong number of files.' }
            }
            else {
                $elapsed = Invoke-WithLatency $iwrLatencyCount { param($f) Invoke-WebRequestLoop $f $iwrLatencyCount } $folder
                $latencySamples.iwr.Add($elapsed * $urls.Count / $iwrLatencyCount)
            }
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
        Write-Host ('  latency run {0}/{1} ({2} ms per file): module {3:0} ms, (a) Invoke-WebRequest {4:0} ms (first {5} files, scaled)' -f $run, $LatencyRuns, $LatencyMs,
            $latencySamples.module[-1], $latencySamples.iwr[-1], $iwrLatencyCount)
    }
}
finally {
    Stop-ProfileMediaEmulator $emulator
    foreach ($folder in $diskWork, $ramWork) {
        if ($folder -and (Test-Path -LiteralPath $folder)) { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore }
    }
}

$module = Get-Median $samples.module
$providerGet = Get-Median $providerPasses
$directOutput = Get-Median $directPasses
$iwr = Get-Median $samples.iwr
$floor = Get-Median $samples.floor
$coreOnly = Get-Median $samples.core
$count = $urls.Count
$where = if ($ramWork) { ', RAM-backed folder' } else { '' }
$figure = "``Save-ProfileMedia``, $($count.ToString('N0')) files$where"
$iwrName = if ($iwrScale -ne 1) { "(a) sequential Invoke-WebRequest -OutFile ($($script:iwrCount) files timed, x$iwrScale)" } else { '(a) sequential Invoke-WebRequest -OutFile' }
$ideal = $count * $LatencyMs / $concurrency
$latencyModule = Get-Median $latencySamples.module
$latencyIwr = Get-Median $latencySamples.iwr
$latencyFigure = "``Save-ProfileMedia``, $($count.ToString('N0')) files, each answered after $LatencyMs ms"
$rows = @(
    New-BenchRow -Figure $latencyFigure -Value $latencyModule -Unit 'ms' -Baseline "the ideal: files x $LatencyMs ms / ThrottleLimit $concurrency" -BaselineValue $ideal `
        -Target 'within 1.15x of the ideal' -Met ($latencyModule -le 1.15 * $ideal) -Samples $latencySamples.module
    New-BenchRow -Figure $latencyFigure -Value $latencyModule -Unit 'ms' -Baseline "(a) sequential Invoke-WebRequest -OutFile, same latency ($iwrLatencyCount files timed, x$($count / $iwrLatencyCount))" -BaselineValue $latencyIwr `
        -Target 'at least 6x faster than (a)' -Met ($latencyModule * 6 -le $latencyIwr) -Samples $latencySamples.module -BaselineSamples $latencySamples.iwr
    New-BenchRow -Figure "$figure, loopback, no latency (informational)" -Value $module -Unit 'ms' -Baseline $iwrName -BaselineValue $iwr -Samples $samples.module -BaselineSamples $samples.iwr
    New-BenchRow -Figure "$figure, loopback, no latency (informational)" -Value $module -Unit 'ms' -Baseline "(b) C# HttpClient loop, $concurrency at once" -BaselineValue $floor `
        -Samples $samples.module -BaselineSamples $samples.floor
    New-BenchRow -Figure '(c) the module''s MediaSaver driven from C#, no cmdlet, loopback (informational)' -Value $coreOnly -Unit 'ms' -Baseline '(b) C# HttpClient loop' -BaselineValue $floor `
        -Samples $samples.core -BaselineSamples $samples.floor
)
if ($ramWork) {
    $diskModule = Get-Median $diskSamples.module
    $diskFloor = Get-Median $diskSamples.floor
    $rows += New-BenchRow -Figure "``Save-ProfileMedia``, $($count.ToString('N0')) files, on the artifacts disk (informational)" -Value $diskModule -Unit 'ms' `
        -Baseline '(b) C# HttpClient loop, same disk' -BaselineValue $diskFloor -Samples $diskSamples.module -BaselineSamples $diskSamples.floor
}

$note = ''
if ($latencyModule -gt 1.15 * $ideal -or $latencyModule * 6 -gt $latencyIwr) {
    $note = ('Under {0} ms per file, Save-ProfileMedia took {1:0} ms: {2:0.00}x the ideal {3:0} ms (files x latency / {4}) and {5:0.0}x faster than sequential Invoke-WebRequest. With a latency to wait for, time over the ideal is per-file work that does not overlap the waiting: on loopback (no latency) the whole run takes {6:0} ms, (c) the core alone {7:0} ms, and the cmdlet layer''s share of the difference is mostly making each output object on the pipeline thread ({8:0} us per file through the provider).' -f `
            $LatencyMs, $latencyModule, ($latencyModule / $ideal), $ideal, $concurrency, ($latencyIwr / $latencyModule), $module, $coreOnly, $providerGet)
}

$details = @(
    ('Latency cases: medians of {0} runs, alternating which goes first. Before each case a `slow` fault (`delayMs` {1}, one use per request, path prefix `/profile_`) is queued on the emulator, which then holds every media request {1} ms before answering it normally; the run checks every use was met. The ideal is {2:N0} files x {1} ms / {3} at once = {4:N0} ms. (a) is timed over its first {5} files and scaled to {2:N0}; the module saves all {2:N0}.' -f $LatencyRuns, $LatencyMs, $count, $concurrency, $ideal, $iwrLatencyCount)
    ('Loopback cases (no latency, informational): medians of {0} runs per case, interleaved (the order rotates each run) in one pwsh; every run writes into a fresh empty folder on {1}, deleted after the run (untimed). Before timing, the floor downloads everything once so the emulator has rendered and cached every image, and each case runs once: the module, (b) and (c) must write the same {2} files with the same bytes ({3:N0} bytes in all), and (a) the same files it writes.' -f $Runs, $workKind, $count, $signatures.module.Bytes)
    ('Inputs: {0} users of the emulator (`--extra-users {0}`), each user''s 400x400 picture (`Get-ProfileImageVariant -Size 400x400`) and 1500x500 banner (`Get-ProfileBanner -Size 1500x500`): {1} variant objects built once, untimed, and piped to `Save-ProfileMedia -Destination <folder>` (default -ThrottleLimit {2}; connected, so outdated URLs could be refreshed, though none are). Output goes to the null sink.' -f $Users, $count, $concurrency)
    ('(a) `Invoke-WebRequest -Uri $url -OutFile $path` for each file in turn{0}. (b) one `HttpClient` per run, a `SemaphoreSlim({1})`, `GetAsync(ResponseHeadersRead)` and `CopyToAsync` into a `FileStream` per file, compiled with Add-Type. (c) `MediaSaver`/`MediaDownloader` from ProfileMedia.Core set up as Save-ProfileMedia sets them up, all requests started at once from C# (`CoreSaver` in bench/ProfileMedia.Benchmarks, built Release and loaded into the same pwsh, bound to the module''s own ProfileMedia.Core). The module also writes each file to a temporary name and renames it into place, sniffs the image type and checks for an existing file; (b) does none of that.' -f
        $(if ($iwrScale -ne 1) { (': timed over the first {0} files and scaled by {1} (all 1,000 would take over 60 s per run: {2:0.0} ms per file in the warm-up)' -f $script:iwrCount, $iwrScale, ($estimate * 1000 / $count)) } else { (', all {0} files (about {1:0.0} s per run, under the 60 s that would make it time a subset)' -f $count, ($iwr / 1000)) }), $concurrency)
    ('Per file: module {0:0.000} ms, (a) {1:0.000} ms, (b) {2:0.000} ms, (c) {3:0.000} ms. Making the output object (medians over the runs, each over the 1,000 files the module saved in that run): InvokeProvider.Item.Get {4:0} us per file, a FileInfo PSObject with the provider''s six notes built directly {5:0} us.' -f ($module / $count), ($iwr / $count), ($floor / $count), ($coreOnly / $count), $providerGet, $directOutput)
)
if ($ramWork) {
    $details += ('Why RAM-backed: on this machine''s disk every case is dominated by creating files (the disk runs: module {0}; (b) {1} ms), which hides the implementations'' own cost and varies several-fold from run to run with other load; a fast local SSD is closer to the RAM-backed figures. On disk the module is {2:0.00}x (b): it creates a temporary file and renames it, two metadata operations per file to (b)''s one.' -f
        (($diskSamples.module | ForEach-Object { $_.ToString('0') }) -join ', '), (($diskSamples.floor | ForEach-Object { $_.ToString('0') }) -join ', '), ($diskModule / $diskFloor))
}
New-BenchResult -Number 5 -Title $title -Rows $rows -Note $note.Trim() -Details $details
