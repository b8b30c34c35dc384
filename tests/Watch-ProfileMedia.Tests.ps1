# Watch-ProfileMedia against the emulator's activity stream: changes as they arrive, reconnects with backfill and
# dedupe, keep-alive loss, Ctrl+C, Select-Object -First and -Timeout closing the connection, the archive, and every
# refusal. No sleeps: each wait is for a condition (a stream open, a request logged, an object written) with a deadline.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/../tools/Emulator.Activity.ps1"
    # Keep-alives every 100 ms, so a withheld one is missed quickly; -KeepAliveTimeout says how quickly.
    $emulator = Start-ProfileMediaEmulator -KeepAliveMs 100 -ProcessingDelayMs 100
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('pm-watch-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $avatar = New-TestImageFile -Path (Join-Path $folder 'avatar.png')
    $banner = New-TestImageFile -Path (Join-Path $folder 'banner.png') -Bytes 4096
    $deadline = [TimeSpan]::FromSeconds(20)

    function Connect-Watcher {
        # The account whose uploads fire the events, then the app-only connection the watch cmdlets use (the default).
        $script:user = Connect-EmulatorAccount $emulator
        $null = Connect-EmulatorBearer $emulator -Options @{ RetryBaseDelay = [TimeSpan]::FromMilliseconds(20) }
    }

    function Start-Watch([string] $Command) {
        # A watch in a runspace of its own, as another console would run it; its output collection fills as it writes.
        $shell = [powershell]::Create()
        $null = $shell.AddScript('param($Manifest, $Root, $Token, $Body) Import-Module $Manifest
            $null = Connect-ProfileMedia -ApiBaseUri $Root -BearerToken (ConvertTo-SecureString $Token -AsPlainText -Force) -RetryBaseDelay 00:00:00.020
            & ([scriptblock]::Create($Body))')
        $null = $shell.AddArgument($ModuleManifest).AddArgument($emulator.RootUri).AddArgument($emulator.BearerToken).AddArgument($Command)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        [pscustomobject]@{ Shell = $shell; Async = $async; Output = $output }
    }

    function Receive-Watch($Watch) {
        if (-not $Watch.Async.AsyncWaitHandle.WaitOne($deadline)) { $Watch.Shell.Stop(); $Watch.Shell.Dispose(); throw 'The watch did not end by the deadline.' }
        try { $null = $Watch.Shell.EndInvoke($Watch.Async) } catch { }
        [pscustomobject]@{
            Output  = @($Watch.Output)
            Errors  = @($Watch.Shell.Streams.Error)
            Verbose = @($Watch.Shell.Streams.Verbose | ForEach-Object Message)
            State   = $Watch.Shell.InvocationStateInfo.State
        }
        $Watch.Shell.Dispose()
    }

    function Wait-Until([scriptblock] $Condition, [string] $What) {
        $until = [DateTime]::UtcNow + $deadline
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $until) { throw "Not by the deadline: $What" }
            [System.Threading.Thread]::Yield() | Out-Null
        }
    }

    function Get-StreamConnectCount { @(Get-EmulatorRequest $emulator | Where-Object { $_.pathAndQuery -like '/2/activity/stream*' -and $_.status -eq 200 }).Count }
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore
}

