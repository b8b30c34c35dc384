# The PIN-based three-legged flow (issue 13): Request-ProfileMediaAuthorization | Complete-ProfileMediaAuthorization |
# Connect-ProfileMedia against the emulator, which stands in for the account owner through its control endpoint.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 0
    $app = Get-EmulatorAccount $emulator
    $appSecret = ConvertTo-SecureString $app.consumerSecret -AsPlainText -Force
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-authorization-$([guid]::NewGuid().ToString('n'))")
    $png = New-TestImageFile -Path (Join-Path $folder 'avatar.png') -Bytes 3000
    $savedEnvironment = @{}
    foreach ($name in 'CONSUMER_KEY', 'CONSUMER_SECRET', 'API_BASE_URI', 'ACCESS_TOKEN', 'ACCESS_TOKEN_SECRET') {
        $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable("PROFILEMEDIA_$name")
    }

    function Clear-CredentialEnvironment {
        # Removed, not set to $null: from PowerShell that sets "", which is an empty credential, not a missing one.
        foreach ($name in $savedEnvironment.Keys) { Remove-Item "env:PROFILEMEDIA_$name" -ErrorAction Ignore }
    }

    function Request-Pending {
        [CmdletBinding()] param()
        Request-ProfileMediaAuthorization -ConsumerKey $app.consumerKey -ConsumerSecret $appSecret -ApiBaseUri $emulator.BaseUri -NoBrowser -InformationAction Ignore
    }

    function Get-MediaState([string] $ScreenName) {
        $state = Invoke-RestMethod -Uri ([uri]::new($emulator.ControlUri, "accounts/$ScreenName/media"))
        '{0}|{1}' -f $state.profileImageUrl, $state.pendingProfileImageUrl
    }
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    foreach ($entry in $savedEnvironment.GetEnumerator()) {
        if ($null -eq $entry.Value) { Remove-Item "env:PROFILEMEDIA_$($entry.Key)" -ErrorAction Ignore } else { [Environment]::SetEnvironmentVariable("PROFILEMEDIA_$($entry.Key)", $entry.Value) }
    }
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Request-ProfileMediaAuthorization | Complete-ProfileMediaAuthorization | Connect-ProfileMedia' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-CredentialEnvironment
        Disconnect-ProfileMedia
    }

    It 'authorizes two accounts in one line each, and each connection uploads for its own account only' {
        $env:PROFILEMEDIA_CONSUMER_KEY = $app.consumerKey
        $env:PROFILEMEDIA_CONSUMER_SECRET = $app.consumerSecret
        $env:PROFILEMEDIA_API_BASE_URI = $emulator.BaseUri.AbsoluteUri
        $connections = @{}
        foreach ($screenName in 'EmulatedUser', 'DefaultUser') {
            # -Pin as a script block: the owner of $screenName approves the app once the pending authorization arrives.
            $connections[$screenName] = Request-ProfileMediaAuthorization -NoBrowser -InformationAction Ignore |
                Complete-ProfileMediaAuthorization -Pin { Approve-EmulatorAuthorization $emulator $_.RequestToken $screenName } |
                Connect-ProfileMedia -PassThru
        }
        Clear-CredentialEnvironment

        foreach ($screenName in 'EmulatedUser', 'DefaultUser') {
            $connections[$screenName].BaseUri | Should -Be $emulator.RootUri
            # Issued tokens start with the account's user id, as X's do; they are not the seeded ones.
            $connections[$screenName].AccessTokenHint | Should -Be ((Get-EmulatorAccount $emulator $screenName).userId.Substring(0, 4) + [char] 0x2026)
        }

        $before = @{ EmulatedUser = Get-MediaState EmulatedUser; DefaultUser = Get-MediaState DefaultUser }
        $first = Set-ProfileImage -LiteralPath $png.FullName -Connection $connections.EmulatedUser -PassThru
        $first.ScreenName | Should -Be 'EmulatedUser'
        $afterFirst = @{ EmulatedUser = Get-MediaState EmulatedUser; DefaultUser = Get-MediaState DefaultUser }
        $afterFirst.EmulatedUser | Should -Not -Be $before.EmulatedUser
        $afterFirst.DefaultUser | Should -Be $before.DefaultUser

        $second = Set-ProfileImage -LiteralPath $png.FullName -Connection $connections.DefaultUser -PassThru
        $second.ScreenName | Should -Be 'DefaultUser'
        (Get-MediaState DefaultUser) | Should -Not -Be $afterFirst.DefaultUser
        (Get-MediaState EmulatedUser) | Should -Be $afterFirst.EmulatedUser
    }

    It 'outputs a pending authorization whose link is the emulator''s authorize page, and shows that link on the host' {
        $pending = Request-ProfileMediaAuthorization -ConsumerKey $app.consumerKey -ConsumerSecret $appSecret -ApiBaseUri $emulator.BaseUri -NoBrowser -InformationVariable shown -InformationAction Ignore
        $pending | Should -BeOfType ([ProfileMedia.PendingAuthorization])
        $pending.AuthorizeUrl.AbsoluteUri | Should -Be ('{0}oauth/authorize?oauth_token={1}' -f $emulator.MediaBaseUri, $pending.RequestToken)
        $pending.RequestTokenSecret | Should -BeOfType ([securestring])
        $pending.IsCompleted | Should -BeFalse
        ($shown | Out-String) | Should -BeLike "*$($pending.AuthorizeUrl.AbsoluteUri)*Complete-ProfileMediaAuthorization*"
        @($shown.Tags) | Should -Contain 'PSHOST'
    }

    It 'outputs the account''s screen name, user id, consumer key, access token and both secrets as SecureString' {
        $pending = Request-Pending
        $account = $pending | Complete-ProfileMediaAuthorization -Pin (Approve-EmulatorAuthorization $emulator $pending.RequestToken DefaultUser)
        $account | Should -BeOfType ([ProfileMedia.AuthorizedAccount])
        $account.ScreenName | Should -Be 'DefaultUser'
        $account.UserId | Should -Be '1000002'
        $account.ConsumerKey | Should -Be $app.consumerKey
        $account.AccessToken | Should -BeLike '1000002-*'
        $account.ConsumerSecret | Should -BeOfType ([securestring])
        $account.AccessTokenSecret | Should -BeOfType ([securestring])
        $account.ApiBaseUri | Should -Be $emulator.BaseUri
        $pending.IsCompleted | Should -BeTrue
    }

    It 'refuses a wrong PIN with PinRejected, goes on with the next record, and the right PIN still completes' {
        $pending = Request-Pending
        $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken EmulatedUser
        $wrong = if ($pin -eq '0000000') { '1111111' } else { '0000000' }
        $objects = @([pscustomobject]@{ Pin = $wrong }, [pscustomobject]@{ Pin = $pin }) |
            ForEach-Object { $pending | Complete-ProfileMediaAuthorization -Pin $_.Pin -ErrorVariable failed -ErrorAction SilentlyContinue; $failed }
        $records = @($objects | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $records | Should -HaveCount 1
        $records[0].FullyQualifiedErrorId | Should -Be 'PinRejected,ProfileMedia.Commands.CompleteProfileMediaAuthorizationCommand'
        $records[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $records[0].TargetObject | Should -Be $pending
        $records[0].Exception.Message | Should -BeLike "*$($pending.RequestToken)*-Pin*"
        @($objects | Where-Object { $_ -is [ProfileMedia.AuthorizedAccount] }).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'says a pending authorization that came back through <Way> cannot travel, with its own id, and sends nothing' -ForEach @(
        @{ Way = 'Export-Clixml and Import-Clixml'; Travel = { param($Pending, $Folder) $path = Join-Path $Folder 'pending.xml'; $Pending | Export-Clixml -LiteralPath $path; Import-Clixml -LiteralPath $path } }
        @{ Way = 'a job'; Travel = { param($Pending) Start-Job { $args[0] } -ArgumentList $Pending | Receive-Job -Wait -AutoRemoveJob } }
    ) {
        $pending = Request-Pending
        $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken EmulatedUser
        $travelled = & $Travel $pending $folder.FullName
        Clear-EmulatorRequest $emulator
        $travelled | Complete-ProfileMediaAuthorization -Pin $pin -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'PendingAuthorizationCannotTravel,ProfileMedia.Commands.CompleteProfileMediaAuthorizationCommand'
        $problems[0].Exception.Message | Should -BeLike "*$($pending.RequestToken)*secret stays behind*Request-ProfileMediaAuthorization*"
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        ($pending | Complete-ProfileMediaAuthorization -Pin $pin).ScreenName | Should -Be 'EmulatedUser' -Because 'the original still completes in its own session'
    }

    It 'refuses a PIN used twice with PinAlreadyUsed' {
        $pending = Request-Pending
        $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken EmulatedUser
        $null = $pending | Complete-ProfileMediaAuthorization -Pin $pin
        { $pending | Complete-ProfileMediaAuthorization -Pin $pin -ErrorAction Stop } |
            Should -Throw -ErrorId 'PinAlreadyUsed,ProfileMedia.Commands.CompleteProfileMediaAuthorizationCommand' -ExpectedMessage '*PIN works only once*Request-ProfileMediaAuthorization*'
    }

    It 'refuses an expired request token with AuthorizationExpired' {
        $pending = Request-Pending
        $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken EmulatedUser
        Invoke-EmulatorRequestTokenExpiry $emulator $pending.RequestToken
        { $pending | Complete-ProfileMediaAuthorization -Pin $pin -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthorizationExpired,ProfileMedia.Commands.CompleteProfileMediaAuthorizationCommand' -ExpectedMessage '*expired*Run Request-ProfileMediaAuthorization again*'
        $pending.IsCompleted | Should -BeFalse
    }

    It 'says what to set up in the developer portal when X answers <Status> to request_token' -ForEach @(
        @{ Status = 401; Body = '{"errors":[{"code":32,"message":"Could not authenticate you."}]}' }
        @{ Status = 403; Body = '{"errors":[{"code":415,"message":"Callback URL not approved for this client application."}]}' }
    ) {
        Add-EmulatorFault $emulator @{ pathPrefix = '/oauth/request_token'; status = $Status; body = $Body }
        { Request-Pending -ErrorAction Stop } | Should -Throw -ErrorId 'AuthorizationRequestRefused,ProfileMedia.Commands.RequestProfileMediaAuthorizationCommand' `
            -ExpectedMessage "*HTTP $Status*current API key and secret*'Read and write' permission and a callback URL*"
    }

    It 'refuses a consumer key with no secret, naming the parameter and the variable' {
        $env:PROFILEMEDIA_CONSUMER_KEY = $app.consumerKey
        { Request-ProfileMediaAuthorization -ApiBaseUri $emulator.BaseUri -NoBrowser } |
            Should -Throw -ErrorId 'MissingCredential,ProfileMedia.Commands.RequestProfileMediaAuthorizationCommand' -ExpectedMessage '*-ConsumerSecret (or $env:PROFILEMEDIA_CONSUMER_SECRET)*Keys and tokens*'
        Clear-EmulatorRequest $emulator
        { Request-ProfileMediaAuthorization -ConsumerKey $app.consumerKey -ApiBaseUri $emulator.BaseUri -NoBrowser } | Should -Throw -ErrorId 'MissingCredential*'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'nothing is sent without the secret'
    }

    It 'refuses plain http to a host that is not loopback, before sending anything' {
        { Request-ProfileMediaAuthorization -ConsumerKey k -ConsumerSecret $appSecret -ApiBaseUri 'http://api.example.com/1.1/' -NoBrowser } |
            Should -Throw -ErrorId 'InvalidApiBaseUri,ProfileMedia.Commands.RequestProfileMediaAuthorizationCommand'
    }

    It 'without -Pin asks the host for it, after Request has made the link, as in the one-line recipe' {
        # The pipeline runs in a runspace whose host answers the prompt as the account's owner would (tests/PromptHost.cs).
        Add-Type -LiteralPath (Join-Path $PSScriptRoot 'PromptHost.cs') -ErrorAction SilentlyContinue
        $promptHost = [PinPromptHost]::new($emulator.ControlUri, 'DefaultUser')
        $runspace = [runspacefactory]::CreateRunspace($promptHost)
        $runspace.Open()
        $ps = [powershell]::Create()
        try {
            $ps.Runspace = $runspace
            $null = $ps.AddScript('param($Manifest, $Key, $Secret, $Base) Import-Module $Manifest
                Request-ProfileMediaAuthorization -ConsumerKey $Key -ConsumerSecret $Secret -ApiBaseUri $Base -NoBrowser | Complete-ProfileMediaAuthorization | Connect-ProfileMedia -PassThru').
                AddArgument($script:ModuleManifest).AddArgument($app.consumerKey).AddArgument($appSecret).AddArgument($emulator.BaseUri)
            $connection = @($ps.Invoke())
            $ps.Streams.Error | Should -BeNullOrEmpty
            $connection | Should -HaveCount 1
            $connection[0].AccessTokenHint | Should -Be ('1000' + [char] 0x2026)
            $promptHost.Prompts | Should -HaveCount 1
            $promptHost.Prompts[0] | Should -Match '^Complete-ProfileMediaAuthorization\|Open http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=\w+, authorize the app .*\|Pin$'
        }
        finally { $ps.Dispose(); $runspace.Dispose() }
    }

    It 'without -Pin where nothing can be asked, writes PinMissing with the link to open' {
        $pending = Request-Pending
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Manifest, $Pending) Import-Module $Manifest; $Pending | Complete-ProfileMediaAuthorization').AddArgument($script:ModuleManifest).AddArgument($pending)
            $output = $ps.Invoke()
            $output | Should -BeNullOrEmpty
            $ps.Streams.Error | Should -HaveCount 1
            $ps.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'PinMissing,ProfileMedia.Commands.CompleteProfileMediaAuthorizationCommand'
            $ps.Streams.Error[0].Exception.Message | Should -BeLike "*$($pending.AuthorizeUrl.AbsoluteUri)*-Pin*"
        }
        finally { $ps.Dispose() }
    }

    It 'takes -Pin by position and ignores spaces around it' {
        $pending = Request-Pending
        $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken DefaultUser
        ($pending | Complete-ProfileMediaAuthorization " $pin ").ScreenName | Should -Be 'DefaultUser'
    }
}

Describe 'Starting the browser' -Skip:(-not $IsLinux) {
    BeforeAll {
        # A stand-in for xdg-open that records the link it was given, in a graphical session that this test pretends.
        $bin = New-Item -ItemType Directory -Path (Join-Path $folder "bin-$([guid]::NewGuid().ToString('n'))")
        $record = Join-Path $folder 'opened.txt'
        Set-Content -LiteralPath (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`nprintf '%s' `"`$1`" > '$record'`n"
        chmod +x (Join-Path $bin 'xdg-open')
        $savedPath = $env:PATH
        $savedDisplay = $env:DISPLAY
        $savedWayland = $env:WAYLAND_DISPLAY
    }

    AfterEach {
        $env:PATH = $savedPath
        $env:DISPLAY = $savedDisplay
        $env:WAYLAND_DISPLAY = $savedWayland
        Remove-Item -LiteralPath $record -ErrorAction Ignore
    }

    It 'opens the authorize link with xdg-open in a graphical session' {
        $env:PATH = "$bin$([IO.Path]::PathSeparator)$savedPath"
        $env:DISPLAY = ':99'
        $pending = Request-ProfileMediaAuthorization -ConsumerKey $app.consumerKey -ConsumerSecret $appSecret -ApiBaseUri $emulator.BaseUri -InformationVariable shown -InformationAction Ignore
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (-not (Test-Path -LiteralPath $record) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Get-Content -LiteralPath $record -Raw | Should -Be $pending.AuthorizeUrl.AbsoluteUri
        ($shown | Out-String) | Should -BeLike '*browser is opening*'
    }

    It 'starts nothing with -NoBrowser' {
        $env:PATH = "$bin$([IO.Path]::PathSeparator)$savedPath"
        $env:DISPLAY = ':99'
        $pending = Request-ProfileMediaAuthorization -ConsumerKey $app.consumerKey -ConsumerSecret $appSecret -ApiBaseUri $emulator.BaseUri -NoBrowser -InformationVariable shown -InformationAction Ignore
        $pending | Should -Not -BeNullOrEmpty
        # The message is the one written only when no browser was tried ("browser is opening" after a start).
        ($shown | Out-String) | Should -BeLike "*Open this link in a browser: $($pending.AuthorizeUrl.AbsoluteUri)*"
    }

    It 'on a headless box starts nothing, does not wait, and shows the link to open elsewhere' {
        $env:PATH = "$bin$([IO.Path]::PathSeparator)$savedPath"
        $env:DISPLAY = $null
        $env:WAYLAND_DISPLAY = $null
        $pending = Request-ProfileMediaAuthorization -ConsumerKey $app.consumerKey -ConsumerSecret $appSecret -ApiBaseUri $emulator.BaseUri -InformationVariable shown -InformationAction Ignore -Verbose 4>&1 |
            Tee-Object -Variable all | Where-Object { $_ -is [ProfileMedia.PendingAuthorization] }
        $pending | Should -HaveCount 1
        ($shown | Out-String) | Should -BeLike "*No browser here; open this link on any device: $($pending.AuthorizeUrl.AbsoluteUri)*"
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'No browser started: there is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set).'
    }
}
