<#
.SYNOPSIS
    Benchmark 4: peak memory growth of the process while `Set-ProfileBanner` uploads a 5 MB image to the loopback X API
    emulator, against the same upload done the way a script does it without the module: `Invoke-RestMethod` with a
    base64 form body (`banner=<base64>`, form-urlencoded, signed including the form parameter by the baseline's own
    OAuth 1.0a signer, bench/Bench.OAuth1Signer.cs: the module's signer is internal and has no form path). Each measurement runs in a fresh pwsh (bench/Bench.UploadMemory.ps1), after a warm-up upload of a
    small file in that process.
    Target: growth at most 1.5x the file size; at least 3x less than the baseline.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,
    [string] $ArtifactsPath,
    [int] $Runs = 5,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 1 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Set-ProfileBanner of a 5 MB image: peak memory growth'
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Set-ProfileBanner') -or -not $EmulatorPath) {
    return New-NotMeasuredResult -Number 4 -Title $title -Needs 'Set-ProfileBanner and the X API emulator (-EmulatorPath)'
}
. (Initialize-BenchEmulator -EmulatorPath $EmulatorPath)
if (-not $ArtifactsPath) { $ArtifactsPath = [IO.Path]::GetTempPath() }
$work = Join-Path $ArtifactsPath 'bench4'
if (Test-Path -LiteralPath $work) { Remove-Item -LiteralPath $work -Recurse -Force }
$null = New-Item -ItemType Directory -Path $work

# The largest banner both the module and the X API take: 5 MiB exactly, a valid PNG. The warm-up file is small.
$fileBytes = 5MB
$file = New-TestImageFile -Path (Join-Path $work 'banner-5mb.png') -Bytes $fileBytes
$warmUp = New-TestImageFile -Path (Join-Path $work 'banner-warm-up.png') -Bytes 64KB

# The sampler every case process loads: a background thread reading the process's working set and private bytes.
$samplerPath = Join-Path $work 'MemorySampler.dll'
Add-Type -OutputAssembly $samplerPath -OutputType Library -TypeDefinition @'
using System;
using System.Diagnostics;
using System.Threading;

namespace ProfileMediaBench
{
    public sealed class MemorySampler : IDisposable
    {
        private readonly object _gate = new object();
        private readonly Thread _thread;
        private readonly int _intervalMs;
        private volatile bool _stop;
        private long _peakWorkingSet;
        private long _peakPrivate;
        private int _samples;

        public MemorySampler(int intervalMs)
        {
            _intervalMs = intervalMs;
            _thread = new Thread(Run) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "MemorySampler" };
            _thread.Start();
        }

        public long PeakWorkingSet { get { lock (_gate) { return _peakWorkingSet; } } }
        public long PeakPrivate { get { lock (_gate) { return _peakPrivate; } } }
        public int Samples { get { lock (_gate) { return _samples; } } }

        public static void Read(out long workingSet, out long privateBytes)
        {
            using (Process process = Process.GetCurrentProcess())
            {
                workingSet = process.WorkingSet64;
                privateBytes = process.PrivateMemorySize64;
            }
        }

        // Forgets the peaks so far and starts again from the current values.
        public void Reset()
        {
            lock (_gate)
            {
                _peakWorkingSet = 0;
                _peakPrivate = 0;
                _samples = 0;
            }

            Sample();
        }

        // Stops sampling after one last sample.
        public void Stop()
        {
            if (!_stop)
            {
                _stop = true;
                _thread.Join();
                Sample();
            }
        }

        public void Dispose()
        {
            Stop();
        }

        private void Sample()
        {
            long workingSet, privateBytes;
            Read(out workingSet, out privateBytes);
            lock (_gate)
            {
                _peakWorkingSet = Math.Max(_peakWorkingSet, workingSet);
                _peakPrivate = Math.Max(_peakPrivate, privateBytes);
                _samples++;
            }
        }

        private void Run()
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(_intervalMs);
            }
        }
    }
}
'@

# The baseline's signer, compiled once for every case process.
$signerPath = Join-Path $work 'BaselineOAuth1Signer.dll'
Add-Type -Path (Join-Path $PSScriptRoot 'Bench.OAuth1Signer.cs') -OutputAssembly $signerPath -OutputType Library