Describe 'Watch-ProfileMedia' {
    BeforeEach {
        Reset-Emulator $emulator
        Connect-Watcher
    }

    It 'writes the change another connection''s upload makes, as it arrives, with the URLs before and after' {
        $null = Register-ProfileMediaWatch EmulatedUser -Kind Image
        $watch = Start-Watch 'Watch-ProfileMedia -Count 1'
        Wait-EmulatorActivityStream $emulator 1
        $before = (Invoke-RestMethod ([uri]::new($emulator.ControlUri, 'accounts/EmulatedUser/media'))).profileImageUrl
        $null = Set-ProfileImage $avatar -Connection $user
        # The new image is pending until the emulator's processing delay ends, and current after: on a busy machine either.
        $media = Invoke-RestMethod ([uri]::new($emulator.ControlUri, 'accounts/EmulatedUser/media'))
        $after = if ($media.pendingProfileImageUrl) { $media.pendingProfileImageUrl } else { $media.profileImageUrl }
        $result = Receive-Watch $watch

        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -HaveCount 1
        $change = $result.Output[0]
        $change | Should -BeOfType ProfileMedia.ProfileMediaChange
        $change.UserId | Should -Be '1000001'
        $change.Kind | Should -Be 'Image'
        $change.OldUrl | Should -Be $before
        $change.NewUrl | Should -Be $after
        $change.New | Should -BeOfType ProfileMedia.ProfileImageVariant
        $change.ReceivedAt.Offset | Should -Be ([TimeSpan]::Zero)
        Wait-EmulatorActivityStream $emulator 0
    }

    It 'gives the name this session learned, and variant-ready changes for Get-ProfileImageVariant, Get-ProfileBanner and Save-ProfileMedia' {
        $null = Register-ProfileMediaWatch EmulatedUser
        $null = Set-ProfileImage $avatar -Connection $user
        $null = Set-ProfileBanner $banner -Connection $user
        $changes = Watch-ProfileMedia -Backfill 1 -Count 2
        $image = $changes | Where-Object Kind -EQ Image
        $bannerChange = $changes | Where-Object Kind -EQ Banner
        $image.ScreenName | Should -Be 'EmulatedUser'
        ($image | Get-ProfileImageVariant -Size 400x400).Url | Should -Match '_400x400\.'
        @($bannerChange | Get-ProfileBanner).Name | Should -Contain '1500x500'
        $saved = $changes | Save-ProfileMedia -Destination (Join-Path $folder ([guid]::NewGuid())) -ImageSize 200x200 -BannerSize 600x200
        $saved | Should -HaveCount 2
        $saved | ForEach-Object { $_.Length | Should -BeGreaterThan 0 }
    }

    It 'survives three dropped connections: reconnects at once, backfills, and writes each change once' {
        $null = Register-ProfileMediaWatch EmulatedUser -Kind Image
        $watch = Start-Watch 'Watch-ProfileMedia -Count 3 -Verbose'
        $fired = @()
        foreach ($round in 1..3) {
            Wait-Until { (Get-StreamConnectCount) -ge $round } "connection $round"
            $fired += (Send-EmulatorActivityEvent $emulator -ScreenName EmulatedUser -After "http://127.0.0.1/profile_images/9/r${round}_normal.png").eventUuid
            Wait-Until { $watch.Output.Count -ge $round } "change $round written"
            if ($round -lt 3) { $null = Invoke-EmulatorActivityControl $emulator streams/drop }
        }
        $result = Receive-Watch $watch

        $result.Output.EventId | Should -Be $fired
        @($result.Verbose -like '*reconnecting at once*').Count | Should -Be 2
        @($result.Verbose -like 'Dropped a repeat*').Count | Should -Be 3 -Because 'the second connection replays one change and the third two, all written already'
        $result.Verbose | Should -Contain 'Connected to the activity stream (connection 2, replaying the last 1 min).'
        ($result.Verbose -like 'Event *')[-1] | Should -Match '6 received so far, about \$0\.030'
    }

    It 'takes a silent connection for dead, replaces it, and gets the change sent meanwhile' {
        $null = Register-ProfileMediaWatch EmulatedUser -Kind Image
        $watch = Start-Watch 'Watch-ProfileMedia -Count 1 -KeepAliveTimeout 00:00:00.500 -Verbose'
        Wait-Until { (Get-StreamConnectCount) -ge 1 } 'the first connection'
        $null = Invoke-EmulatorActivityControl $emulator keepalives/withhold
        Wait-Until { (Get-StreamConnectCount) -ge 2 } 'a reconnect after the silence'
        $null = Invoke-EmulatorActivityControl $emulator keepalives/resume
        $fired = (Send-EmulatorActivityEvent $emulator -ScreenName EmulatedUser).eventUuid
        $result = Receive-Watch $watch

        $result.Output.EventId | Should -Be $fired
        $result.Verbose | Where-Object { $_ -like 'Keep-alive missed: no event and no keep-alive for 0.5 s*' } | Should -Not -BeNullOrEmpty
    }

    It 'retries HTTP errors on connect with backoff until the stream opens' {
        $null = Register-ProfileMediaWatch EmulatedUser -Kind Image
        $fired = (Send-EmulatorActivityEvent $emulator -ScreenName EmulatedUser).eventUuid
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/activity/stream'; count = 2; status = 503 }
        $changes = Watch-ProfileMedia -Backfill 1 -Count 1 -Verbose 4>&1
        ($changes | Where-Object { $_ -is [ProfileMedia.ProfileMediaChange] }).EventId | Should -Be $fired
        @($changes | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Reconnecting in * ms (attempt *' }).Count | Should -Be 2
    }

    It 'reports a stream the service closes with an error object as StreamClosedByService and goes on' {
        $null = Register-ProfileMediaWatch EmulatedUser -Kind Image
        $watch = Start-Watch 'Watch-ProfileMedia -Count 1'
        Wait-Until { (Get-StreamConnectCount) -ge 1 } 'the first connection'
        $null = Invoke-EmulatorActivityControl $emulator streams/close
        Wait-Until { (Get-StreamConnectCount) -ge 2 } 'the reconnect'
        $fired = (Send-EmulatorActivityEvent $emulator -ScreenName EmulatedUser).eventUuid
        $result = Receive-Watch $watch

        $result.Output.EventId | Should -Be $fired
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'StreamClosedByService,*'
        $result.Errors[0].Exception.Message | Should -Match 'disconnected upstream for operational reasons.*reconnects'
    }

    It 'stops at once on Ctrl+C and closes the connection' {
        $watch = Start-Watch 'Watch-ProfileMedia'
        Wait-EmulatorActivityStream $emulator 1
        $watch.Shell.Stop()
        $result = Receive-Watch $watch
        $result.State | Should -Be 'Stopped'
        Wait-EmulatorActivityStream $emulator 0
    }

    It 'stops at once after Select-Object -First, and after -Timeout, with the connection closed' {
        $null = Register-ProfileMediaWatch EmulatedUser -Kind Image
        $null = Send-EmulatorActivityEvent $emulator -ScreenName EmulatedUser
        $null = Send-EmulatorActivityEvent $emulator -ScreenName EmulatedUser
        @(Watch-ProfileMedia -Backfill 1 | Select-Object -First 1) | Should -HaveCount 1
        Wait-EmulatorActivityStream $emulator 0
        @(Watch-ProfileMedia -Timeout 00:00:00.300 -ErrorVariable failures) | Should -HaveCount 0
        $failures | Should -BeNullOrEmpty
        Wait-EmulatorActivityStream $emulator 0
    }

    It 'ends with the terminating error of a refusal waiting cannot cure: <Case>' -ForEach @(
        @{ Case = 'usage-capped'; Fault = @{ pathPrefix = '/2/activity/stream'; count = 1; kind = 'usageCapped'; status = 429 }; Id = 'UsageCapped' }
        @{ Case = '402'; Fault = @{ pathPrefix = '/2/activity/stream'; count = 1; status = 402 }; Id = 'CreditsDepleted' }
        @{ Case = 'legacy-free'; Fault = $null; Id = 'ClientNotEnrolled' }
    ) {
        if ($Fault) { Add-EmulatorFault $emulator $Fault } else { Set-EmulatorAccessLevel $emulator legacy-free }
        { Watch-ProfileMedia -Timeout 00:00:10 } | Should -Throw -ErrorId "$Id,ProfileMedia.Commands.WatchProfileMediaCommand"
        Wait-EmulatorActivityStream $emulator 0
    }

    It 'refuses a connection without the Bearer token before any request' {
        $null = Connect-EmulatorAccount $emulator
        Clear-EmulatorRequest $emulator
        { Watch-ProfileMedia -Timeout 00:00:10 } | Should -Throw -ErrorId 'BearerTokenRequired,ProfileMedia.Commands.WatchProfileMediaCommand'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'takes no -RateLimitAction or -MaxRateLimitWait: the stream waits out a 429 as X asks, so they could change nothing' {
        { Watch-ProfileMedia -RateLimitAction Fail -Timeout 00:00:01 } | Should -Throw -ErrorId 'NamedParameterNotFound,ProfileMedia.Commands.WatchProfileMediaCommand'
        { Watch-ProfileMedia -MaxRateLimitWait 00:00:01 -Timeout 00:00:01 } | Should -Throw -ErrorId 'NamedParameterNotFound,ProfileMedia.Commands.WatchProfileMediaCommand'
        Wait-EmulatorActivityStream $emulator 0
        # The subscription calls meet ordinary rate limits and keep the choice.
        foreach ($name in 'Register-ProfileMediaWatch', 'Get-ProfileMediaWatch', 'Unregister-ProfileMediaWatch') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'RateLimitAction'
            (Get-Command $name).Parameters.Keys | Should -Contain 'MaxRateLimitWait'
        }
    }
}

Describe 'Watch-ProfileMedia -Archive' {
    BeforeEach {
        Reset-Emulator $emulator
        Connect-Watcher
        $archive = Join-Path $folder ('archive-' + [guid]::NewGuid().ToString('N'))
    }

    It 'saves each new picture in the sizes asked under the user''s folder, logs one line per change, and leaves nothing else' {
        $null = Register-ProfileMediaWatch EmulatedUser
        $watch = Start-Watch "Watch-ProfileMedia -Count 3 -Archive '$archive' -ImageSize 400x400, original -BannerSize 1500x500, 600x200"
        Wait-EmulatorActivityStream $emulator 1
        # Each change is archived as it arrives, before the next replaces the picture it names.
        $null = Set-ProfileImage $avatar -Connection $user
        Wait-Until { $watch.Output.Count -ge 1 } 'the image archived'
        $null = Set-ProfileBanner $banner -Connection $user
        Wait-Until { $watch.Output.Count -ge 2 } 'the banner archived'
        $null = Remove-ProfileBanner -Connection $user -Confirm:$false
        $result = Receive-Watch $watch
        $result.Errors | Should -BeNullOrEmpty
        $changes = $result.Output

        $userFolder = Join-Path $archive '1000001'
        $stamp = '^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z_'
        $files = @(Get-ChildItem -LiteralPath $userFolder -File -Force | Where-Object Name -NE 'changes.jsonl')
        $files | Should -HaveCount 4
        @($files.Name -match ($stamp + 'image_(400x400|original)\.png$')).Count | Should -Be 2
        @($files.Name -match ($stamp + 'banner_(1500x500|600x200)\.png$')).Count | Should -Be 2
        @(Get-ChildItem -LiteralPath $archive -Force).Name | Should -Be '1000001' -Because 'the lock file goes with the watch, and no temporary file stays'
        $log = @(Get-Content -LiteralPath (Join-Path $userFolder 'changes.jsonl') | ConvertFrom-Json)
        $log | Should -HaveCount 3
        $log.kind | Should -Be @('image', 'banner', 'banner')
        $log.event_id | Should -Be $changes.EventId
        $log[0].files | Should -HaveCount 2
        $log[2].after | Should -BeNullOrEmpty
        $log[2].files | Should -HaveCount 0
        $log[0].screen_name | Should -Be 'EmulatedUser'
        $changes[0].ArchivedFiles | Should -HaveCount 2
        $changes[0].ArchivedFiles | ForEach-Object { $_ | Should -Exist }
    }

    It 'refuses a second watcher on the same archive while the first runs' {
        $first = Start-Watch "Watch-ProfileMedia -Archive '$archive'"
        Wait-EmulatorActivityStream $emulator 1
        { Watch-ProfileMedia -Archive $archive -Timeout 00:00:10 } | Should -Throw -ErrorId 'ArchiveInUse,ProfileMedia.Commands.WatchProfileMediaCommand'
        $first.Shell.Stop()
        $null = Receive-Watch $first
        @(Watch-ProfileMedia -Archive $archive -Timeout 00:00:00.200) | Should -HaveCount 0 -Because 'the archive is free again once the first watcher stopped'
    }
}
