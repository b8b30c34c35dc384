# Faults: every cmdlet that makes requests, under each fault the emulator injects (tests/reliability/FaultCases.ps1).
# Each does what the documentation promises (retry, wait, or a clear error), makes a bounded number of attempts, and
# leaves nothing half-done: no partial file, no second upload after a success, no change behind an error.

BeforeDiscovery {
    $cases = . "$PSScriptRoot/reliability/FaultCases.ps1"
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'faults'
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 100
    $maxRetries = 2
    # A time-out long enough for any answer on a loaded machine, short enough to keep the slow cases quick.
    $options = @{ RetryBaseDelay = [timespan] '00:00:00.010'; MaxRetries = $maxRetries; Timeout = [timespan] '00:00:01.500' }
    $connection = Connect-EmulatorAccount $emulator -Options $options
    $folder = New-ReliabilityFolder -Prefix 'pm-faults'
    $png = New-TestImageFile -Path (Join-Path $folder 'upload.png') -Bytes 2000
    $script:saves = 0
    $tally = @{ MostAttempts = 0 }

    function Get-MediaState {
        Invoke-RestMethod -Uri ([uri]::new($emulator.ControlUri, 'accounts/EmulatedUser/media'))
    }

    $calls = @{
        'Get-ProfileUser'      = @{ Prefix = '/2/users/by/username/'; Run = { param($Action) Get-ProfileUser EmulatedUser -RateLimitAction $Action }
                                    Success = { param($r) $r.Output | Should -HaveCount 1; $r.Output[0].ScreenName | Should -Be 'EmulatedUser' } }
        'Get-ProfileBanner'    = @{ Prefix = '/2/users/by/username/'; Run = { param($Action) Get-ProfileBanner -ScreenName EmulatedUser -Size web -RateLimitAction $Action }
                                    Success = { param($r) $r.Output | Should -HaveCount 1; $r.Output[0].Name | Should -Be 'web' } }
        'Set-ProfileImage'     = @{ Prefix = '/1.1/account/update_profile_image.json'; Write = $true; Run = { param($Action) Set-ProfileImage -LiteralPath $png.FullName -RateLimitAction $Action -PassThru }
                                    Success = { param($r) $r.Output | Should -HaveCount 1; $r.Output[0].ScreenName | Should -Be 'EmulatedUser' }
                                    Changed = { param($before, $after) $after.pendingProfileImageUrl ?? $after.profileImageUrl | Should -Not -Be $before.profileImageUrl } }
        'Set-ProfileBanner'    = @{ Prefix = '/1.1/account/update_profile_banner.json'; Write = $true; Run = { param($Action) Set-ProfileBanner -LiteralPath $png.FullName -RateLimitAction $Action }
                                    Success = { param($r) $r.Output | Should -HaveCount 0 }
                                    Changed = { param($before, $after) $after.profileBannerUrl | Should -Not -Be $before.profileBannerUrl } }
        'Remove-ProfileBanner' = @{ Prefix = '/1.1/account/remove_profile_banner.json'; Write = $true; Run = { param($Action) Remove-ProfileBanner -Confirm:$false -RateLimitAction $Action }
                                    Success = { param($r) $r.Output | Should -HaveCount 0 }
                                    Changed = { param($before, $after) $after.profileBannerUrl | Should -BeNullOrEmpty } }
        'Save-ProfileMedia'    = @{ Prefix = '/profile_images/'; Save = $true
                                    Run = { param($Action) $variant | Save-ProfileMedia -Destination $destination }
                                    Success = { param($r) $r.Output | Should -HaveCount 1; $r.Output[0].Name | Should -Be 'EmulatedUser_400x400.png' } }
    }

    function Get-EndpointRequest([string] $Prefix) { @(Get-EmulatorRequest $emulator | Where-Object { $_.pathAndQuery -like "$Prefix*" }) }

    # The emulator logs a request the client gave up on (a time-out) only once it notices the closed connection, a
    # moment after the cmdlet returns: wait for the expected count, bounded, before judging it.
    function Wait-EndpointRequest([string] $Prefix, [int] $Expected) {
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        do {
            $requests = Get-EndpointRequest $Prefix
            if ($requests.Count -ge $Expected) { break }
            Start-Sleep -Milliseconds 50
        } while ([DateTime]::UtcNow -lt $deadline)
        , $requests
    }
}

