<#
.SYNOPSIS
    Benchmark 10 (issue 19): `Watch-ProfileMedia | Save-ProfileMedia` while the emulator fires 1,000 image changes for
    1,000 watched users, with 3 forced reconnects: changes per second, the time from the emulator sending a change to
    the change (or its saved file) being written, and nothing lost or duplicated. Baseline, same run: `Save-ProfileMedia`
    of the same 1,000 image URLs piped in directly (no stream), the floor for the saving half.
    Targets: each change written within 100 ms of the emulator sending it; 1,000 saved, none lost, none twice.
.NOTES
    The emulator fires as fast as one control request a change allows (about a millisecond each), so latency includes
    queueing behind the changes before it. Drops are forced after 250, 500 and 750 changes; every reconnect asks for a
    minute of backfill, so the stream replays every earlier change and the watch drops the repeats.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,
    [int] $Count = 1000,
    [int] $Runs = 2,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
if ($Quick) { $Runs = 1; $Count = 200 }
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')

$title = 'Watch-ProfileMedia | Save-ProfileMedia, 1,000 changes, 3 reconnects'
if (-not (Test-ModuleExports -ModulePath $ModulePath -Cmdlet 'Watch-ProfileMedia') -or -not $EmulatorPath) {
    return New-NotMeasuredResult -Number 10 -Title $title -Needs 'Watch-ProfileMedia and the X API emulator (-EmulatorPath)'
}
. (Initialize-BenchEmulator -EmulatorPath $EmulatorPath)
. (Join-Path (Split-Path $PSScriptRoot) 'tools/Emulator.Activity.ps1')
Import-Module $ModulePath -Force

