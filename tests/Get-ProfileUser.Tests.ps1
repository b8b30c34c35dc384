BeforeAll {
    . "$PSScriptRoot/common.ps1"
    # 150 bulk users (user0001..user0150, ids 2000001..2000150): batches, and the batch one bad id must not lose.
    $emulator = Start-ProfileMediaEmulator -ExtraUsers 150
    $null = Connect-EmulatorAccount $emulator
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}

Describe 'Get-ProfileUser' {
    BeforeEach { Reset-Emulator $emulator }

    It 'gets users by screen name from arguments and the pipeline, and by id' {
        $users = 'EmulatedUser', '@DefaultUser' | Get-ProfileUser
        $users.ScreenName | Should -Be @('EmulatedUser', 'DefaultUser')
        $users[0].PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileUser'
        $users[1].IsDefaultProfileImage | Should -BeTrue
        $users[1].ProfileBannerUrl | Should -BeNullOrEmpty
        (Get-ProfileUser -UserId $users[0].UserId).ScreenName | Should -Be 'EmulatedUser'
        ([pscustomobject]@{ id_str = $users[1].UserId } | Get-ProfileUser).ScreenName | Should -Be 'DefaultUser'
    }

    It 'knows the recorded account, so documentation examples run against the emulator as written' {
        $user = Get-ProfileUser Twitter
        $user.UserId | Should -Be '783214'
        $user.ProfileBannerUrl | Should -Not -BeNullOrEmpty
    }

    It 'pipes straight into Get-ProfileImageVariant and Get-ProfileBanner, keeping the user' {
        $user = Get-ProfileUser EmulatedUser
        $image = $user | Get-ProfileImageVariant -Size 400x400
        $image.Url | Should -Be ($user.ProfileImageUrlHttps -replace '_normal\.png$', '_400x400.png')
        $image.ScreenName | Should -Be 'EmulatedUser'
        $banner = $user | Get-ProfileBanner -Size 1500x500
        $banner.Url | Should -Be "$($user.ProfileBannerUrl)/1500x500"
        $banner.ScreenName | Should -Be 'EmulatedUser'
    }

    It 'writes UserNotFound for an unknown user and goes on' {
        $users = 'no_such_user', 'EmulatedUser' | Get-ProfileUser -ErrorVariable problems -ErrorAction SilentlyContinue
        $users.ScreenName | Should -Be 'EmulatedUser'
        $problems[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,ProfileMedia.Commands.GetProfileUserCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'no_such_user'
    }

    It 'refuses a name that cannot be a screen name without asking the API' {
        Clear-EmulatorRequest $emulator
        'bad name!', ('x' * 60), '' | Get-ProfileUser -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 3
        $problems.FullyQualifiedErrorId | Should -Be (@('InvalidScreenName,ProfileMedia.Commands.GetProfileUserCommand') * 3)
        $problems[0].Exception.Message | Should -BeLike "*'bad name!'*"
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'refuses an id above the signed 64-bit maximum on its own, and the 56 other users come back from one request' {
        Clear-EmulatorRequest $emulator
        $ids = 1..56 | ForEach-Object { [string](2000000 + $_) }
        $given = $ids[0..27] + '9223372036854775808' + $ids[28..55]
        $users = Get-ProfileUser -UserId $given -ErrorVariable problems -ErrorAction SilentlyContinue
        $users | Should -HaveCount 56
        $users.UserId | Should -Be $ids
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidUserId,ProfileMedia.Commands.GetProfileUserCommand'
        $problems[0].TargetObject | Should -Be '9223372036854775808'
        $problems[0].Exception.Message | Should -BeLike "*9223372036854775807*'9223372036854775808'*"
        $lookups = @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/2/users*')
        $lookups | Should -HaveCount 1 -Because 'one request answers 56 users, and nothing was asked twice'
        $lookups[0].pathAndQuery | Should -Not -BeLike '*9223372036854775808*'
    }

    It 'batches names and ids from one pipeline in as few requests as they need, and outputs them in their order' {
        Clear-EmulatorRequest $emulator
        # 150 names and 150 ids, interleaved, as a CSV of mixed rows gives them.
        $rows = 1..150 | ForEach-Object { [pscustomobject]@{ screen_name = 'user{0:D4}' -f $_ }; [pscustomobject]@{ id_str = [string](2000000 + $_) } }
        $users = $rows | Get-ProfileUser
        $users | Should -HaveCount 300
        $users.ScreenName | Should -Be (1..150 | ForEach-Object { $n = 'user{0:D4}' -f $_; $n; $n })
        $lookups = @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/2/users*')
        $lookups | Should -HaveCount 4 -Because '150 names take two requests and 150 ids two more; a request never mixes them or stops short of 100 before the input ends'
    }

    It 'refuses -UserId 000 before any request, and reads 0042-style ids as the number they are' {
        Clear-EmulatorRequest $emulator
        Get-ProfileUser -UserId '000' -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidUserId,ProfileMedia.Commands.GetProfileUserCommand'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        (Get-ProfileUser -UserId '0001000001').ScreenName | Should -Be 'EmulatedUser'
    }

    It 'shows each request with -Verbose and redacts the Authorization header with -Debug' {
        $output = Get-ProfileUser EmulatedUser -Verbose -Debug 4>&1 5>&1 | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] }
        $text = $output.Message -join "`n"
        $text | Should -Match 'GET http://127\.0\.0\.1:\d+/2/users/by/username/EmulatedUser\?user\.fields=profile_image_url%2Cprofile_banner_url -> 200'
        $text | Should -Match 'Authorization: OAuth \(redacted\)'
        $text | Should -Not -Match 'oauth_signature'
    }

    It 'recovers from a 503 burst by retrying, saying so with -Verbose' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 503; count = 2 }
        $records = Get-ProfileUser EmulatedUser -Verbose 4>&1
        ($records | Where-Object { $_ -is [ProfileMedia.ProfileUser] }).ScreenName | Should -Be 'EmulatedUser'
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Retry *' }) | Should -HaveCount 2
    }

    It 'gives an answer the module has no advice for the ApiError id and a real category' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 409 }
        Get-ProfileUser EmulatedUser -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ApiError,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'fails at once on a rate limit by default, or waits with -RateLimitAction Wait' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 429; retryAfterSeconds = 1; rateLimitReset = $false }
        Get-ProfileUser EmulatedUser -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RateLimited,*'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'

        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 429; retryAfterSeconds = 1; rateLimitReset = $false }
        (Get-ProfileUser EmulatedUser -RateLimitAction Wait).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'stops promptly on Ctrl+C while the emulator holds its request' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; kind = 'slow'; delayMs = 30000 }
        $stopped = Stop-WhileEmulatorHoldsRequest $emulator { param($connection) Get-ProfileUser EmulatedUser -Connection $connection } @(Connect-EmulatorAccount $emulator)
        $stopped.Elapsed.TotalSeconds | Should -BeLessThan 3
        $stopped.State | Should -Be 'Stopped'
    }
}
