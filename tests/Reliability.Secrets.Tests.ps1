# Secrets: every cmdlet, on its happy path and on an error path, with -Verbose -Debug and every stream captured; then
# error records, exceptions, the connection's formatting, ToString(), ConvertTo-Json and serialization. None may hold
# the consumer secret, the access token secret, the HMAC key (encode(consumer secret)&encode(token secret)) or an
# oauth_signature value. And the secrets are held as SecureString until the moment of signing.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'secrets'
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 300
    $folder = New-ReliabilityFolder -Prefix 'pm-secrets'
    $png = New-TestImageFile -Path (Join-Path $folder 'avatar.png') -Bytes 3000
    $account = Get-EmulatorAccount $emulator EmulatedUser
    $other = Get-EmulatorAccount $emulator DefaultUser
    $fast = @{ RetryBaseDelay = [timespan] '00:00:00.010'; MaxRetries = 1; Timeout = [timespan] '00:00:05' }
    $script:checkedTexts = 0

    # A wrong pair of secrets with characters that percent-encoding changes, so the encoded key differs from the raw one.
    $wrongConsumerSecret = 'Wr0ng/Consumer+Secret=&ünï~42'
    $wrongTokenSecret = 'Wr0ng Token!Secret*(7)'
    $encode = { param([string] $s) [uri]::EscapeDataString($s) }
    $secrets = [ordered]@{
        'consumer secret'                 = $account.consumerSecret
        'access token secret'             = $account.accessTokenSecret
        'HMAC key'                        = '{0}&{1}' -f (& $encode $account.consumerSecret), (& $encode $account.accessTokenSecret)
        'DefaultUser token secret'        = $other.accessTokenSecret
        'DefaultUser HMAC key'            = '{0}&{1}' -f (& $encode $other.consumerSecret), (& $encode $other.accessTokenSecret)
        'wrong consumer secret'           = $wrongConsumerSecret
        'wrong token secret'              = $wrongTokenSecret
        'wrong HMAC key'                  = '{0}&{1}' -f (& $encode $wrongConsumerSecret), (& $encode $wrongTokenSecret)
        'encoded wrong consumer secret'   = & $encode $wrongConsumerSecret
        'start of the consumer secret'    = $account.consumerSecret.Substring(0, 12)
        'end of the consumer secret'      = $account.consumerSecret.Substring($account.consumerSecret.Length - 12)
        'start of the token secret'       = $account.accessTokenSecret.Substring(0, 12)
        'end of the token secret'         = $account.accessTokenSecret.Substring($account.accessTokenSecret.Length - 12)
    }

    function ConvertTo-Texts {
        <# Every way a user might look at something: formatted, listed with all properties, as JSON, as CliXml, and for errors their exceptions too. #>
        param([AllowNull()] $Item)
        if ($null -eq $Item) { return }
        $Item | Out-String -Width 4096
        $Item | Format-List * -Force | Out-String -Width 4096
        "$Item"
        if ($Item -is [System.Management.Automation.ErrorRecord]) {
            $Item.ToString()
            $Item.ErrorDetails | Out-String -Width 4096
            $Item.TargetObject | Out-String -Width 4096
            $Item.CategoryInfo | Format-List * -Force | Out-String -Width 4096
            $Item.InvocationInfo | Format-List * -Force | Out-String -Width 4096
            $Item.ScriptStackTrace
            # ConvertTo-Json cannot take every exception's Data dictionary; CliXml can.
            try { $Item | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue } catch { [System.Management.Automation.PSSerializer]::Serialize($Item, 3) }
            for ($e = $Item.Exception; $e; $e = $e.InnerException) {
                $e.ToString()
                $e | Format-List * -Force | Out-String -Width 4096
                $e.Data | Out-String -Width 4096
            }
        }
        elseif ($Item -is [System.Management.Automation.InformationalRecord]) { $Item.Message }
        elseif ($Item -is [System.Management.Automation.InformationRecord] -or $Item -is [System.Management.Automation.ProgressRecord]) { $Item | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue }
        else {
            $Item | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
            [System.Management.Automation.PSSerializer]::Serialize($Item, 3)
        }
    }

    function Assert-NoSecret {
        param([string[]] $Texts, [string] $What)
        $all = $Texts -join "`n"
        $script:checkedTexts += $Texts.Count
        $all.Length | Should -BeGreaterThan 0 -Because "there is something to look at in $What"
        foreach ($name in $secrets.Keys) {
            $all.Contains($secrets[$name]) | Should -BeFalse -Because "the $name must not appear in $What"
        }
        $all | Should -Not -Match 'oauth_signature\s*=\s*"?[A-Za-z0-9%+/=]{8,}' -Because "no OAuth signature may appear in $What"
    }

    function Invoke-Traced {
        <# Runs a call with verbose, debug, warning and information on, and returns the text of every record from every stream. #>
        param([Parameter(Mandatory)] [scriptblock] $Call)
        $records = & {
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'
            $ErrorActionPreference = 'Continue'
            try { & $Call *>&1 } catch { $_ }
        }
        $records = @($records)
        [pscustomobject]@{ Records = $records; Texts = @($records | ForEach-Object { ConvertTo-Texts $_ }) }
    }

    $connection = Connect-EmulatorAccount $emulator -Options $fast
    $variant = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size 400x400
}