$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 0 -ExtraUsers $Count -RateLimit 10000000 -KeepAliveMs 1000
$work = Join-Path ([IO.Path]::GetTempPath()) ('pm-bench10-' + [guid]::NewGuid().ToString('N'))
$http = [System.Net.Http.HttpClient]::new()
try {
    $null = Connect-EmulatorBearer $emulator
    $ids = [string[]] (1..$Count | ForEach-Object { [string] (2000000 + $_) })
    Write-Host "  watching $Count users (one subscription each)"
    $null = Register-ProfileMediaWatch -UserId $ids -Kind Image
    $fireUri = [uri]::new($emulator.ControlUri, 'activity/events')

    function Invoke-Fire([string] $UserId) {
        $content = [System.Net.Http.StringContent]::new("{""userId"":""$UserId"",""kind"":""image""}", [Text.Encoding]::UTF8, 'application/json')
        $answer = $http.PostAsync($fireUri, $content).GetAwaiter().GetResult()
        $body = $answer.Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json
        if (-not $body.delivered) { throw "The change of user $UserId was not delivered." }
        # ConvertFrom-Json has already made the ISO time a DateTime (UTC): going through text would drop its milliseconds.
        if ($body.sentAt -is [datetime]) { [DateTimeOffset] $body.sentAt.ToUniversalTime() } else { [DateTimeOffset]::Parse($body.sentAt, [Globalization.CultureInfo]::InvariantCulture) }
    }

    function Invoke-WatchRun([string] $Pipeline, [string] $Destination) {
        Reset-Emulator $emulator
        $null = Connect-EmulatorBearer $emulator
        $null = Register-ProfileMediaWatch -UserId $ids -Kind Image
        $shell = [powershell]::Create()
        $null = $shell.AddScript('param($Manifest, $Root, $Token, $Body, $Destination) Import-Module $Manifest
            $null = Connect-ProfileMedia -ApiBaseUri $Root -BearerToken (ConvertTo-SecureString $Token -AsPlainText -Force) -RetryBaseDelay 00:00:00.050
            & ([scriptblock]::Create($Body)) $Destination').AddArgument($ModulePath).AddArgument($emulator.RootUri).AddArgument($emulator.BearerToken).AddArgument($Pipeline).AddArgument($Destination)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        try {
            Wait-EmulatorActivityStream $emulator 1 -Deadline '00:01:00'
            $sent = @{}
            $clock = [Diagnostics.Stopwatch]::StartNew()
            for ($i = 0; $i -lt $Count; $i++) {
                if ($i -in ($Count / 4), ($Count / 2), (3 * $Count / 4)) { $null = Invoke-EmulatorActivityControl $emulator streams/drop }
                $sent[$ids[$i]] = Invoke-Fire $ids[$i]
            }
            if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(3))) { throw "The watch wrote $($output.Count) of $Count changes within 3 minutes." }
            $clock.Stop()
            $null = $shell.EndInvoke($async)
            if ($shell.Streams.Error.Count) { throw "The watch wrote errors: $($shell.Streams.Error[0])" }
            $written = @($output)
            $latencies = [double[]] @($written | ForEach-Object { ($_.At - $sent[$_.UserId]).TotalMilliseconds })
            $connects = @(Get-EmulatorRequest $emulator | Where-Object { $_.pathAndQuery -like '/2/activity/stream*' -and $_.status -eq 200 }).Count
            [pscustomobject]@{
                Seconds   = $clock.Elapsed.TotalSeconds
                Written   = $written.Count
                Distinct  = @($written.UserId | Sort-Object -Unique).Count
                Latencies = $latencies
                Connects  = $connects
            }
        }
        finally { $shell.Dispose() }
    }

    # The watch and stamp each change as written; the saved file's owner is the user id (the session learned no names).
    $watchOnly = 'param($Destination) Watch-ProfileMedia -Count ' + $Count + ' | ForEach-Object { [pscustomobject]@{ UserId = $_.UserId; At = [DateTimeOffset]::UtcNow } }'
    $watchSave = 'param($Destination) Watch-ProfileMedia -Count ' + $Count + ' | Save-ProfileMedia -Destination $Destination -ImageSize normal | ForEach-Object { [pscustomobject]@{ UserId = ($_.BaseName -split ''_'')[0]; At = [DateTimeOffset]::UtcNow; Length = $_.Length } }'
    $results = @{ watch = [Collections.Generic.List[object]]::new(); save = [Collections.Generic.List[object]]::new() }
    $baseline = [Collections.Generic.List[double]]::new()
    for ($run = 1; $run -le $Runs; $run++) {
        $folder = Join-Path $work "run$run"
        $results.watch.Add((Invoke-WatchRun $watchOnly $null))
        $results.save.Add((Invoke-WatchRun $watchSave (Join-Path $folder 'watch')))
        $saved = @(Get-ChildItem -LiteralPath (Join-Path $folder 'watch') -File)
        if ($saved.Count -ne $Count) { throw "Run ${run}: $($saved.Count) files saved for $Count changes." }

        # Baseline: the same image URLs piped straight into Save-ProfileMedia.
        $urls = @(Get-ProfileUser -UserId $ids | ForEach-Object ProfileImageUrlHttps)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = $urls | Save-ProfileMedia -Destination (Join-Path $folder 'direct')
        $clock.Stop()
        $baseline.Add($clock.Elapsed.TotalSeconds)
        $w = $results.watch[-1]; $s = $results.save[-1]
        Write-Host ('  run {0}/{1}: watch {2:0.0} s ({3} written, {4} distinct, {5} connects, median {6:0} ms); watch|save {7:0.0} s ({8}/{9}, median {10:0} ms); direct save {11:0.0} s' -f $run, $Runs,
            $w.Seconds, $w.Written, $w.Distinct, $w.Connects, (Get-Median $w.Latencies), $s.Seconds, $s.Written, $s.Distinct, (Get-Median $s.Latencies), $baseline[-1])
    }
}
finally {
    $http.Dispose()
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
}

