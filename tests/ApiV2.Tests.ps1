# X API v2 through the module as a user runs it: Bearer tokens, batched lookups, the connected account, each problem
# type, and the v1.1 mode. The emulator runs at pay-per-use, the access level X gives new apps.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator -ExtraUsers 250
    function Get-V2Request { @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/2/*') }
    function Get-BulkName([int] $Count) { 1..$Count | ForEach-Object { 'user{0:D4}' -f $_ } }
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('pm-v2-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $png = New-TestImageFile -Path (Join-Path $folder 'avatar.png')
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore
}

Describe 'Connecting with an app-only Bearer token' {
    BeforeEach {
        Reset-Emulator $emulator
        Remove-Item env:PROFILEMEDIA_BEARER_TOKEN -ErrorAction Ignore
    }

    It 'connects with -BearerToken, makes no request, shows the kind of credentials and never the token' {
        $connection = Connect-EmulatorBearer $emulator
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        $connection.Credentials | Should -Be 'AppOnlyBearer'
        $connection.ReadApiVersion | Should -Be '2'
        $printed = @(($connection | Out-String), ($connection | Format-List * | Out-String), $connection.ToString(), ($connection | ConvertTo-Json -Depth 5)) -join "`n"
        $printed | Should -Match 'AppOnlyBearer'
        $printed | Should -Not -Match ([regex]::Escape($emulator.BearerToken))
        (Get-ProfileUser Twitter).UserId | Should -Be '783214'
    }

    It 'takes the token from PROFILEMEDIA_BEARER_TOKEN' {
        $env:PROFILEMEDIA_BEARER_TOKEN = $emulator.BearerToken
        try { $connection = Connect-ProfileMedia -ApiBaseUri $emulator.RootUri -PassThru }
        finally { Remove-Item env:PROFILEMEDIA_BEARER_TOKEN }
        $connection.Credentials | Should -Be 'AppOnlyBearer'
        (Get-ProfileUser DefaultUser -Connection $connection).ScreenName | Should -Be 'DefaultUser'
    }

    It 'mints the token with -RequestBearerToken, and stops with AuthenticationFailed for a wrong secret' {
        $account = Get-EmulatorAccount $emulator
        $connection = Connect-ProfileMedia -ApiBaseUri $emulator.RootUri -ConsumerKey $account.consumerKey -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) -RequestBearerToken -PassThru
        $connection.Credentials | Should -Be 'AppOnlyBearer'
        @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -eq '/oauth2/token' }) | Should -HaveCount 1
        (Get-ProfileUser Twitter -Connection $connection).ScreenName | Should -Be 'Twitter'
        { Connect-ProfileMedia -ApiBaseUri $emulator.RootUri -ConsumerKey $account.consumerKey -ConsumerSecret (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -RequestBearerToken } |
            Should -Throw -ErrorId 'AuthenticationFailed,ProfileMedia.Commands.ConnectProfileMediaCommand'
    }

    It 'says the service''s answer was unusable (UnusableBearerToken) when /oauth2/token gives a token with <Case>' -TestCases @(
        @{ Case = 'a space'; Token = 'AAAA BBBB' }
        @{ Case = 'a CR LF'; Token = "AAAA`r`nX-Injected: 1" }
    ) {
        $account = Get-EmulatorAccount $emulator
        Add-EmulatorFault $emulator @{ pathPrefix = '/oauth2/token'; status = 200; body = (@{ token_type = 'bearer'; access_token = $Token } | ConvertTo-Json -Compress) }
        $errorRecord = $null
        try { Connect-ProfileMedia -ApiBaseUri $emulator.RootUri -ConsumerKey $account.consumerKey -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) -RequestBearerToken }
        catch { $errorRecord = $_ }
        $errorRecord.FullyQualifiedErrorId | Should -Be 'UnusableBearerToken,ProfileMedia.Commands.ConnectProfileMediaCommand'
        $errorRecord.CategoryInfo.Category | Should -Be 'InvalidResult'
        $errorRecord.Exception.Message | Should -BeLike '*X answered with an access_token that holds a space, a control or a non-ASCII character*'
        $errorRecord.Exception.Message | Should -Not -BeLike '*paste it again*'
        $errorRecord.Exception.Message | Should -Not -BeLike '*AAAA*' -Because 'even an unusable token is not shown'
    }

    It 'holds both kinds when given both, and then writes work' {
        $connection = Connect-EmulatorAccount $emulator -Options @{ BearerToken = (ConvertTo-SecureString $emulator.BearerToken -AsPlainText -Force) }
        $connection.Credentials | Should -Be 'UserContext, AppOnlyBearer'
        Remove-ProfileBanner -Confirm:$false -Connection $connection
        (Get-ProfileUser EmulatedUser -Connection $connection).ProfileBannerUrl | Should -BeNullOrEmpty
    }

    It 'refuses <Cmdlet> on a Bearer-only connection before any request, naming the credentials it needs' -TestCases @(
        @{ Cmdlet = 'Set-ProfileImage'; Run = { Set-ProfileImage -LiteralPath $png.FullName } }
        @{ Cmdlet = 'Set-ProfileBanner'; Run = { Set-ProfileBanner -LiteralPath $png.FullName } }
        @{ Cmdlet = 'Remove-ProfileBanner'; Run = { Remove-ProfileBanner -Confirm:$false } }
    ) {
        $null = Connect-EmulatorBearer $emulator
        Clear-EmulatorRequest $emulator
        $errorRecord = $null
        try { & $Run } catch { $errorRecord = $_ }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'UserContextRequired,*'
        $errorRecord.Exception.Message | Should -BeLike '*-AccessTokenSecret*'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'nothing may be sent on a connection that cannot sign as the account'
    }

    It 'Get-ProfileUser with no name needs user context: UserContextRequired, no request' {
        $null = Connect-EmulatorBearer $emulator
        Clear-EmulatorRequest $emulator
        Get-ProfileUser -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'UserContextRequired,ProfileMedia.Commands.GetProfileUserCommand'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'shows the Bearer header as redacted with -Debug' {
        $null = Connect-EmulatorBearer $emulator
        $text = (Get-ProfileUser Twitter -Verbose -Debug 4>&1 5>&1 | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] }).Message -join "`n"
        $text | Should -Match 'Authorization: Bearer \(redacted\)'
        $text | Should -Not -Match ([regex]::Escape($emulator.BearerToken))
    }
}

Describe 'Get-ProfileUser over v2' {
    BeforeAll { $null = Connect-EmulatorBearer $emulator }
    BeforeEach { Reset-Emulator $emulator }

    It 'looks up <Count> names in <Requests> request(s), in input order' -TestCases @(
        @{ Count = 1; Requests = 1 }, @{ Count = 100; Requests = 1 }, @{ Count = 101; Requests = 2 }, @{ Count = 250; Requests = 3 }
    ) {
        $names = @(Get-BulkName $Count)
        [array]::Reverse($names)
        $users = $names | Get-ProfileUser
        $users.ScreenName | Should -Be $names
        Get-V2Request | Should -HaveCount $Requests
    }

    It 'sends the first request once 100 names are collected, before the input ends' {
        $script:requestsAt101 = $null
        $users = 1..150 | ForEach-Object {
            if ($_ -eq 101) { $script:requestsAt101 = @(Get-V2Request).Count }
            'user{0:D4}' -f $_
        } | Get-ProfileUser
        $users | Should -HaveCount 150
        $script:requestsAt101 | Should -Be 1
    }

    It 'asks once for a name given twice in any case, and outputs it each time' {
        $users = 'EmulatedUser', 'emulateduser', '@EMULATEDUSER', 'Twitter', 'EmulatedUser' | Get-ProfileUser
        $users.ScreenName | Should -Be @('EmulatedUser', 'EmulatedUser', 'EmulatedUser', 'Twitter', 'EmulatedUser')
        $request = @(Get-V2Request)
        $request | Should -HaveCount 1
        $request[0].pathAndQuery | Should -BeLike '/2/users/by?usernames=EmulatedUser%2CTwitter&*'
    }

    It 'writes UserNotFound and UserSuspended as separate errors and outputs the rest' {
        $users = 'nobody_here', 'EmulatedUser', 'SuspendedUser' | Get-ProfileUser -ErrorVariable problems -ErrorAction SilentlyContinue
        $users.ScreenName | Should -Be 'EmulatedUser'
        $problems | Should -HaveCount 2
        $problems[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,ProfileMedia.Commands.GetProfileUserCommand'
        $problems[0].TargetObject | Should -Be 'nobody_here'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[1].FullyQualifiedErrorId | Should -Be 'UserSuspended,ProfileMedia.Commands.GetProfileUserCommand'
        $problems[1].TargetObject | Should -Be 'SuspendedUser'
        Get-V2Request | Should -HaveCount 1
    }

    It 'writes UserNotFound for each of a batch where all are missing, from one request' {
        Get-ProfileUser -UserId 42, 43, 44 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems.FullyQualifiedErrorId | Should -Be (@('UserNotFound,ProfileMedia.Commands.GetProfileUserCommand') * 3)
        $problems.TargetObject | Should -Be @('42', '43', '44')
        Get-V2Request | Should -HaveCount 1
    }

    It 'treats a single lookup answered 404 as UserNotFound' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 404 }
        Get-ProfileUser ghost -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,ProfileMedia.Commands.GetProfileUserCommand'
    }

    It 'says with -Verbose how many users each request returned' {
        $text = ('Twitter', 'nobody_here', 'DefaultUser' | Get-ProfileUser -Verbose -ErrorAction SilentlyContinue 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $text | Should -Match '/2/users/by: 2 of 3 users returned, 1 not found \(pay-per-use bills each returned user\)'
    }

    It 'gets the connected account with no name (/2/users/me)' {
        $null = Connect-EmulatorAccount $emulator
        try {
            (Get-ProfileUser).ScreenName | Should -Be 'EmulatedUser'
            (Get-V2Request)[0].pathAndQuery | Should -BeLike '/2/users/me?*'
            Clear-EmulatorRequest $emulator
            @() | Get-ProfileUser | Should -BeNullOrEmpty -Because 'empty pipeline input names no one, and is not the connected account'
            Get-ProfileUser -ScreenName @() | Should -BeNullOrEmpty -Because 'an empty list names no one either'
            @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        }
        finally { $null = Connect-EmulatorBearer $emulator }
    }

    It 'refuses a name longer than 15 characters before any request' {
        Get-ProfileUser 'sixteen_letters_' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidScreenName,ProfileMedia.Commands.GetProfileUserCommand'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }
}

Describe 'Problems and access levels' {
    BeforeAll { $null = Connect-EmulatorBearer $emulator }
    BeforeEach { Reset-Emulator $emulator }

    It 'says what to change in the console for client-not-enrolled (legacy-free)' {
        Set-EmulatorAccessLevel $emulator legacy-free
        Get-ProfileUser Twitter -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ClientNotEnrolled,ProfileMedia.Commands.GetProfileUserCommand'
        $problems[0].Exception.Message | Should -BeLike '*Pay-per-use*Production*'
    }

    It 'never waits for a usage cap, even with -RateLimitAction Wait' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/'; kind = 'usageCapped'; retryAfterSeconds = 1 }
        Get-ProfileUser Twitter -RateLimitAction Wait -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'UsageCapped,ProfileMedia.Commands.GetProfileUserCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        Get-V2Request | Should -HaveCount 1
    }

    It 'never retries an empty balance (402)' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/'; status = 402; count = 3 }
        Get-ProfileUser Twitter -RateLimitAction Wait -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'CreditsDepleted,ProfileMedia.Commands.GetProfileUserCommand'
        Get-V2Request | Should -HaveCount 1
    }

    It 'writes one error for a batch whose request failed, not one per user' {
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/'; status = 402 }
        'Twitter', 'EmulatedUser', 'DefaultUser' | Get-ProfileUser -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
    }

    It 'answers a v1.1 read at pay-per-use with AccessTierInsufficient, naming the endpoint and v2' {
        $null = Connect-EmulatorAccount $emulator
        try {
            Get-ProfileUser Twitter -ReadApiVersion 1.1 -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems[0].FullyQualifiedErrorId | Should -Be 'AccessTierInsufficient,ProfileMedia.Commands.GetProfileUserCommand'
            $problems[0].Exception.Message | Should -BeLike '*/1.1/users/lookup.json*v2, the default*'
        }
        finally { $null = Connect-EmulatorBearer $emulator }
    }

    It 'in v1.1 mode at enterprise, looks 150 users up with two users/lookup requests' {
        Set-EmulatorAccessLevel $emulator enterprise
        $connection = Connect-EmulatorAccount $emulator -Options @{ ReadApiVersion = '1.1' }
        try {
            $connection.ReadApiVersion | Should -Be '1.1'
            (Get-BulkName 150 | Get-ProfileUser) | Should -HaveCount 150
            @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/1.1/users/lookup.json*') | Should -HaveCount 2
            Get-V2Request | Should -HaveCount 0
        }
        finally { $null = Connect-EmulatorBearer $emulator }
    }
}

