# Concurrency: the module used from ForEach-Object -Parallel and from several runspaces at once, with one shared
# connection and with separate ones. No crossed credentials, no shared state corrupted, and the same results as a
# sequential run. Upload answers carry the account that the emulator authenticated, so they show whose token signed.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'concurrency'
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 100 -ExtraUsers 40
    $manifest = (Resolve-Path -LiteralPath $script:ModuleManifest).Path
    $main = Connect-EmulatorAccount $emulator
    $folder = New-ReliabilityFolder -Prefix 'pm-concurrency'
    $png = (New-TestImageFile -Path (Join-Path $folder 'avatar.png') -Bytes 3000).FullName
    $names = @(1..40 | ForEach-Object { 'user{0:D4}' -f $_ }) + 'EmulatedUser', 'DefaultUser', 'VeteranUser'
    $accounts = @{ EmulatedUser = Get-EmulatorAccount $emulator EmulatedUser; DefaultUser = Get-EmulatorAccount $emulator DefaultUser }
    $baseUri = $emulator.BaseUri

    # The sequential run every concurrent one is compared with.
    $expectedUsers = @($names | Get-ProfileUser | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.ScreenName, $_.UserId, $_.ProfileImageUrlHttps, $_.ProfileBannerUrl } | Sort-Object)
    $expectedBanners = @($names | Where-Object { $_ -ne 'DefaultUser' } | ForEach-Object { Get-ProfileBanner -ScreenName $_ -Size web, 1500x500 } |
            ForEach-Object { '{0}|{1}|{2}' -f $_.ScreenName, $_.Name, $_.Url } | Sort-Object)

    function Get-Fingerprint([string] $Folder) {
        @(Get-ChildItem -LiteralPath $Folder -Force | Sort-Object Name | ForEach-Object { '{0}|{1}' -f $_.Name, (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash })
    }

    function Invoke-Runspaces {
        <# Runs one script in several runspaces at once (a pool of 4), each with its own argument list; returns every output. #>
        param([Parameter(Mandatory)] [string] $Script, [Parameter(Mandatory)] [object[][]] $ArgumentLists)
        $pool = [runspacefactory]::CreateRunspacePool(1, 4)
        $pool.Open()
        try {
            $running = foreach ($arguments in $ArgumentLists) {
                $ps = [powershell]::Create()
                $ps.RunspacePool = $pool
                # One script (a second statement or script in the same PowerShell would be piped into, or crash on Stop).
                $null = $ps.AddScript("param(`$Manifest, [object[]] `$Arguments) Import-Module `$Manifest; & { $Script } @Arguments")
                $null = $ps.AddArgument($manifest).AddArgument($arguments)
                [pscustomobject]@{ PowerShell = $ps; Async = $ps.BeginInvoke() }
            }
            foreach ($run in $running) {
                $run.PowerShell.EndInvoke($run.Async)
                $run.PowerShell.Streams.Error | ForEach-Object { Write-Error -ErrorRecord $_ }
                $run.PowerShell.Dispose()
            }
        }
        finally { $pool.Dispose() }
    }

    function New-ConnectionScript([string] $ScreenName) {
        # Connect-ProfileMedia inside another runspace, from the emulator's credentials for the account.
        $a = $accounts[$ScreenName]
        "Connect-ProfileMedia -ApiBaseUri '$baseUri' -ConsumerKey '$($a.consumerKey)' -AccessToken '$($a.accessToken)' " +
        "-ConsumerSecret (ConvertTo-SecureString '$($a.consumerSecret)' -AsPlainText -Force) " +
        "-AccessTokenSecret (ConvertTo-SecureString '$($a.accessTokenSecret)' -AsPlainText -Force)"
    }
    function Get-Media([string] $ScreenName) { Invoke-RestMethod -Uri ([uri]::new($emulator.ControlUri, "accounts/$ScreenName/media")) }
}