$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 0
try {
    $emulatorJson = Join-Path $work 'emulator.json'
    [ordered]@{ apiV1Uri = (Get-BenchApiV1Uri $emulator.BaseUri).AbsoluteUri; accounts = $emulator.Accounts } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $emulatorJson -Encoding utf8

    $launch = Get-PwshLaunch
    $caseScript = Join-Path $PSScriptRoot 'Bench.UploadMemory.ps1'
    function Invoke-Case([string] $Case, [int] $Run) {
        $resultPath = Join-Path $work "$Case-$Run.json"
        $arguments = @($launch.Arguments) + @('-NoProfile', '-NonInteractive', '-File', $caseScript, '-Case', $Case, '-ModulePath', $ModulePath,
            '-SamplerPath', $samplerPath, '-SignerPath', $signerPath, '-EmulatorJson', $emulatorJson, '-WarmUpFile', $warmUp.FullName, '-File', $file.FullName, '-ResultPath', $resultPath)
        $output = & $launch.FilePath @arguments 2>&1
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $resultPath)) { throw "The $Case case exited with $LASTEXITCODE`: $($output -join ' ')" }
        Get-Content -LiteralPath $resultPath -Raw | ConvertFrom-Json
    }

    $results = @{ Module = [Collections.Generic.List[object]]::new(); RestMethod = [Collections.Generic.List[object]]::new() }
    for ($run = 1; $run -le $Runs; $run++) {
        # Alternate which case goes first, so drift on a shared machine hits both alike.
        $order = if ($run % 2) { 'Module', 'RestMethod' } else { 'RestMethod', 'Module' }
        foreach ($case in $order) {
            Clear-EmulatorRequest $emulator
            $result = Invoke-Case $case $run
            # The emulator must have taken every upload: two warm-ups and the measured one, each 201, the last one the whole file.
            $uploads = @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -like '/1.1/account/update_profile_banner.json*' })
            if ($uploads.Count -ne 3 -or @($uploads | Where-Object status -NE 201).Count) { throw "The $case case made $($uploads.Count) uploads, statuses $(($uploads.status) -join ', ')." }
            if ($uploads[-1].contentLength -lt $fileBytes) { throw "The $case case's upload carried $($uploads[-1].contentLength) bytes for a $fileBytes-byte file." }
            $result | Add-Member -NotePropertyName BodyBytes -NotePropertyValue $uploads[-1].contentLength
            $results[$case].Add($result)
        }
        $m = $results.Module[-1]; $r = $results.RestMethod[-1]
        Write-Host ('  run {0}/{1}: Set-ProfileBanner +{2:0.0} MiB working set ({3:0.0} MiB allocated), Invoke-RestMethod +{4:0.0} MiB ({5:0.0} MiB allocated)' -f $run, $Runs,
            ($m.WorkingSetGrowth / 1MB), ($m.AllocatedBytes / 1MB), ($r.WorkingSetGrowth / 1MB), ($r.AllocatedBytes / 1MB))
    }
}
finally {
    Stop-ProfileMediaEmulator $emulator
}

function Get-CaseMedian([string] $Case, [string] $Property) { Get-Median ([double[]] @($results[$Case] | ForEach-Object { $_.$Property / 1MB })) }
function Get-CaseSamples([string] $Case, [string] $Property) { [double[]] @($results[$Case] | ForEach-Object { [math]::Round($_.$Property / 1MB, 2) }) }

function Format-Less([double] $Value, [double] $Baseline) {
    if ($Value -le 0 -or $Baseline -le 0) { return '' }
    if ($Value -lt $Baseline) { return '{0:0.###}x ({1:0}x less)' -f ($Value / $Baseline), ($Baseline / $Value) }
    return '{0:0.##}x' -f ($Value / $Baseline)
}

$fileMiB = $fileBytes / 1MB
$module = Get-CaseMedian Module WorkingSetGrowth
$restMethod = Get-CaseMedian RestMethod WorkingSetGrowth
$modulePrivate = Get-CaseMedian Module PrivateGrowth
$restMethodPrivate = Get-CaseMedian RestMethod PrivateGrowth
$moduleAllocated = Get-CaseMedian Module AllocatedBytes
$restMethodAllocated = Get-CaseMedian RestMethod AllocatedBytes
$figure = 'Set-ProfileBanner, 5 MiB file: peak working-set growth'
$rows = @(
    New-BenchRow -Figure $figure -Value $module -Unit 'MiB' -Baseline 'the file''s size' -BaselineValue $fileMiB `
        -Comparison ('{0:0.00}x the file' -f ($module / $fileMiB)) -Target 'at most 1.5x the file size' -Met ($module -le 1.5 * $fileMiB) `
        -Samples (Get-CaseSamples Module WorkingSetGrowth)
    New-BenchRow -Figure $figure -Value $module -Unit 'MiB' -Baseline 'Invoke-RestMethod, base64 form body' -BaselineValue $restMethod `
        -Comparison (Format-Less $module $restMethod) -Target 'at least 3x less than the baseline' -Met ($module * 3 -le $restMethod) `
        -Samples (Get-CaseSamples Module WorkingSetGrowth) -BaselineSamples (Get-CaseSamples RestMethod WorkingSetGrowth)
    New-BenchRow -Figure 'peak private-bytes growth (informational)' -Value $modulePrivate -Unit 'MiB' -Baseline 'Invoke-RestMethod' -BaselineValue $restMethodPrivate `
        -Comparison (Format-Less $modulePrivate $restMethodPrivate) `
        -Samples (Get-CaseSamples Module PrivateGrowth) -BaselineSamples (Get-CaseSamples RestMethod PrivateGrowth)
    New-BenchRow -Figure 'bytes allocated on the GC heap during the upload (informational)' -Value $moduleAllocated -Unit 'MiB' -Baseline 'Invoke-RestMethod' -BaselineValue $restMethodAllocated `
        -Comparison (Format-Less $moduleAllocated $restMethodAllocated) `
        -Samples (Get-CaseSamples Module AllocatedBytes) -BaselineSamples (Get-CaseSamples RestMethod AllocatedBytes)
)