AfterAll {
    $figures.notes.Insert(0, "connection: -MaxRetries $maxRetries, -Timeout 1.5 s; the most attempts any call made: $($tally.MostAttempts)")
    Write-ReliabilityFigures $figures
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Faults' {
    BeforeEach {
        Reset-Emulator $emulator
        $variant = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size 400x400
        $script:saves++
        $destination = Join-Path $folder "saved$script:saves"
    }

    It '<Cmdlet> under <Fault> (-RateLimitAction <Action>): <Expect> after <Attempts> attempt(s)' -ForEach $cases {
        Start-ReliabilityCase $figures "$Cmdlet under $Fault (-RateLimitAction $Action)"
        $call = $calls[$Cmdlet]
        $before = Get-MediaState
        Clear-EmulatorRequest $emulator
        $spec = $Spec.Clone(); $spec.pathPrefix = $call.Prefix
        Add-EmulatorFault $emulator $spec

        $result = Invoke-Captured { & $call.Run $Action }
        $requests = Wait-EndpointRequest $call.Prefix $Attempts
        $figures.faultsInjected += @($requests | Where-Object fault).Count

        # The documented outcome.
        $result.Terminating | Should -BeNullOrEmpty -Because 'an API failure is a non-terminating error about its input'
        if ($Expect -eq 'Success') {
            $result.Errors | Should -HaveCount 0 -Because "$($result.Errors | ForEach-Object { $_.Exception.Message })"
            & $call.Success $result
        }
        else {
            $result.Errors | Should -HaveCount 1
            (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be $Expect
            $result.Errors[0].Exception.Message | Should -Not -BeNullOrEmpty
            $result.Output | Should -HaveCount 0
        }

        # A bounded number of attempts, exactly as documented, and none after the cmdlet has returned.
        $bound = 1 + $maxRetries + $(if ($Action -eq 'Wait') { 1 } else { 0 })
        $requests.Count | Should -BeLessOrEqual $bound
        $requests.Count | Should -Be $Attempts
        $tally.MostAttempts = [Math]::Max($tally.MostAttempts, $requests.Count)
        Start-Sleep -Milliseconds 150
        (Get-EndpointRequest $call.Prefix).Count | Should -Be $Attempts -Because 'nothing goes on in the background after the cmdlet returns'

        # Nothing half-done.
        if ($call.Write) {
            $taken = @($requests | Where-Object { $_.status -ge 200 -and $_.status -lt 300 })
            $taken.Count | Should -BeLessOrEqual 1 -Because 'a change that succeeded is never sent again'
            $after = Get-MediaState
            if (@($taken | Where-Object { -not $_.fault }).Count -eq 1) {
                & $call.Changed $before $after
            }
            else {
                $after.profileImageUrl | Should -Be $before.profileImageUrl
                $after.pendingProfileImageUrl | Should -Be $before.pendingProfileImageUrl
                $after.profileBannerUrl | Should -Be $before.profileBannerUrl
                if ($Expect -eq 'Success') { $figures.notes.Add("$Cmdlet reports success for a faulted 2xx ($Fault): the banner endpoints promise no body, so the module cannot tell") }
            }
        }
        if ($call.Save) {
            $left = @(Get-ChildItem -LiteralPath $destination -Force -ErrorAction SilentlyContinue)
            if ($Expect -eq 'Success') {
                $left.Name | Should -Be @('EmulatedUser_400x400.png') -Because 'the file is there, complete, with no temporary file beside it'
                $bytes = [IO.File]::ReadAllBytes($left[0].FullName)
                $bytes[0..3] | Should -Be @(0x89, 0x50, 0x4E, 0x47)
            }
            else {
                $left | Should -HaveCount 0 -Because 'a failed download leaves no file and no *.partial'
            }
        }

        Complete-ReliabilityCase $figures "$Cmdlet under $Fault (-RateLimitAction $Action)"
    }
}

Describe 'Stopping a cmdlet that waits on a fault' {
    BeforeAll {
        # A connection with the default 30 s time-out, so only Stop can end these calls early.
        $patient = Connect-EmulatorAccount $emulator -Options @{ RetryBaseDelay = [timespan] '00:00:00.010'; MaxRetries = 2 }
        $null = Connect-EmulatorAccount $emulator -Options $options

        function Wait-EndpointRequest([string] $Prefix, [int] $Count) {
            # A request the client left is logged when the emulator gives up on it: wait a little for it.
            $deadline = [DateTime]::UtcNow.AddSeconds(3)
            while (@(Get-EndpointRequest $Prefix).Count -lt $Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 300
            Get-EndpointRequest $Prefix
        }
    }
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'stops a rate-limit wait within 5 s and sends nothing more' {
        Start-ReliabilityCase $figures 'stops a rate-limit wait within 5 s and sends nothing more'
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; kind = 'status'; status = 429; rateLimitReset = $true; rateLimitResetSeconds = 60 }
        $stopped = Stop-WhileEmulatorHoldsRequest $emulator { param($c) Get-ProfileUser EmulatedUser -Connection $c -RateLimitAction Wait } @($patient)
        $figures.faultsInjected++
        $stopped.Elapsed | Should -BeLessThan ([timespan]::FromSeconds(5))
        $stopped.State | Should -Be 'Stopped'
        Wait-EndpointRequest '/2/users/by/username/' 1 | Should -HaveCount 1
        Complete-ReliabilityCase $figures 'stops a rate-limit wait within 5 s and sends nothing more'
    }

    It 'stops an upload stuck on a slow answer within 5 s, having sent it once' {
        Start-ReliabilityCase $figures 'stops an upload stuck on a slow answer within 5 s, having sent it once'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/account/update_profile_image.json'; kind = 'slow'; delayMs = 20000 }
        $stopped = Stop-WhileEmulatorHoldsRequest $emulator { param($c, $p) Set-ProfileImage -LiteralPath $p -Connection $c } @($patient, $png.FullName)
        $figures.faultsInjected++
        $stopped.Elapsed | Should -BeLessThan ([timespan]::FromSeconds(5))
        Wait-EndpointRequest '/1.1/account/update_profile_image.json' 1 | Should -HaveCount 1 -Because 'the upload was sent once and not again'
        Complete-ReliabilityCase $figures 'stops an upload stuck on a slow answer within 5 s, having sent it once'
    }

    It 'stops a download stuck on a slow answer within 5 s and leaves no file' {
        Start-ReliabilityCase $figures 'stops a download stuck on a slow answer within 5 s and leaves no file'
        $variant = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size 400x400
        Clear-EmulatorRequest $emulator
        $target = Join-Path $folder 'stopped-download'
        Add-EmulatorFault $emulator @{ pathPrefix = '/profile_images/'; kind = 'slow'; delayMs = 20000 }
        $stopped = Stop-WhileEmulatorHoldsRequest $emulator { param($c, $v, $d) $v | Save-ProfileMedia -Destination $d -Connection $c } @($patient, $variant, $target)
        $figures.faultsInjected++
        $stopped.Elapsed | Should -BeLessThan ([timespan]::FromSeconds(5))
        @(Get-ChildItem -LiteralPath $target -Force -ErrorAction SilentlyContinue) | Should -HaveCount 0
        Wait-EndpointRequest '/profile_images/' 1 | Should -HaveCount 1
        Complete-ReliabilityCase $figures 'stops a download stuck on a slow answer within 5 s and leaves no file'
    }
}