Describe 'Get-ProfileBanner and Save-ProfileMedia over v2' {
    BeforeAll { $null = Connect-EmulatorBearer $emulator }
    BeforeEach { Reset-Emulator $emulator }

    It 'gives the banner sizes of looked-up users by the URL rule, in one request and no banner call' {
        $sizes = Get-ProfileBanner -ScreenName EmulatedUser, Twitter -Size 1500x500, web
        $sizes | Should -HaveCount 4
        $sizes[0].Url | Should -Be ($sizes[0].SourceUrl + '/1500x500')
        $sizes[0].ScreenName | Should -Be 'EmulatedUser'
        $sizes[0].UserId | Should -Be '1000001'
        Get-V2Request | Should -HaveCount 1
        @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/1.1/*') | Should -HaveCount 0
    }

    It 'writes NoProfileBanner for a user without one' {
        Get-ProfileBanner -ScreenName DefaultUser -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'NoProfileBanner,ProfileMedia.Commands.GetProfileBannerCommand'
    }

    It 'refreshes the outdated URLs of five users with one lookup' {
        $users = Get-BulkName 5 | Get-ProfileUser
        foreach ($user in $users) { Add-EmulatorFault $emulator @{ pathPrefix = ([uri] $user.ProfileImageUrlHttps).AbsolutePath; status = 404 } }
        Clear-EmulatorRequest $emulator
        $destination = Join-Path $folder ('save-' + [guid]::NewGuid().ToString('N'))
        $files = $users | Get-ProfileImageVariant -Size normal | Save-ProfileMedia -Destination $destination
        $files | Should -HaveCount 5
        $files.Refreshed | Should -Be (@($true) * 5)
        $lookups = @(Get-V2Request)
        $lookups | Should -HaveCount 1
        $lookups[0].pathAndQuery | Should -BeLike '/2/users?ids=*'
    }
}
