<#
.SYNOPSIS
    Benchmark 6: `$names | Get-ProfileUser` for 500 users against the loopback X API emulator, against a loop of
    Invoke-RestMethod calls to the same users/show URLs, each signed by the baseline's own compiled OAuth 1.0a signer
    (bench/Bench.OAuth1Signer.cs; the module's is internal). Also counts the TCP connections the emulator saw in each
    timed run (its request log's connectionId).
    Target: no slower than the baseline; connection reuse visible (one TCP connection, or a few).
.NOTES
    (c), informational, is the same Invoke-RestMethod loop sharing one -WebSession, which PowerShell 7.4+ uses to keep
    one HttpClient (and so its connections) across calls: what a peer who knows about it would write.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,
    [int] $Count = 500,
    [int] $Runs = 9,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 1 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Get-ProfileUser of 500 users, piped'
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Get-ProfileUser') -or -not $EmulatorPath) {
    return New-NotMeasuredResult -Number 6 -Title $title -Needs 'Get-ProfileUser and the X API emulator (-EmulatorPath)'
}
. (Initialize-BenchEmulator -EmulatorPath $EmulatorPath)
Import-Module $ModulePath -Force

# A rate limit far above the calls made here (the default 900 per window would stop the third run). Where the emulator
# models X's access levels (the v2 change; pay-per-use by default, where v1.1 user reads answer 453), the loops'
# users/show needs 'enterprise', on which every endpoint answers.
$accessLevel = if ((Get-Command Start-ProfileMediaEmulator).Parameters.ContainsKey('AccessLevel')) { @{ AccessLevel = 'enterprise' } } else { @{} }
$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 0 -ExtraUsers $Count -RateLimit 1000000 @accessLevel
try {
    # The v1.1 root (host root + '1.1/'), given explicitly: Connect-ProfileMedia takes it as it is now and after the
    # v2 change (where -ApiBaseUri is the host root and a value ending in /1.1/ means its root).
    $base = (Get-BenchApiV1Uri $emulator.BaseUri).AbsoluteUri
    $account = Get-EmulatorAccount $emulator
    $null = Connect-ProfileMedia -ApiBaseUri $base -ConsumerKey $account.consumerKey `
        -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) `
        -AccessToken $account.accessToken -AccessTokenSecret (ConvertTo-SecureString $account.accessTokenSecret -AsPlainText -Force)
    $names = [string[]] (1..$Count | ForEach-Object { 'user{0:0000}' -f $_ })

    # The baselines sign with their own compiled OAuth 1.0a signer, written from the RFC (the module's is internal
    # since issue 10): what a peer calling the API without the module writes. The emulator checks every signature.
    Add-Type -Path (Join-Path $PSScriptRoot 'Bench.OAuth1Signer.cs')
    $signer = [ProfileMediaBench.BaselineOAuth1Signer]::new($account.consumerKey, $account.consumerSecret, $account.accessToken, $account.accessTokenSecret)

    $cases = [ordered]@{
        module  = { param($n) $n | Get-ProfileUser }
        irm     = {
            param($n)
            foreach ($name in $n) {
                $uri = [uri] "${base}users/show.json?screen_name=$name"
                Invoke-RestMethod -Uri $uri -Headers @{ Authorization = $signer.Sign('GET', $uri, $null) }
            }
        }
        session = {
            param($n)
            $session = [Microsoft.PowerShell.Commands.WebRequestSession]::new()
            foreach ($name in $n) {
                $uri = [uri] "${base}users/show.json?screen_name=$name"
                Invoke-RestMethod -Uri $uri -Headers @{ Authorization = $signer.Sign('GET', $uri, $null) } -WebSession $session
            }
        }
    }

    # Warm-up, which also checks that every case gets the same users, one request each.
    Write-Host "  warm-up and output check over $Count users"
    $moduleOut = @(& $cases.module $names)
    foreach ($name in 'irm', 'session') {
        $out = @(& $cases[$name] $names)
        if ($out.Count -ne $moduleOut.Count -or $moduleOut.Count -ne $Count) { throw "Case $name returned $($out.Count) users, the module $($moduleOut.Count), for $Count names." }
        for ($i = 0; $i -lt $Count; $i++) {
            $m = $moduleOut[$i]; $o = $out[$i]
            if ($m.UserId -ne $o.id_str -or $m.ScreenName -ne $o.screen_name -or $m.ProfileImageUrlHttps -ne $o.profile_image_url_https -or $m.ProfileBannerUrl -ne $o.profile_banner_url) {
                throw "Case $name disagrees with the module for $($names[$i])."
            }
        }
    }
    $moduleOut = $out = $null
    # A second untimed pass of each, so tiered JIT has settled before the first timed run.
    foreach ($name in $cases.Keys) { & $cases[$name] $names > $null }

    $samples = @{}; $connections = @{}; $requests = @{}
    foreach ($name in $cases.Keys) {
        $samples[$name] = [Collections.Generic.List[double]]::new(); $connections[$name] = [Collections.Generic.List[double]]::new(); $requests[$name] = [Collections.Generic.List[double]]::new()
    }
    $keys = @($cases.Keys)
    for ($run = 1; $run -le $Runs; $run++) {
        foreach ($name in (0..($keys.Count - 1) | ForEach-Object { $keys[($_ + $run) % $keys.Count] })) {
            Clear-EmulatorRequest $emulator
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $cases[$name] $names > $null
            $watch.Stop()
            $log = @(Get-EmulatorRequest $emulator)
            $ok = @($log | Where-Object status -EQ 200).Count
            # The loops send one request per user; the module as many as it needs (one per user through users/show
            # today), every one answered 200.
            if ($ok -ne $log.Count -or ($name -ne 'module' -and $log.Count -ne $Count)) { throw "Case $name made $($log.Count) requests ($ok answered 200) for $Count users." }
            $requests[$name].Add($log.Count)
            $samples[$name].Add($watch.Elapsed.TotalMilliseconds)
            $connections[$name].Add((Get-ConnectionCount $log))
        }
        Write-Host ('  run {0}/{1}: module {2:0} ms ({3} connections), Invoke-RestMethod {4:0} ms ({5}), with -WebSession {6:0} ms ({7})' -f $run, $Runs,
            $samples.module[-1], $connections.module[-1], $samples.irm[-1], $connections.irm[-1], $samples.session[-1], $connections.session[-1])
    }
}
finally {
    Stop-ProfileMediaEmulator $emulator
}

$module = Get-Median $samples.module
$irm = Get-Median $samples.irm
$session = Get-Median $samples.session
$moduleConnections = Get-Median $connections.module
$irmConnections = Get-Median $connections.irm
$sessionConnections = Get-Median $connections.session
$worstModuleConnections = ($connections.module | Measure-Object -Maximum).Maximum
$moduleRequests = Get-Median $requests.module
# Said in the figure when the module batches users (v2 lookups) and so no longer sends one request per user like the loops.
$figure = if ($moduleRequests -eq $Count) { "``Get-ProfileUser``, $Count users piped" } else { "``Get-ProfileUser``, $Count users piped in $moduleRequests requests (the loops: $Count)" }
$rows = @(
    New-BenchRow -Figure $figure -Value $module -Unit 'ms' -Baseline 'Invoke-RestMethod loop, own compiled signer' -BaselineValue $irm `
        -Target 'no slower than the baseline' -Met ($module -le $irm) -Samples $samples.module -BaselineSamples $samples.irm
    New-BenchRow -Figure 'TCP connections the emulator saw per run' -Value $moduleConnections -Unit 'connections' -Baseline 'Invoke-RestMethod loop' -BaselineValue $irmConnections `
        -Comparison ('{0:0} vs {1:0}' -f $moduleConnections, $irmConnections) -Target 'reuse visible: one connection, or a few' -Met ($worstModuleConnections -le 4) `
        -Samples $connections.module -BaselineSamples $connections.irm
    New-BenchRow -Figure '(c) Invoke-RestMethod loop sharing one -WebSession (informational)' -Value $session -Unit 'ms' -Baseline 'module' -BaselineValue $module `
        -Comparison ('{0:0.##}x the module; {1:0} connections' -f ($session / $module), $sessionConnections) -Samples $samples.session -BaselineSamples $samples.module
)

$note = ''
if ($module -gt $irm) {
    $note += ('The module took {0:0} ms against {1:0} ms for the Invoke-RestMethod loop. ' -f $module, $irm)
}
if ($worstModuleConnections -gt 4) {
    $note += ('The module opened up to {0} connections in a run: its HttpClient is not being reused across calls. ' -f $worstModuleConnections)
}

$details = @(
    "Medians of $Runs runs per case, interleaved (the order rotates each run) in one pwsh, after two warm-up runs of each, the first of which checks every case returns the same $Count users (id, screen name, image and banner URLs). The emulator (``--processing-delay-ms 0 --extra-users $Count``, rate limit raised) runs as its own process on the same machine; the module is connected as EmulatedUser."
    ('Per user: module {0:0.00} ms, Invoke-RestMethod {1:0.00} ms, with -WebSession {2:0.00} ms. The loops send {3} signed `GET users/show.json?screen_name=userNNNN` requests, one per user, signed by the baseline''s own OAuth 1.0a signer ([Bench.OAuth1Signer.cs](Bench.OAuth1Signer.cs): compiled C#, HMAC-SHA1, a new nonce per request); the module sent {4} requests per run. Outputs go to the null sink (`> $null`).' -f ($module / $Count), ($irm / $Count), ($session / $Count), $Count, (($requests.module | Sort-Object -Unique) -join ' or '))
    ('Connections: the emulator''s request log is cleared before each timed run and read after it; the count is the number of distinct `connectionId` values (Kestrel''s connection id) among its entries ({0} per run for each loop). Module {1} per run, Invoke-RestMethod {2}, with -WebSession {3}. The module''s connection stays open across runs (one HttpClient per Connect-ProfileMedia), so its warm-up opened it; the plain Invoke-RestMethod loop makes a new HttpClient, and so a new TCP connection, for each call.' -f $Count, ($connections.module -join ', '), ($connections.irm -join ', '), ($connections.session -join ', '))
)
New-BenchResult -Number 6 -Title $title -Rows $rows -Note $note.Trim() -Details $details
