<#
.SYNOPSIS
    Benchmark 8 (issue 11): `Get-ProfileUser` of 10,000 names over the X API v2 against the loopback emulator: requests
    sent and time, beside (a) the v1.1 one-request-per-user path and (b) an Invoke-RestMethod loop over
    /2/users/by/username/:name with the same Bearer token.
    Targets: 100 requests (10,000 / 100 per request), and at least 20x less time than (a).
.NOTES
    (a) is how reads cost before v2 batching: one request per user. It is the module itself, one `Get-ProfileUser
    -ScreenName <name> -ReadApiVersion 1.1` per name (users/lookup with one name, OAuth 1.0a signed), against the emulator
    at the enterprise access level, the only one where v1.1 reads still work.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,
    [int] $Count = 10000,
    [int] $Runs = 2,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 1; $Count = 1000 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Get-ProfileUser of 10,000 names over v2, batched'
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Get-ProfileUser') -or -not $EmulatorPath) {
    return New-NotMeasuredResult -Number 8 -Title $title -Needs 'Get-ProfileUser and the X API emulator (-EmulatorPath)'
}
. (Initialize-BenchEmulator -EmulatorPath $EmulatorPath)
Import-Module $ModulePath -Force
if (-not (Get-Command Get-ProfileUser).Parameters.ContainsKey('ReadApiVersion')) {
    return New-NotMeasuredResult -Number 8 -Title $title -Needs 'Get-ProfileUser -ReadApiVersion (X API v2 reads)'
}

# Enterprise, so that the v1.1 baseline works too; the v2 path is the same at every level. The rate limit is raised far
# above the calls made here.
$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 0 -ExtraUsers $Count -RateLimit 10000000 -AccessLevel enterprise
try {
    $bearer = Connect-EmulatorBearer $emulator
    $userContext = Connect-EmulatorAccount $emulator -Options @{ ReadApiVersion = '1.1' }
    $names = [string[]] (1..$Count | ForEach-Object { 'user{0:0000}' -f $_ })
    $root = $emulator.RootUri.AbsoluteUri
    $authorization = @{ Authorization = 'Bearer ' + $emulator.BearerToken }

    $cases = [ordered]@{
        module = { param($n) $n | Get-ProfileUser -Connection $bearer }
        v1each = { param($n) foreach ($name in $n) { Get-ProfileUser -ScreenName $name -Connection $userContext } }
        irm    = { param($n) foreach ($name in $n) { (Invoke-RestMethod -Uri "${root}2/users/by/username/${name}?user.fields=profile_image_url,profile_banner_url" -Headers $authorization).data } }
    }
    $expected = @{ module = [math]::Ceiling($Count / 100); v1each = $Count; irm = $Count }

    # An untimed run of each over the first 500 names (the per-user cases take minutes over all), which also checks
    # that every case gets the same users in the same order.
    $check = $names[0..([math]::Min($Count, 500) - 1)]
    Write-Host "  warm-up and output check over $($check.Count) names"
    $moduleOut = @(& $cases.module $check)
    foreach ($name in 'v1each', 'irm') {
        $out = @(& $cases[$name] $check)
        if ($out.Count -ne $check.Count -or $moduleOut.Count -ne $check.Count) { throw "Case $name returned $($out.Count) users, the module $($moduleOut.Count), for $($check.Count) names." }
        for ($i = 0; $i -lt $check.Count; $i++) {
            $m = $moduleOut[$i]; $o = $out[$i]
            $id = if ($o.PSObject.Properties['UserId']) { $o.UserId } else { $o.id }
            if ($m.UserId -ne $id) { throw "Case $name disagrees with the module for $($check[$i])." }
        }
    }
    $moduleOut = $out = $null

    $samples = @{}; $requests = @{}
    foreach ($name in $cases.Keys) { $samples[$name] = [Collections.Generic.List[double]]::new(); $requests[$name] = [Collections.Generic.List[double]]::new() }
    $keys = @($cases.Keys)
    for ($run = 1; $run -le $Runs; $run++) {
        foreach ($name in (0..($keys.Count - 1) | ForEach-Object { $keys[($_ + $run) % $keys.Count] })) {
            Clear-EmulatorRequest $emulator
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $cases[$name] $names > $null
            $watch.Stop()
            $log = @(Get-EmulatorRequest $emulator)
            if (@($log | Where-Object status -NE 200).Count) { throw "Case $name had answers other than 200." }
            if ($log.Count -ne $expected[$name]) { throw "Case $name sent $($log.Count) requests for $Count names; expected $($expected[$name])." }
            $samples[$name].Add($watch.Elapsed.TotalMilliseconds)
            $requests[$name].Add($log.Count)
        }
        Write-Host ('  run {0}/{1}: module {2:0} ms ({3} requests), v1.1 per user {4:0} ms ({5}), Invoke-RestMethod loop {6:0} ms ({7})' -f $run, $Runs,
            $samples.module[-1], $requests.module[-1], $samples.v1each[-1], $requests.v1each[-1], $samples.irm[-1], $requests.irm[-1])
    }
}
finally {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}

