BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator
    $account = Get-EmulatorAccount $emulator
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}

Describe 'Connect-ProfileMedia and Disconnect-ProfileMedia' {
    BeforeEach {
        Disconnect-ProfileMedia
        foreach ($name in 'CONSUMER_KEY', 'CONSUMER_SECRET', 'ACCESS_TOKEN', 'ACCESS_TOKEN_SECRET', 'API_BASE_URI', 'BEARER_TOKEN') { Remove-Item "env:PROFILEMEDIA_$name" -ErrorAction Ignore }
    }

    It 'connects with parameters, makes no request, and the session''s cmdlets use it' {
        Clear-EmulatorRequest $emulator
        $connection = Connect-EmulatorAccount $emulator
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        $connection.BaseUri | Should -Be $emulator.RootUri
        $connection.Credentials | Should -Be 'UserContext'
        (Get-ProfileUser EmulatedUser).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'takes the four credentials and the base URI from environment variables, a /1.1/ base meaning its root' {
        $env:PROFILEMEDIA_CONSUMER_KEY = $account.consumerKey
        $env:PROFILEMEDIA_CONSUMER_SECRET = $account.consumerSecret
        $env:PROFILEMEDIA_ACCESS_TOKEN = $account.accessToken
        $env:PROFILEMEDIA_ACCESS_TOKEN_SECRET = $account.accessTokenSecret
        $env:PROFILEMEDIA_API_BASE_URI = $emulator.BaseUri.AbsoluteUri
        $connection = Connect-ProfileMedia -PassThru
        $connection.BaseUri | Should -Be $emulator.RootUri
        (Get-ProfileUser EmulatedUser).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'names the missing credential and its environment variable' {
        { Connect-ProfileMedia -ConsumerKey 'k' -ApiBaseUri $emulator.BaseUri } | Should -Throw -ErrorId 'MissingCredential,ProfileMedia.Commands.ConnectProfileMediaCommand' -ExpectedMessage '*-ConsumerSecret (or $env:PROFILEMEDIA_CONSUMER_SECRET), -AccessToken (or $env:PROFILEMEDIA_ACCESS_TOKEN), -AccessTokenSecret*'
    }

    It 'names a white-space key or token, or an empty secret, as an empty credential wherever it came from' {
        $secret = ConvertTo-SecureString 's' -AsPlainText -Force
        { Connect-ProfileMedia -ConsumerKey '   ' -ConsumerSecret $secret -AccessToken t -AccessTokenSecret $secret -ApiBaseUri $emulator.BaseUri } |
            Should -Throw -ErrorId 'EmptyCredential,ProfileMedia.Commands.ConnectProfileMediaCommand' -ExpectedMessage '*-ConsumerKey*'
        { Connect-ProfileMedia -ConsumerKey k -ConsumerSecret $secret -AccessToken t -AccessTokenSecret ([securestring]::new()) -ApiBaseUri $emulator.BaseUri } |
            Should -Throw -ErrorId 'EmptyCredential,ProfileMedia.Commands.ConnectProfileMediaCommand' -ExpectedMessage '*-AccessTokenSecret*'
        $env:PROFILEMEDIA_ACCESS_TOKEN = ' '
        { Connect-ProfileMedia -ConsumerKey k -ConsumerSecret $secret -AccessTokenSecret $secret -ApiBaseUri $emulator.BaseUri } |
            Should -Throw -ErrorId 'EmptyCredential,ProfileMedia.Commands.ConnectProfileMediaCommand' -ExpectedMessage '*$env:PROFILEMEDIA_ACCESS_TOKEN*'
    }

    It 'refuses plain http to a host that is not loopback' {
        $secret = ConvertTo-SecureString 's' -AsPlainText -Force
        { Connect-ProfileMedia -ConsumerKey k -ConsumerSecret $secret -AccessToken t -AccessTokenSecret $secret -ApiBaseUri 'http://api.example.com/1.1/' } |
            Should -Throw -ErrorId 'InvalidApiBaseUri,ProfileMedia.Commands.ConnectProfileMediaCommand'
    }

    It 'shows its base URI and never a secret, however it is printed' {
        $connection = Connect-EmulatorAccount $emulator
        $printed = @(
            ($connection | Out-String), ($connection | Format-List * | Out-String), $connection.ToString(),
            ($connection | ConvertTo-Json -Depth 5), ($connection | Select-Object * | Out-String)
        ) -join "`n"
        $printed | Should -Match ([regex]::Escape($emulator.RootUri.AbsoluteUri))
        $printed | Should -Not -Match ([regex]::Escape($account.consumerSecret))
        $printed | Should -Not -Match ([regex]::Escape($account.accessTokenSecret))
        $printed | Should -Not -Match ([regex]::Escape($account.consumerKey))
    }

    It 'without a connection, an API cmdlet stops with NotConnected; Disconnect closes a -PassThru connection' {
        { Get-ProfileUser EmulatedUser } | Should -Throw -ErrorId 'NotConnected,ProfileMedia.Commands.GetProfileUserCommand'
        $connection = Connect-EmulatorAccount $emulator
        Disconnect-ProfileMedia
        $connection.IsClosed | Should -BeTrue
        { Get-ProfileUser EmulatedUser -Connection $connection } | Should -Throw -ErrorId 'ConnectionClosed,ProfileMedia.Commands.GetProfileUserCommand'
    }

    It 'shows the three ways to connect as parameter sets, in Get-Command and Get-Help' {
        $command = Get-Command Connect-ProfileMedia
        $command.ParameterSets.Name | Sort-Object | Should -Be @('BearerToken', 'RequestBearerToken', 'UserContext')
        $command.DefaultParameterSet | Should -Be 'UserContext'
        $mandatory = foreach ($set in $command.ParameterSets) { "$($set.Name): " + (@($set.Parameters | Where-Object IsMandatory | ForEach-Object Name) -join ',') }
        $mandatory | Sort-Object | Should -Be @('BearerToken: BearerToken', 'RequestBearerToken: RequestBearerToken', 'UserContext: ')
        @((Get-Help Connect-ProfileMedia).syntax.syntaxItem) | Should -HaveCount 3
    }

    It 'connects once per piped object: <Case>' -TestCases @(
        @{ Case = 'the four credentials'; Credentials = 'UserContext'; Make = {
                [pscustomobject]@{ ConsumerKey = $account.consumerKey; ConsumerSecret = (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force)
                    AccessToken = $account.accessToken; AccessTokenSecret = (ConvertTo-SecureString $account.accessTokenSecret -AsPlainText -Force); ApiBaseUri = $emulator.RootUri } } }
        @{ Case = 'a Bearer token'; Credentials = 'AppOnlyBearer'; Make = {
                [pscustomobject]@{ BearerToken = (ConvertTo-SecureString $emulator.BearerToken -AsPlainText -Force); ApiBaseUri = $emulator.RootUri } } }
    ) {
        $connections = @((& $Make), (& $Make)) | Connect-ProfileMedia -PassThru
        $connections | Should -HaveCount 2
        $connections.Credentials | Should -Be @($Credentials, $Credentials)
        (Get-ProfileUser Twitter).ScreenName | Should -Be 'Twitter'
    }

    It 'keeps two accounts apart with -Connection' {
        $uploader = Connect-EmulatorAccount $emulator
        $plain = Connect-EmulatorAccount $emulator -ScreenName DefaultUser
        Set-EmulatorAccountState $emulator -ScreenName DefaultUser -State revoke
        try {
            (Get-ProfileUser EmulatedUser -Connection $uploader).ScreenName | Should -Be 'EmulatedUser'
            Get-ProfileUser EmulatedUser -Connection $plain -ErrorVariable problems -ErrorAction SilentlyContinue
            # v2 answers a revoked token with a plain 401 problem; v1.1 names it (code 89).
            $problems[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,ProfileMedia.Commands.GetProfileUserCommand'
            Get-ProfileUser EmulatedUser -Connection $plain -ReadApiVersion 1.1 -ErrorVariable v1problems -ErrorAction SilentlyContinue
            $v1problems[0].FullyQualifiedErrorId | Should -Be 'TokenInvalid,ProfileMedia.Commands.GetProfileUserCommand'
        }
        finally { Set-EmulatorAccountState $emulator -ScreenName DefaultUser -State restore }
    }
}