$note = ''
if ($module -gt 1.5 * $fileMiB -or $module * 3 -gt $restMethod) {
    $note = ('Set-ProfileBanner grew the working set by {0:0.0} MiB for a {1:0.0} MiB file ({2:0.0} MiB allocated on the GC heap), against {3:0.0} MiB for the base64 upload. ' -f $module, $fileMiB, $moduleAllocated, $restMethod)
    if ($moduleAllocated -ge $fileMiB) {
        $note += 'The allocations are as large as the file, so the body is being buffered in memory: with a StreamContent inside MultipartFormDataContent this happens when the request has no Content-Length (a part whose length cannot be computed) and the handler buffers to compute it, or when the content is read into a MemoryStream (LoadIntoBufferAsync, ReadAsByteArrayAsync) for a retry or a debug dump. Sending the file part as a StreamContent over a seekable FileStream, never buffered, with the length computed from the parts, would close it.'
    }
    else {
        $note += 'The GC heap barely grew, so the growth is outside it: native buffers, thread stacks or pages of the file mapped into the process.'
    }
}

$kernelModule = @($results.Module | Where-Object { $null -ne $_.KernelPeakGrowth })
$kernelRestMethod = @($results.RestMethod | Where-Object { $null -ne $_.KernelPeakGrowth })
$details = @(
    ('Medians of {0} runs per case. Each run of a case is a fresh `pwsh -NoProfile` ([Bench.UploadMemory.ps1](Bench.UploadMemory.ps1)) that imports the module, uploads a 64 KiB warm-up banner twice the same way (JIT, first calls, the connection), collects garbage, then uploads the {1:N0}-byte PNG (5 MiB, the largest banner the X API takes; `New-TestImageFile` pads a 1x1 PNG with a private chunk of zeros, whose base64 has no characters form encoding expands, so a real photo would make the baseline''s body a few percent larger, not smaller) while a background thread samples the process''s working set and private bytes every 5 ms; the figure is the highest sample minus the value just before the upload. The cases alternate which goes first. The emulator (`--processing-delay-ms 0`) runs as its own process and checks each upload: three `update_profile_banner` calls per run, each answered 201, the last carrying the whole file.' -f $Runs, $fileBytes)
    ('Module: `Set-ProfileBanner -LiteralPath <file>` connected as EmulatedUser (a multipart body with the file streamed in one part; the request carried {0:N0} bytes). Baseline: `[Convert]::ToBase64String([IO.File]::ReadAllBytes($path))`, an OAuth 1.0a signature over the query and the form parameter by the baseline''s own signer ([Bench.OAuth1Signer.cs](Bench.OAuth1Signer.cs), compiled C#), then `Invoke-RestMethod -Method Post -Body @{{ banner = $base64 }}` (form-urlencoded; the request carried {1:N0} bytes).' -f
        $results.Module[-1].BodyBytes, $results.RestMethod[-1].BodyBytes)
    ('Per run, module: working set +{0} MiB, private bytes +{1} MiB, allocated {2} MiB; baseline: working set +{3} MiB, private bytes +{4} MiB, allocated {5} MiB. Samples per upload: module {6}, baseline {7}; upload time: module {8:0} ms, baseline {9:0} ms (medians).' -f
        ((Get-CaseSamples Module WorkingSetGrowth) -join ', '), ((Get-CaseSamples Module PrivateGrowth) -join ', '), ((Get-CaseSamples Module AllocatedBytes) -join ', '),
        ((Get-CaseSamples RestMethod WorkingSetGrowth) -join ', '), ((Get-CaseSamples RestMethod PrivateGrowth) -join ', '), ((Get-CaseSamples RestMethod AllocatedBytes) -join ', '),
        (($results.Module | ForEach-Object Samples) -join ', '), (($results.RestMethod | ForEach-Object Samples) -join ', '),
        (Get-Median ([double[]] @($results.Module | ForEach-Object Milliseconds))), (Get-Median ([double[]] @($results.RestMethod | ForEach-Object Milliseconds))))
)
if ($kernelModule.Count -and $kernelRestMethod.Count) {
    $details += ('Cross-check from the kernel (Linux VmHWM, the exact peak resident set, reset through /proc/self/clear_refs just before the upload): module +{0:0.0} MiB, baseline +{1:0.0} MiB (medians), against the sampled +{2:0.0} and +{3:0.0} MiB.' -f
        (Get-Median ([double[]] @($kernelModule | ForEach-Object { $_.KernelPeakGrowth / 1MB }))), (Get-Median ([double[]] @($kernelRestMethod | ForEach-Object { $_.KernelPeakGrowth / 1MB }))), $module, $restMethod)
}
Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
New-BenchResult -Number 4 -Title $title -Rows $rows -Note $note -Details $details
