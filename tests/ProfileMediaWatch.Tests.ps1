# Register-, Get- and Unregister-ProfileMediaWatch against the emulator's X Activity API: one batched lookup for names,
# one subscription per user and kind, the existing ones reported, the limit and the cost said, -WhatIf, bulk removal,
# and each refusal with its own error id.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator -ExtraUsers 120 -SubscriptionLimit 200
    function Get-ActivityRequest([string] $Method) { @(Get-EmulatorRequest $emulator | Where-Object { $_.pathAndQuery -like '/2/activity/subscriptions*' -and (-not $Method -or $_.method -eq $Method) }) }
    function Get-LookupRequest { @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/2/users*') }
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}

Describe 'Register-ProfileMediaWatch' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorBearer $emulator
    }

    It 'looks the names up in one request and watches both kinds of each user' {
        $watches = Register-ProfileMediaWatch EmulatedUser, '@Twitter', user0001
        $watches | Should -HaveCount 6
        $watches | ForEach-Object { $_ | Should -BeOfType ProfileMedia.ProfileMediaWatch }
        ($watches | Where-Object ScreenName -EQ 'Twitter').Kind | Sort-Object | Should -Be @('Image', 'Banner')
        ($watches | Where-Object ScreenName -EQ 'Twitter').UserId | Select-Object -Unique | Should -Be '783214'
        Get-LookupRequest | Should -HaveCount 1
        Get-ActivityRequest POST | Should -HaveCount 6
    }

    It 'takes users piped from Get-ProfileUser without looking them up again' {
        $users = Get-ProfileUser EmulatedUser, Twitter
        Clear-EmulatorRequest $emulator
        $watches = $users | Register-ProfileMediaWatch -Kind Banner -Tag banners
        $watches.ScreenName | Should -Be @('EmulatedUser', 'Twitter')
        $watches.Tag | Select-Object -Unique | Should -Be 'banners'
        Get-LookupRequest | Should -HaveCount 0
    }

    It 'reports a user and kind already watched as AlreadyWatched and does not subscribe it twice' {
        $null = Register-ProfileMediaWatch -UserId 1000001 -Kind Image
        Clear-EmulatorRequest $emulator
        $new = Register-ProfileMediaWatch -UserId 1000001 -ErrorVariable failures -ErrorAction SilentlyContinue
        $new.Kind | Should -Be 'Banner'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AlreadyWatched,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].Exception.Message | Should -Match 'already watched \(subscription \d+\)'
        Get-ActivityRequest POST | Should -HaveCount 1
    }

    It 'says the limit and the cost before creating, and -WhatIf creates nothing' {
        $plan = Register-ProfileMediaWatch EmulatedUser -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Select-Object -ExpandProperty Message
        ($plan -join "`n") | Should -Match '2 new watches for 1 users: the app will hold 2 of its 1,500 subscriptions\. X bills each change it reports \$0\.005'
        Reset-Emulator $emulator
        $whatIf = Register-ProfileMediaWatch EmulatedUser -WhatIf
        $whatIf | Should -BeNullOrEmpty
        Get-ActivityRequest POST | Should -HaveCount 0
        @(Get-ProfileMediaWatch) | Should -HaveCount 0
    }

    It 'names a missing and a suspended user with their own ids and watches the others' {
        $watches = Register-ProfileMediaWatch EmulatedUser, nobody_here, SuspendedUser -Kind Image -ErrorVariable failures -ErrorAction SilentlyContinue
        $watches.ScreenName | Should -Be 'EmulatedUser'
        @($failures.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Sort-Object) | Should -Be @('UserNotFound', 'UserSuspended')
        ($failures | Where-Object { $_.FullyQualifiedErrorId -like 'UserNotFound,*' }).TargetObject | Should -Be 'nobody_here'
    }

    It 'refuses ids X does not know, and stops at the subscription limit with SubscriptionLimitReached' {
        $null = Register-ProfileMediaWatch -UserId 42 -Kind Image -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'UserNotFound,*'
        $ids = 1..120 | ForEach-Object { [string] (2000000 + $_) }
        $null = Register-ProfileMediaWatch -UserId $ids -ErrorVariable full -ErrorAction SilentlyContinue
        @(Get-ProfileMediaWatch) | Should -HaveCount 200
        @($full | Where-Object { $_.FullyQualifiedErrorId -like 'SubscriptionLimitReached,*' }).Count | Should -Be 40
        $full[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $full[0].Exception.Message | Should -Match 'Unregister-ProfileMediaWatch'
    }

    It 'stops before any request with BearerTokenRequired on a user-context connection' {
        Disconnect-ProfileMedia
        $null = Connect-EmulatorAccount $emulator
        Clear-EmulatorRequest $emulator
        { Register-ProfileMediaWatch EmulatedUser -ErrorAction Stop } | Should -Throw -ErrorId 'BearerTokenRequired,ProfileMedia.Commands.RegisterProfileMediaWatchCommand'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'gives ClientNotEnrolled on the legacy free level' {
        Set-EmulatorAccessLevel $emulator legacy-free
        $null = Register-ProfileMediaWatch -UserId 1000001 -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ClientNotEnrolled,*'
    }

    It 'names usage-capped and 402 as the reads do' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/activity/subscriptions'; count = 1; kind = 'usageCapped'; status = 429 }
        $null = Get-ProfileMediaWatch -ErrorVariable capped -ErrorAction SilentlyContinue
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/activity/subscriptions'; count = 1; status = 402 }
        $null = Get-ProfileMediaWatch -ErrorVariable depleted -ErrorAction SilentlyContinue
        $capped[0].FullyQualifiedErrorId | Should -BeLike 'UsageCapped,*'
        $depleted[0].FullyQualifiedErrorId | Should -BeLike 'CreditsDepleted,*'
    }
}