$module = Get-Median $samples.module
$v1each = Get-Median $samples.v1each
$irm = Get-Median $samples.irm
$sent = Get-Median $requests.module
$figure = "``Get-ProfileUser``, $Count names piped, v2 with a Bearer token"
$rows = @(
    New-BenchRow -Figure "requests sent for $Count names" -Value $sent -Unit 'requests' -Baseline '(a) v1.1, one request per user' -BaselineValue (Get-Median $requests.v1each) `
        -Comparison ('{0:0} vs {1:0}' -f $sent, (Get-Median $requests.v1each)) -Target ('{0} requests ({1} / 100)' -f [math]::Ceiling($Count / 100), $Count) -Met ($sent -le [math]::Ceiling($Count / 100)) `
        -Samples $requests.module -BaselineSamples $requests.v1each
    New-BenchRow -Figure $figure -Value $module -Unit 'ms' -Baseline '(a) v1.1, one Get-ProfileUser per name' -BaselineValue $v1each `
        -Target 'at least 20x less time than (a)' -Met ($v1each / $module -ge 20) -Samples $samples.module -BaselineSamples $samples.v1each
    New-BenchRow -Figure $figure -Value $module -Unit 'ms' -Baseline '(b) Invoke-RestMethod loop over /2/users/by/username' -BaselineValue $irm `
        -Samples $samples.module -BaselineSamples $samples.irm
)

# Each run times the cases back to back, so a run's own ratio is less moved by load that comes and goes between runs.
$pairedRatios = for ($i = 0; $i -lt $samples.module.Count; $i++) { $samples.v1each[$i] / $samples.module[$i] }
$note = ''
if ($v1each / $module -lt 20) { $note += ('The batched path was {0:0.#}x faster than one request per user, short of 20x. ' -f ($v1each / $module)) }

$details = @(
    "Medians of $Runs runs per case (two runs: each run sends 20,100 requests, and the machine is shared), interleaved (the order rotates each run) in one pwsh, after a warm-up run of each over the first 500 names that also checks every case returns the same users in input order. The emulator (``--processing-delay-ms 0 --extra-users $Count --access-level enterprise``, rate limit raised) runs as its own process on the same machine. The module's v2 case uses a Bearer-only connection; (a) an OAuth 1.0a connection with ``-ReadApiVersion 1.1``; (b) the emulator's Bearer token in the header."
    ('Per-run ratio of (a) to the module: {0} (median {1:0.#}x). Load average at the start: {2}.' -f (($pairedRatios | ForEach-Object { '{0:0.#}x' -f $_ }) -join ', '), (Get-Median $pairedRatios),
        $(if (Test-Path -LiteralPath '/proc/loadavg') { ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' ' } else { 'unknown' }))
    ('Per name: module {0:0.000} ms, (a) {1:0.000} ms, (b) {2:0.000} ms. Requests per run: module {3}, (a) {4}, (b) {5} (the emulator''s request log, cleared before each timed run). On pay-per-use each returned user is billed whatever the number of requests; the request count is what the rate limit sees (a 15-minute window allows a few hundred lookups).' -f ($module / $Count), ($v1each / $Count), ($irm / $Count), ($requests.module -join ', '), ($requests.v1each -join ', '), ($requests.irm -join ', '))
)
New-BenchResult -Number 8 -Title $title -Rows $rows -Note $note.Trim() -Details $details