AfterAll {
    Write-ReliabilityFigures $figures
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Concurrency' {
    BeforeEach {
        Reset-Emulator $emulator
    }

    It 'ForEach-Object -Parallel with one shared connection gives the users a sequential run gives' {
        Start-ReliabilityCase $figures 'ForEach-Object -Parallel with one shared connection gives the users a sequential run gives'
        $shared = $main
        $actual = @($names | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                Get-ProfileUser $_ -Connection $using:shared | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.ScreenName, $_.UserId, $_.ProfileImageUrlHttps, $_.ProfileBannerUrl }
            } | Sort-Object)
        $actual | Should -Be $expectedUsers
        $shared.IsClosed | Should -BeFalse
        Complete-ReliabilityCase $figures 'ForEach-Object -Parallel with one shared connection gives the users a sequential run gives'
    }

    It 'ForEach-Object -Parallel with one shared connection gives the banners a sequential run gives' {
        Start-ReliabilityCase $figures 'ForEach-Object -Parallel with one shared connection gives the banners a sequential run gives'
        $shared = $main
        $actual = @($names | Where-Object { $_ -ne 'DefaultUser' } | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                Get-ProfileBanner -ScreenName $_ -Size web, 1500x500 -Connection $using:shared | ForEach-Object { '{0}|{1}|{2}' -f $_.ScreenName, $_.Name, $_.Url }
            } | Sort-Object)
        $actual | Should -Be $expectedBanners
        Complete-ReliabilityCase $figures 'ForEach-Object -Parallel with one shared connection gives the banners a sequential run gives'
    }

    It 'ForEach-Object -Parallel with a connection made in every iteration gives the same users' {
        Start-ReliabilityCase $figures 'ForEach-Object -Parallel with a connection made in every iteration gives the same users'
        $connect = New-ConnectionScript EmulatedUser
        $actual = @($names | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $connection = & ([scriptblock]::Create($using:connect + ' -PassThru'))
                try { Get-ProfileUser $_ | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.ScreenName, $_.UserId, $_.ProfileImageUrlHttps, $_.ProfileBannerUrl } }
                finally { Disconnect-ProfileMedia -Connection $connection }
            } | Sort-Object)
        $actual | Should -Be $expectedUsers
        # The main runspace's default connection is untouched by all of that.
        (Get-ProfileUser EmulatedUser).ScreenName | Should -Be 'EmulatedUser'
        $main.IsClosed | Should -BeFalse
        Complete-ReliabilityCase $figures 'ForEach-Object -Parallel with a connection made in every iteration gives the same users'
    }

    It 'several runspaces at once over one shared connection give the same users' {
        Start-ReliabilityCase $figures 'several runspaces at once over one shared connection give the same users'
        $slices = @(foreach ($i in 0..7) { $part = @(for ($k = $i; $k -lt $names.Count; $k += 8) { $names[$k] }); , @($part, $main) })
        $script = 'param($Names, $Connection) $Names | Get-ProfileUser -Connection $Connection | ForEach-Object { ''{0}|{1}|{2}|{3}'' -f $_.ScreenName, $_.UserId, $_.ProfileImageUrlHttps, $_.ProfileBannerUrl }'
        $actual = @(Invoke-Runspaces -Script $script -ArgumentLists $slices | Sort-Object)
        $actual | Should -Be $expectedUsers
        Complete-ReliabilityCase $figures 'several runspaces at once over one shared connection give the same users'
    }

    It 'parallel uploads for two accounts, each with its own connection, land on their own account only' {
        Start-ReliabilityCase $figures 'parallel uploads for two accounts, each with its own connection, land on their own account only'
        $connections = @{
            EmulatedUser = Connect-EmulatorAccount $emulator -ScreenName EmulatedUser
            DefaultUser  = Connect-EmulatorAccount $emulator -ScreenName DefaultUser
        }
        $null = Connect-EmulatorAccount $emulator  # the session default again: EmulatedUser
        $work = 1..24 | ForEach-Object { if ($_ % 2) { 'EmulatedUser' } else { 'DefaultUser' } }
        $answers = @($work | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $own = ($using:connections)[$_]
                $user = Set-ProfileImage -LiteralPath $using:png -Connection $own -ErrorAction Stop -PassThru
                '{0}->{1}' -f $_, $user.ScreenName
            })
        $answers | Should -HaveCount 24
        $answers | Where-Object { $_ -notin 'EmulatedUser->EmulatedUser', 'DefaultUser->DefaultUser' } | Should -BeNullOrEmpty -Because 'each upload is signed by the account it was meant for'
        @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.status -eq 200 }) | Should -HaveCount 24

        # Banners: one account removes while the other uploads, at the same time.
        $banner = @(1..16 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                if ($_ % 2) { Remove-ProfileBanner -Connection ($using:connections).EmulatedUser -Confirm:$false -ErrorAction Stop }
                else { Set-ProfileBanner -LiteralPath $using:png -Connection ($using:connections).DefaultUser -ErrorAction Stop }
                'done'
            })
        $banner | Should -HaveCount 16
        (Get-Media EmulatedUser).profileBannerUrl | Should -BeNullOrEmpty -Because 'only EmulatedUser''s connection removed banners'
        (Get-Media DefaultUser).profileBannerUrl | Should -Not -BeNullOrEmpty -Because 'only DefaultUser''s connection uploaded banners'
        $connections.Values | ForEach-Object { Disconnect-ProfileMedia -Connection $_ }
        Complete-ReliabilityCase $figures 'parallel uploads for two accounts, each with its own connection, land on their own account only'
    }

    It 'runspaces that each connect as their own account sign as that account, and leave the caller''s default alone' {
        Start-ReliabilityCase $figures 'runspaces that each connect as their own account sign as that account, and leave the caller''s default alone'
        $script = 'param($Connect, $Png) & ([scriptblock]::Create($Connect)); 1..4 | ForEach-Object { (Set-ProfileImage -LiteralPath $Png -PassThru).ScreenName }'
        $lists = @(
            , @((New-ConnectionScript EmulatedUser), $png)
            , @((New-ConnectionScript DefaultUser), $png)
            , @((New-ConnectionScript EmulatedUser), $png)
            , @((New-ConnectionScript DefaultUser), $png)
        )
        $signed = @(Invoke-Runspaces -Script $script -ArgumentLists $lists)
        $signed | Should -HaveCount 16
        ($signed | Where-Object { $_ -eq 'EmulatedUser' }).Count | Should -Be 8
        ($signed | Where-Object { $_ -eq 'DefaultUser' }).Count | Should -Be 8
        # This runspace's default is still its own EmulatedUser connection.
        (Set-ProfileImage -LiteralPath $png -PassThru).ScreenName | Should -Be 'EmulatedUser'
        Complete-ReliabilityCase $figures 'runspaces that each connect as their own account sign as that account, and leave the caller''s default alone'
    }

    It 'Connect-ProfileMedia in this runspace is not seen by another runspace, nor the other way round' {
        Start-ReliabilityCase $figures 'Connect-ProfileMedia in this runspace is not seen by another runspace, nor the other way round'
        $script = 'param($Connect, $Png) try { Get-ProfileUser EmulatedUser -ErrorAction Stop; ''saw a connection'' } catch { $_.FullyQualifiedErrorId }
                   & ([scriptblock]::Create($Connect)); (Set-ProfileImage -LiteralPath $Png -PassThru).ScreenName'
        $other = @(Invoke-Runspaces -Script $script -ArgumentLists @(, @((New-ConnectionScript DefaultUser), $png)))
        $other[0] | Should -Be 'NotConnected,ProfileMedia.Commands.GetProfileUserCommand' -Because 'a new runspace starts without a default connection'
        $other[1] | Should -Be 'DefaultUser'
        (Set-ProfileImage -LiteralPath $png -PassThru).ScreenName | Should -Be 'EmulatedUser' -Because 'the other runspace''s Connect did not replace this one''s default'
        Complete-ReliabilityCase $figures 'Connect-ProfileMedia in this runspace is not seen by another runspace, nor the other way round'
    }

    It 'an iteration of ForEach-Object -Parallel that did not connect does not act with an earlier iteration''s connection' {
        Start-ReliabilityCase $figures 'an iteration of ForEach-Object -Parallel that did not connect does not act with an earlier iteration''s connection'
        # Runspaces are reused between iterations and their state reset; a default connection must not survive that reset.
        $connect = New-ConnectionScript DefaultUser
        $seen = @(1..4 | ForEach-Object -ThrottleLimit 1 -Parallel {
                Import-Module $using:manifest
                if ($_ -eq 1) { $null = & ([scriptblock]::Create($using:connect)); 'connected' }
                else {
                    try { 'uploaded as ' + (Set-ProfileImage -LiteralPath $using:png -ErrorAction Stop -PassThru).ScreenName }
                    catch { ($_.FullyQualifiedErrorId -split ',')[0] }
                }
            })
        $seen | Should -Be @('connected', 'NotConnected', 'NotConnected', 'NotConnected')
        Complete-ReliabilityCase $figures 'an iteration of ForEach-Object -Parallel that did not connect does not act with an earlier iteration''s connection'
    }

    It 'Save-ProfileMedia from four runspaces into one folder saves what a sequential run saves, byte for byte' {
        Start-ReliabilityCase $figures 'Save-ProfileMedia from four runspaces into one folder saves what a sequential run saves, byte for byte'
        $sequential = Join-Path $folder 'sequential'
        $parallel = Join-Path $folder 'parallel'
        $names | Get-ProfileUser | Get-ProfileImageVariant -Size 400x400 | Save-ProfileMedia -Destination $sequential | Out-Null
        $shared = $main
        $saved = @($names | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                Get-ProfileUser $_ -Connection $using:shared | Get-ProfileImageVariant -Size 400x400 | Save-ProfileMedia -Destination $using:parallel -Connection $using:shared -ErrorAction Stop
            })
        $saved | Should -HaveCount $names.Count
        Get-Fingerprint $parallel | Should -Be (Get-Fingerprint $sequential)
        Get-ChildItem -LiteralPath $parallel -Force -Filter '*.partial' | Should -BeNullOrEmpty
        Complete-ReliabilityCase $figures 'Save-ProfileMedia from four runspaces into one folder saves what a sequential run saves, byte for byte'
    }

    It 'one file saved from four runspaces at once: one is saved, the others say FileExists, with -Force all replace it whole' {
        Start-ReliabilityCase $figures 'one file saved from four runspaces at once: one is saved, the others say FileExists, with -Force all replace it whole'
        $target = Join-Path $folder 'same-file'
        $variant = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size original
        $results = @(1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $using:variant | Save-ProfileMedia -Destination $using:target -ErrorAction SilentlyContinue -ErrorVariable problems
                $problems | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }
            })
        @($results | Where-Object { $_ -is [IO.FileInfo] }) | Should -HaveCount 1
        @($results | Where-Object { $_ -eq 'FileExists' }) | Should -HaveCount 3
        (Get-ChildItem -LiteralPath $target -Force).Name | Should -Be @('EmulatedUser_original.png')
        $reference = Get-Fingerprint $target

        $forced = @(1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $using:variant | Save-ProfileMedia -Destination $using:target -Force -ErrorAction Stop
            })
        $forced | Should -HaveCount 4
        Get-Fingerprint $target | Should -Be $reference -Because 'the file is whole, with no temporary file beside it'
        Complete-ReliabilityCase $figures 'one file saved from four runspaces at once: one is saved, the others say FileExists, with -Force all replace it whole'
    }

    It 'connections opened and closed in parallel iterations do not disturb one another or the caller' {
        Start-ReliabilityCase $figures 'connections opened and closed in parallel iterations do not disturb one another or the caller'
        $connect = New-ConnectionScript EmulatedUser
        $results = @(1..12 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $own = & ([scriptblock]::Create($using:connect + ' -PassThru'))
                $user = Get-ProfileUser EmulatedUser -Connection $own -ErrorAction Stop
                Disconnect-ProfileMedia -Connection $own
                '{0}:{1}' -f $user.ScreenName, $own.IsClosed
            })
        $results | Should -Be (@('EmulatedUser:True') * 12)
        $main.IsClosed | Should -BeFalse
        (Get-ProfileUser EmulatedUser -Connection $main).ScreenName | Should -Be 'EmulatedUser'
        Complete-ReliabilityCase $figures 'connections opened and closed in parallel iterations do not disturb one another or the caller'
    }
}