Describe 'Get-ProfileMediaWatch' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorBearer $emulator
    }

    It 'lists every page with the names this session learned' {
        $null = Register-ProfileMediaWatch -UserId (1..120 | ForEach-Object { [string] (2000000 + $_) }) -Kind Image
        $null = Register-ProfileMediaWatch Twitter -Kind Banner
        Clear-EmulatorRequest $emulator
        $all = Get-ProfileMediaWatch
        $all | Should -HaveCount 121
        ($all | Where-Object UserId -EQ '783214').ScreenName | Should -Be 'Twitter'
        Get-ActivityRequest GET | Should -HaveCount 2
        @(Get-ProfileMediaWatch -Kind Banner).UserId | Should -Be '783214'
        @(Get-ProfileMediaWatch -UserId 2000001).Kind | Should -Be 'Image'
    }
}

Describe 'Unregister-ProfileMediaWatch' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorBearer $emulator
        $null = Register-ProfileMediaWatch EmulatedUser, Twitter
        Clear-EmulatorRequest $emulator
    }

    It 'removes piped watches in one bulk request' {
        Get-ProfileMediaWatch | Unregister-ProfileMediaWatch -Confirm:$false
        Get-ActivityRequest DELETE | Should -HaveCount 1
        (Get-ActivityRequest DELETE)[0].pathAndQuery | Should -Match 'ids='
        @(Get-ProfileMediaWatch) | Should -HaveCount 0
    }

    It 'removes one kind of one user by name, and -WhatIf removes nothing' {
        Unregister-ProfileMediaWatch -ScreenName EmulatedUser -Kind Banner -WhatIf
        Get-ActivityRequest DELETE | Should -HaveCount 0
        Unregister-ProfileMediaWatch -ScreenName EmulatedUser -Kind Banner -Confirm:$false
        $left = Get-ProfileMediaWatch
        $left | Should -HaveCount 3
        ($left | Where-Object UserId -EQ '1000001').Kind | Should -Be 'Image'
        Get-LookupRequest | Should -HaveCount 0 -Because 'the name was learned when it was registered'
    }

    It 'names an unknown subscription id and a user no watch covers as WatchNotFound' {
        Unregister-ProfileMediaWatch -SubscriptionId 123 -Confirm:$false -ErrorVariable unknown -ErrorAction SilentlyContinue
        Unregister-ProfileMediaWatch -UserId 1000002 -Confirm:$false -ErrorVariable unwatched -ErrorAction SilentlyContinue
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'WatchNotFound,*'
        $unknown[0].TargetObject | Should -Be '123'
        $unwatched[0].FullyQualifiedErrorId | Should -BeLike 'WatchNotFound,*'
        @(Get-ProfileMediaWatch) | Should -HaveCount 4
    }
}