function Get-Percentile([double[]] $Values, [double] $P) { $sorted = [double[]] ($Values | Sort-Object); $sorted[[math]::Min($sorted.Count - 1, [math]::Floor($P * $sorted.Count))] }
$allWatch = [double[]] ($results.watch | ForEach-Object { $_.Latencies })
$allSave = [double[]] ($results.save | ForEach-Object { $_.Latencies })
$watchRate = Get-Median ([double[]] ($results.watch | ForEach-Object { $Count / $_.Seconds }))
$saveRate = Get-Median ([double[]] ($results.save | ForEach-Object { $Count / $_.Seconds }))
$directRate = Get-Median ([double[]] ($baseline | ForEach-Object { $Count / $_ }))
$exact = -not @($results.watch + $results.save | Where-Object { $_.Written -ne $Count -or $_.Distinct -ne $Count }).Count
$reconnected = -not @($results.watch + $results.save | Where-Object { $_.Connects -lt 4 }).Count
$rows = @(
    New-BenchRow -Figure "changes written / saved of $Count, over 3 forced reconnects" -Value ($results.save | ForEach-Object Distinct | Measure-Object -Minimum).Minimum -Unit 'changes' `
        -Comparison ('{0} of {0} in every run, no repeat' -f $Count) -Target "$Count, none lost, none twice" -Met ($exact -and $reconnected)
    New-BenchRow -Figure '`Watch-ProfileMedia`, emulator send to change written (median; p95 in details)' -Value (Get-Median $allWatch) -Unit 'ms' -Target 'within 100 ms' -Met ((Get-Median $allWatch) -le 100)
    New-BenchRow -Figure '`Watch-ProfileMedia | Save-ProfileMedia`, emulator send to file saved (median)' -Value (Get-Median $allSave) -Unit 'ms' -Target 'within 100 ms' -Met ((Get-Median $allSave) -le 100)
    New-BenchRow -Figure '`Watch-ProfileMedia | Save-ProfileMedia`, changes per second' -Value $saveRate -Unit 'changes/s' -Baseline '`Save-ProfileMedia` of the same URLs piped directly' -BaselineValue $directRate `
        -Comparison ('{0:0.00}x the direct rate (bounded by how fast the loop fires)' -f ($saveRate / $directRate)) -Samples ([double[]] ($results.save | ForEach-Object { $Count / $_.Seconds })) -BaselineSamples ([double[]] ($baseline | ForEach-Object { $Count / $_ }))
    New-BenchRow -Figure '`Watch-ProfileMedia` alone, changes per second (informational)' -Value $watchRate -Unit 'changes/s'
)
$note = if (-not ((Get-Median $allWatch) -le 100 -and (Get-Median $allSave) -le 100)) { 'A median latency over 100 ms: see details for what the firing loop queues.' } else { '' }
$details = @(
    "$Runs runs. Each: the emulator (``--extra-users $Count --keepalive-ms 1000``, rate limit raised) resets, $Count users are watched (one image subscription each), a watch starts in its own runspace, and the benchmark fires one change per user through ``POST /_emulator/activity/events`` as fast as it can, dropping every stream after 25%, 50% and 75%. The emulator stamps each change when it sends it; the pipeline stamps it when written (after ``Save-ProfileMedia`` wrote its file, for the second case). Both stamps are this machine's clock."
    ('Latency, send to written: watch alone p50 {0:0} ms, p95 {1:0} ms, max {2:0} ms; watch | save p50 {3:0} ms, p95 {4:0} ms, max {5:0} ms.' -f (Get-Median $allWatch), (Get-Percentile $allWatch 0.95), ($allWatch | Measure-Object -Maximum).Maximum, (Get-Median $allSave), (Get-Percentile $allSave 0.95), ($allSave | Measure-Object -Maximum).Maximum)
    ('Stream connects per run: {0} (1 + 3 forced drops; each reconnect replays the minute before it, and the repeats are dropped). Load average at the end: {1}.' -f (($results.watch + $results.save | ForEach-Object Connects) -join ', '),
        $(if (Test-Path -LiteralPath '/proc/loadavg') { ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' ' } else { 'unknown' }))
)
New-BenchResult -Number 10 -Title $title -Rows $rows -Note $note -Details $details
