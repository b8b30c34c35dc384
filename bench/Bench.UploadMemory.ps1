<#
.SYNOPSIS
    One case of benchmark 4, run by Benchmark4.SetProfileBanner.ps1 in a fresh pwsh per run: uploads a warm-up file
    twice, then the measured file once, and writes the process's peak memory growth during the measured upload as JSON.
.DESCRIPTION
    -Case Module   Set-ProfileBanner -LiteralPath <file>, connected to the emulator.
    -Case RestMethod   what a script does without the module: read the file, base64 it, sign the form parameter with its
                   own OAuth 1.0a signer (-SignerPath, compiled from Bench.OAuth1Signer.cs) and send `banner=<base64>`
                   form-urlencoded with Invoke-RestMethod.
    The growth is measured from the process's working set (and private bytes) after a full garbage collection just
    before the upload, against the highest value a background thread sees, sampling every few milliseconds, until the
    upload returns. On Linux the kernel's own peak (VmHWM, reset through /proc/self/clear_refs just before) is read too.
    Not a benchmark of its own: the driver only runs bench/Benchmark<N>.<Name>.ps1.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Module', 'RestMethod')] [string] $Case,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SamplerPath,
    [Parameter(Mandatory)] [string] $SignerPath,
    [Parameter(Mandatory)] [string] $EmulatorJson,
    [Parameter(Mandatory)] [string] $WarmUpFile,
    [Parameter(Mandatory)] [string] $File,
    [Parameter(Mandatory)] [string] $ResultPath,
    [int] $IntervalMs = 5
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Add-Type -Path $SamplerPath
$emulator = Get-Content -LiteralPath $EmulatorJson -Raw | ConvertFrom-Json
$account = $emulator.accounts | Where-Object screenName -EQ 'EmulatedUser'

if ($Case -eq 'Module') {
    $null = Connect-ProfileMedia -ApiBaseUri $emulator.apiV1Uri -ConsumerKey $account.consumerKey `
        -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) `
        -AccessToken $account.accessToken -AccessTokenSecret (ConvertTo-SecureString $account.accessTokenSecret -AsPlainText -Force) -PassThru
    function Send-Banner([string] $Path) {
        Set-ProfileBanner -LiteralPath $Path -Confirm:$false
    }
}
else {
    Add-Type -Path $SignerPath
    $signer = [ProfileMediaBench.BaselineOAuth1Signer]::new($account.consumerKey, $account.consumerSecret, $account.accessToken, $account.accessTokenSecret)
    $uri = [uri]::new([uri] $emulator.apiV1Uri, 'account/update_profile_banner.json')
    # The way a script uploads without the module: the whole file as base64 in a form body, whose parameter the
    # signature covers (the X API takes `banner` base64-encoded, form-urlencoded).
    function Send-Banner([string] $Path) {
        $base64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes($Path))
        $form = [Collections.Generic.Dictionary[string, string]]::new()
        $form['banner'] = $base64
        $authorization = $signer.Sign('POST', $uri, $form)
        $null = Invoke-RestMethod -Method Post -Uri $uri -Headers @{ Authorization = $authorization } -Body @{ banner = $base64 } -StatusCodeVariable status
        if ($status -ne 201) { throw "update_profile_banner answered $status." }
    }
}

function Read-KernelPeak {
    if (-not (Test-Path -LiteralPath '/proc/self/status')) { return $null }
    $line = [IO.File]::ReadAllLines('/proc/self/status') | Where-Object { $_ -like 'VmHWM:*' }
    if ($line -match '(\d+)\s*kB') { return [long] $Matches[1] * 1024 }
    return $null
}

function Reset-KernelPeak {
    # Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0+); false when that is not possible.
    try { [IO.File]::WriteAllText('/proc/self/clear_refs', '5'); return $true } catch { return $false }
}

# Warm-up: the same code path twice with a small file, so JIT, first-call and connection costs are not counted.
Send-Banner $WarmUpFile
Send-Banner $WarmUpFile

$workingSetBefore = 0L
$privateBefore = 0L
$sampler = [ProfileMediaBench.MemorySampler]::new($IntervalMs)
try {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    Start-Sleep -Milliseconds 200
    [ProfileMediaBench.MemorySampler]::Read([ref] $workingSetBefore, [ref] $privateBefore)
    $kernelReset = Reset-KernelPeak
    $kernelBefore = Read-KernelPeak
    $allocatedBefore = [GC]::GetTotalAllocatedBytes($true)
    $sampler.Reset()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Send-Banner $File
    $watch.Stop()
    $sampler.Stop()
    $allocated = [GC]::GetTotalAllocatedBytes($true) - $allocatedBefore
    $kernelPeak = Read-KernelPeak
}
finally {
    $sampler.Dispose()
}

[ordered]@{
    Case                = $Case
    FileBytes           = (Get-Item -LiteralPath $File).Length
    WorkingSetBefore    = $workingSetBefore
    PeakWorkingSet      = $sampler.PeakWorkingSet
    WorkingSetGrowth    = $sampler.PeakWorkingSet - $workingSetBefore
    PrivateBefore       = $privateBefore
    PeakPrivate         = $sampler.PeakPrivate
    PrivateGrowth       = $sampler.PeakPrivate - $privateBefore
    KernelPeakGrowth    = if ($kernelReset -and $null -ne $kernelPeak) { $kernelPeak - $kernelBefore } else { $null }
    AllocatedBytes      = $allocated
    Samples             = $sampler.Samples
    Milliseconds        = $watch.Elapsed.TotalMilliseconds
} | ConvertTo-Json | Set-Content -LiteralPath $ResultPath -Encoding utf8