AfterAll {
    $figures.notes.Add("$script:checkedTexts texts checked for 13 secret forms")
    Write-ReliabilityFigures $figures
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    foreach ($name in 'CONSUMER_KEY', 'CONSUMER_SECRET', 'ACCESS_TOKEN', 'ACCESS_TOKEN_SECRET', 'API_BASE_URI') { Remove-Item "Env:\PROFILEMEDIA_$name" -ErrorAction Ignore }
}

Describe 'No secret in any stream, record or formatting' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorAccount $emulator -Options $fast
    }

    It '<Cmdlet> (<Path>) with -Verbose -Debug' -ForEach @(
        @{ Cmdlet = 'Connect-ProfileMedia'; Path = 'happy'; Expect = 'ok'; Call = {
                $s = ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force; $t = ConvertTo-SecureString $account.accessTokenSecret -AsPlainText -Force
                Connect-ProfileMedia -ApiBaseUri $emulator.BaseUri -ConsumerKey $account.consumerKey -ConsumerSecret $s -AccessToken $account.accessToken -AccessTokenSecret $t -PassThru -Verbose -Debug } }
        @{ Cmdlet = 'Connect-ProfileMedia'; Path = 'refused base URI'; Expect = 'InvalidApiBaseUri'; Call = {
                $s = ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force; $t = ConvertTo-SecureString $account.accessTokenSecret -AsPlainText -Force
                Connect-ProfileMedia -ApiBaseUri 'http://api.example.com/1.1/' -ConsumerKey $account.consumerKey -ConsumerSecret $s -AccessToken $account.accessToken -AccessTokenSecret $t -Verbose -Debug } }
        @{ Cmdlet = 'Connect-ProfileMedia'; Path = 'secrets from the environment, bad base URI'; Expect = 'InvalidApiBaseUri'; Call = {
                $env:PROFILEMEDIA_CONSUMER_KEY = $account.consumerKey; $env:PROFILEMEDIA_CONSUMER_SECRET = $account.consumerSecret
                $env:PROFILEMEDIA_ACCESS_TOKEN = $account.accessToken; $env:PROFILEMEDIA_ACCESS_TOKEN_SECRET = $account.accessTokenSecret
                $env:PROFILEMEDIA_API_BASE_URI = 'not a uri'
                try { Connect-ProfileMedia -Verbose -Debug }
                finally { foreach ($name in 'CONSUMER_KEY', 'CONSUMER_SECRET', 'ACCESS_TOKEN', 'ACCESS_TOKEN_SECRET', 'API_BASE_URI') { Remove-Item "Env:\PROFILEMEDIA_$name" -ErrorAction Ignore } } } }
        @{ Cmdlet = 'Connect-ProfileMedia'; Path = 'a missing credential'; Expect = 'MissingCredential'; Call = {
                Connect-ProfileMedia -ConsumerKey $account.consumerKey -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) -ApiBaseUri $emulator.BaseUri -Verbose -Debug } }
        @{ Cmdlet = 'Get-ProfileUser'; Path = 'happy'; Expect = 'ok'; Call = { Get-ProfileUser EmulatedUser, '@DefaultUser' -Verbose -Debug } }
        @{ Cmdlet = 'Get-ProfileUser'; Path = 'unknown user'; Expect = 'UserNotFound'; Call = { Get-ProfileUser NoSuchUser -Verbose -Debug } }
        @{ Cmdlet = 'Get-ProfileUser'; Path = 'revoked token'; Expect = 'TokenInvalid'; Call = {
                Set-EmulatorAccountState $emulator -ScreenName EmulatedUser -State revoke
                try { Get-ProfileUser EmulatedUser -ReadApiVersion 1.1 -Verbose -Debug } finally { Set-EmulatorAccountState $emulator -ScreenName EmulatedUser -State restore } } }
        @{ Cmdlet = 'Get-ProfileUser'; Path = 'wrong secrets with special characters'; Expect = 'AuthenticationFailed'; Call = {
                $wrong = Connect-ProfileMedia -ApiBaseUri $emulator.BaseUri -ConsumerKey $account.consumerKey -AccessToken $account.accessToken `
                    -ConsumerSecret (ConvertTo-SecureString $wrongConsumerSecret -AsPlainText -Force) -AccessTokenSecret (ConvertTo-SecureString $wrongTokenSecret -AsPlainText -Force) -PassThru
                Get-ProfileUser EmulatedUser -Connection $wrong -Verbose -Debug
                $wrong | Format-List * -Force | Out-String; $wrong | ConvertTo-Json -Depth 3 } }
        @{ Cmdlet = 'Get-ProfileBanner'; Path = 'happy'; Expect = 'ok'; Call = { Get-ProfileBanner -ScreenName EmulatedUser -Verbose -Debug } }
        @{ Cmdlet = 'Get-ProfileBanner'; Path = 'no banner, then 503 after a retry'; Expect = 'NoProfileBanner'; Call = {
                Get-ProfileBanner -ScreenName DefaultUser -Verbose -Debug
                Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 503; count = 2 }
                Get-ProfileBanner -UserId 1000001 -Verbose -Debug } }
        @{ Cmdlet = 'Get-ProfileImageVariant'; Path = 'happy'; Expect = 'ok'; Call = { Get-ProfileImageVariant $variant.Url -Verbose -Debug } }
        @{ Cmdlet = 'Get-ProfileImageVariant'; Path = 'bad URL'; Expect = 'UrlNotAbsoluteHttp'; Call = { Get-ProfileImageVariant 'ftp://x/y_normal.png' -Verbose -Debug } }
        @{ Cmdlet = 'Set-ProfileImage'; Path = 'happy, with -Wait'; Expect = 'ok'; Call = { Set-ProfileImage -LiteralPath $png.FullName -Wait -PassThru -Verbose -Debug } }
        @{ Cmdlet = 'Set-ProfileImage'; Path = 'read-only app'; Expect = 'AppCannotWrite'; Call = {
                Set-EmulatorAccountState $emulator -ScreenName EmulatedUser -State readonly
                try { Set-ProfileImage -LiteralPath $png.FullName -Verbose -Debug } finally { Set-EmulatorAccountState $emulator -ScreenName EmulatedUser -State restore } } }
        @{ Cmdlet = 'Set-ProfileBanner'; Path = 'happy'; Expect = 'ok'; Call = { Set-ProfileBanner -LiteralPath $png.FullName -Width 1 -Height 1 -OffsetLeft 0 -OffsetTop 0 -Verbose -Debug } }
        @{ Cmdlet = 'Set-ProfileBanner'; Path = 'dropped connection'; Expect = 'ConnectionFailed'; Call = {
                Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/account/update_profile_banner.json'; kind = 'drop' }
                Set-ProfileBanner -LiteralPath $png.FullName -Verbose -Debug } }
        @{ Cmdlet = 'Remove-ProfileBanner'; Path = 'happy'; Expect = 'ok'; Call = { Remove-ProfileBanner -Confirm:$false -Verbose -Debug } }
        @{ Cmdlet = 'Remove-ProfileBanner'; Path = 'rate limited'; Expect = 'RateLimited'; Call = {
                Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/account/remove_profile_banner.json'; status = 429; rateLimitResetSeconds = 1 }
                Remove-ProfileBanner -Confirm:$false -Verbose -Debug } }
        @{ Cmdlet = 'Save-ProfileMedia'; Path = 'happy, refreshing an outdated URL'; Expect = 'ok'; Call = {
                $null = Set-ProfileImage -LiteralPath $png.FullName -Wait
                $variant | Save-ProfileMedia -Destination (Join-Path $folder ([guid]::NewGuid())) -Verbose -Debug } }
        @{ Cmdlet = 'Save-ProfileMedia'; Path = '503 after the retries'; Expect = 'DownloadFailed'; Call = {
                Add-EmulatorFault $emulator @{ pathPrefix = '/profile_images/'; status = 503; count = 2 }
                $variant | Save-ProfileMedia -Destination (Join-Path $folder ([guid]::NewGuid())) -Verbose -Debug } }
        @{ Cmdlet = 'Disconnect-ProfileMedia'; Path = 'happy'; Expect = 'ok'; Call = { Connect-EmulatorAccount $emulator -Options $fast | Disconnect-ProfileMedia -Verbose -Debug } }
        @{ Cmdlet = 'Disconnect-ProfileMedia'; Path = 'not a connection'; Expect = 'CannotConvertArgumentNoMessage'; Call = { Disconnect-ProfileMedia -Connection 'EmulatedUser' -Verbose -Debug } }
    ) {
        Start-ReliabilityCase $figures "$Cmdlet ($Path) with -Verbose -Debug"
        $traced = Invoke-Traced $Call
        $figures.faultsInjected += @(Get-EmulatorRequest $emulator | Where-Object fault).Count
        $errors = @($traced.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        if ($Expect -eq 'ok') { $errors | Should -HaveCount 0 -Because "$($errors | ForEach-Object { $_.FullyQualifiedErrorId })" }
        else { ($errors | ForEach-Object { (Get-ErrorIdParts $_).Id }) | Should -Contain $Expect }
        Assert-NoSecret -Texts $traced.Texts -What "$Cmdlet ($Path)"
        Complete-ReliabilityCase $figures "$Cmdlet ($Path) with -Verbose -Debug"
    }

    It 'the traces are real: verbose and debug lines were captured, with the Authorization header redacted' {
        Start-ReliabilityCase $figures 'the traces are real: verbose and debug lines were captured, with the Authorization header redacted'
        $traced = Invoke-Traced { Get-ProfileUser EmulatedUser -Verbose -Debug }
        $text = $traced.Texts -join "`n"
        $text | Should -Match 'GET http://127\.0\.0\.1:\d+/2/users/by/username/'
        $text | Should -Match 'Authorization: OAuth \(redacted\)'
        Assert-NoSecret -Texts $traced.Texts -What 'Get-ProfileUser traces'
        Complete-ReliabilityCase $figures 'the traces are real: verbose and debug lines were captured, with the Authorization header redacted'
    }

    It 'progress, verbose, debug and information from a rate-limit wait in another runspace hold no secret' {
        Start-ReliabilityCase $figures 'progress, verbose, debug and information from a rate-limit wait in another runspace hold no secret'
        $ps = [powershell]::Create()
        try {
            Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 429; rateLimitResetSeconds = 1 }
            $null = $ps.AddScript('param($Manifest, $Connection) Import-Module $Manifest; $DebugPreference = "Continue"; Get-ProfileUser EmulatedUser -Connection $Connection -RateLimitAction Wait -Verbose -Debug')
            $null = $ps.AddArgument($script:ModuleManifest).AddArgument($connection)
            $output = $ps.Invoke()
            $figures.faultsInjected += @(Get-EmulatorRequest $emulator | Where-Object fault).Count
            $output | Should -HaveCount 1
            $ps.Streams.Progress.Count | Should -BeGreaterThan 0 -Because 'the wait shows a progress countdown'
            $texts = @(foreach ($stream in $output, $ps.Streams.Progress, $ps.Streams.Verbose, $ps.Streams.Debug, $ps.Streams.Information, $ps.Streams.Warning, $ps.Streams.Error) {
                    foreach ($record in $stream) { ConvertTo-Texts $record }
                })
            Assert-NoSecret -Texts $texts -What 'the streams of a rate-limit wait'
        }
        finally { $ps.Dispose() }
        Complete-ReliabilityCase $figures 'progress, verbose, debug and information from a rate-limit wait in another runspace hold no secret'
    }

    It 'the connection shows no secret however it is printed, serialized or inspected' {
        Start-ReliabilityCase $figures 'the connection shows no secret however it is printed, serialized or inspected'
        $c = Connect-EmulatorAccount $emulator -Options $fast
        $texts = @(
            ConvertTo-Texts $c
            $c.ToString()
            $c | Format-Table * -Force | Out-String -Width 4096
            $c | Select-Object * | Out-String -Width 4096
            $c | ConvertTo-Json -Depth 3
            $c | ConvertTo-Json -Depth 10 -WarningAction SilentlyContinue
            [System.Management.Automation.PSSerializer]::Serialize($c, 10)
            $c | Get-Member -Force | Out-String -Width 4096
            $c.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value }
        )
        $file = Join-Path $folder 'connection.clixml'
        $c | Export-Clixml -LiteralPath $file -Depth 10
        $texts += Get-Content -LiteralPath $file -Raw
        $texts += (Import-Clixml -LiteralPath $file) | Format-List * -Force | Out-String -Width 4096
        Assert-NoSecret -Texts $texts -What 'the connection'
        Complete-ReliabilityCase $figures 'the connection shows no secret however it is printed, serialized or inspected'
    }

    It 'Request- and Complete-ProfileMediaAuthorization (<Path>) with -Verbose -Debug, and everything they output' -ForEach @(
        @{ Path = 'happy, then a wrong PIN, a PIN used twice, and the credentials piped into Connect-ProfileMedia'; Expect = 'PinRejected', 'PinAlreadyUsed'; Call = {
                $pending = Request-ProfileMediaAuthorization -ConsumerKey $account.consumerKey -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) `
                    -ApiBaseUri $emulator.BaseUri -NoBrowser -Verbose -Debug
                $pending
                $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken DefaultUser
                $pending | Complete-ProfileMediaAuthorization -Pin ('{0:D7}' -f ((([int] $pin) + 1) % 10000000)) -Verbose -Debug
                $authorized = $pending | Complete-ProfileMediaAuthorization -Pin $pin -Verbose -Debug
                $authorized
                $pending | Complete-ProfileMediaAuthorization -Pin $pin -Verbose -Debug
                $authorized | Connect-ProfileMedia -PassThru -Verbose -Debug } }
        @{ Path = 'refused by X, then an expired request token'; Expect = 'AuthorizationRequestRefused', 'AuthorizationExpired'; Call = {
                $secret = ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force
                Add-EmulatorFault $emulator @{ pathPrefix = '/oauth/request_token'; status = 403; body = '{"errors":[{"code":415,"message":"Callback URL not approved for this client application."}]}' }
                Request-ProfileMediaAuthorization -ConsumerKey $account.consumerKey -ConsumerSecret $secret -ApiBaseUri $emulator.BaseUri -NoBrowser -Verbose -Debug
                $pending = Request-ProfileMediaAuthorization -ConsumerKey $account.consumerKey -ConsumerSecret $secret -ApiBaseUri $emulator.BaseUri -NoBrowser -Verbose -Debug
                $pending
                $pin = Approve-EmulatorAuthorization $emulator $pending.RequestToken EmulatedUser
                Invoke-EmulatorRequestTokenExpiry $emulator $pending.RequestToken
                $pending | Complete-ProfileMediaAuthorization -Pin $pin -Verbose -Debug } }
        @{ Path = 'a consumer key with no secret'; Expect = 'MissingCredential'; Call = {
                Request-ProfileMediaAuthorization -ConsumerKey $account.consumerKey -ApiBaseUri $emulator.BaseUri -NoBrowser -Verbose -Debug } }
    ) {
        Start-ReliabilityCase $figures "Request- and Complete-ProfileMediaAuthorization ($Path)"
        $traced = Invoke-Traced $Call
        $errors = @($traced.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        @($errors | ForEach-Object { (Get-ErrorIdParts $_).Id }) | Should -Be $Expect

        # The flow's own secrets join the list: the request token secret, the issued access token secret, and the HMAC
        # keys they make with the consumer secret. They are read from the SecureStrings the cmdlets output.
        $plain = { param([securestring] $s) [System.Net.NetworkCredential]::new('', $s).Password }
        $flowSecrets = [ordered]@{}
        $outputs = @($traced.Records | Where-Object { $_ -is [ProfileMedia.PendingAuthorization] -or $_ -is [ProfileMedia.AuthorizedAccount] })
        foreach ($item in $outputs) {
            $held = if ($item -is [ProfileMedia.PendingAuthorization]) { $item.RequestTokenSecret } else { $item.AccessTokenSecret }
            $text = & $plain $held
            $held.IsReadOnly() | Should -BeTrue
            $flowSecrets["token secret of $($item.GetType().Name) $($flowSecrets.Count)"] = $text
            $flowSecrets["HMAC key with it $($flowSecrets.Count)"] = '{0}&{1}' -f (& $encode $account.consumerSecret), (& $encode $text)
        }
        if ($Expect -notcontains 'MissingCredential') { $flowSecrets.Count | Should -BeGreaterThan 0 -Because 'the flow produced secrets to look for' }

        # Every way to look at the outputs, as for the connection, CliXml on disk included.
        $texts = @($traced.Texts)
        foreach ($item in $outputs) {
            $texts += $item.ToString()
            $texts += $item | Format-Table * -Force | Out-String -Width 4096
            $texts += $item | Select-Object * | Out-String -Width 4096
            $texts += $item | ConvertTo-Json -Depth 10 -WarningAction SilentlyContinue
            $texts += [System.Management.Automation.PSSerializer]::Serialize($item, 10)
            $file = Join-Path $folder "$([guid]::NewGuid().ToString('n')).clixml"
            $item | Export-Clixml -LiteralPath $file -Depth 10
            $texts += Get-Content -LiteralPath $file -Raw
        }
        foreach ($entry in $flowSecrets.GetEnumerator()) { $secrets[$entry.Key] = $entry.Value }
        try {
            Assert-NoSecret -Texts $texts -What "the authorization flow ($Path)"
            # Serialized SecureStrings are only hex-encoded on Linux and macOS: not even that may appear.
            $serialized = ($texts | Where-Object { $_ -like '*<Objs*' }) -join "`n"
            $serialized | Should -Not -Match '<SS\b' -Because 'no SecureString is serialized'
        }
        finally { foreach ($name in $flowSecrets.Keys) { $secrets.Remove($name) } }
        Complete-ReliabilityCase $figures "Request- and Complete-ProfileMediaAuthorization ($Path)"
    }

    It 'no record in $Error, from everything above, holds a secret' {
        Start-ReliabilityCase $figures 'no record in $Error, from everything above, holds a secret'
        $global:Error.Count | Should -BeGreaterThan 0
        $snapshot = $global:Error.ToArray()
        $texts = @($snapshot | ForEach-Object { ConvertTo-Texts $_ })
        Assert-NoSecret -Texts $texts -What '$Error'
        Complete-ReliabilityCase $figures 'no record in $Error, from everything above, holds a secret'
    }

    It 'holds the secrets only as read-only SecureString in the connection, and releases them on Disconnect' {
        Start-ReliabilityCase $figures 'holds the secrets only as read-only SecureString in the connection, and releases them on Disconnect'
        $c = Connect-EmulatorAccount $emulator -Options $fast
        $flags = [System.Reflection.BindingFlags] 'Instance, Public, NonPublic'
        $seen = [System.Collections.Generic.HashSet[object]]::new([System.Collections.Generic.ReferenceEqualityComparer]::Instance)
        $strings = [System.Collections.Generic.List[string]]::new()
        $secure = [System.Collections.Generic.List[securestring]]::new()
        $walk = {
            param($object, [int] $depth)
            if ($null -eq $object -or $depth -gt 6 -or -not $seen.Add($object)) { return }
            $type = $object.GetType()
            # The module's own objects only: HTTP internals hold no credential (the signer builds each header afresh).
            if ($type.Namespace -notlike 'ProfileMedia*') { return }
            foreach ($field in $type.GetFields($flags)) {
                $value = $field.GetValue($object)
                if ($value -is [string]) { $strings.Add($value) }
                elseif ($value -is [securestring]) { $secure.Add($value) }
                elseif ($null -ne $value -and -not $field.FieldType.IsPrimitive) { & $walk $value ($depth + 1) }
            }
        }
        & $walk $c 0
        $secure.Count | Should -BeGreaterOrEqual 2 -Because 'both secrets are held as SecureString'
        $secure | ForEach-Object { $_.IsReadOnly() | Should -BeTrue }
        Assert-NoSecret -Texts (@($strings) + 'walked') -What 'the string fields of the connection, its client and its signer'

        Disconnect-ProfileMedia -Connection $c
        $c.IsClosed | Should -BeTrue
        foreach ($held in $secure) { { $held.Copy() } | Should -Throw -Because 'Disconnect disposes the copies of the secrets' }
        Complete-ReliabilityCase $figures 'holds the secrets only as read-only SecureString in the connection, and releases them on Disconnect'
    }
}
