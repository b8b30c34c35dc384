# Save-ProfileMedia under hostile use (issue 12): where files go, how a run ends, names, input. Each Describe is a class
# of fault tried with several inputs; each case holds when nothing is written in the wrong place, nothing is left
# behind, and each failure is a non-terminating error about its own file while the rest of the batch goes on.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'save'
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 100
    $options = @{ RetryBaseDelay = [timespan] '00:00:00.010'; MaxRetries = 1; Timeout = [timespan] '00:00:01.500' }
    $null = Connect-EmulatorAccount $emulator -Options $options
    $root = New-ReliabilityFolder -Prefix 'pm-save-faults'
    $script:folders = 0
    $command = Get-CommandClassName 'Save-ProfileMedia'
    if (-not ('ProfileMediaTests.ThrowingText' -as [type])) {
        Add-Type -TypeDefinition 'namespace ProfileMediaTests { public sealed class ThrowingText { public override string ToString() { throw new System.InvalidOperationException("no text"); } } }'
    }

    function New-Folder { $script:folders++; Join-Path $root "f$script:folders" }
    function Get-Names([string] $Folder) { @(Get-ChildItem -LiteralPath $Folder -Force -ErrorAction SilentlyContinue | Sort-Object Name | ForEach-Object Name) }
    function Get-MediaRequest { @(Get-EmulatorRequest $emulator | Where-Object { $_.pathAndQuery -like '/profile_images/*' -or $_.pathAndQuery -like '/profile_banners/*' }) }
    function Get-Variant([string] $Size = '400x400') { Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size $Size }
    function Assert-Id($Record, [string] $Id) { (Get-ErrorIdParts $Record).Id | Should -Be $Id; (Get-ErrorIdParts $Record).Command | Should -Be $command }

    # Client sockets to the emulator in ESTABLISHED state (Linux): a download that is not awaited keeps its socket.
    function Get-EstablishedToEmulator {
        $port = '{0:X4}' -f ([uri] $emulator.BaseUri).Port
        @(Get-Content /proc/net/tcp, /proc/net/tcp6 -ErrorAction SilentlyContinue | Where-Object {
                $f = $_.Trim() -split '\s+'; $f.Count -gt 3 -and $f[2] -like "*:$port" -and $f[3] -eq '01' }).Count
    }
}

AfterAll {
    Write-ReliabilityFigures $figures
    Disconnect-ProfileMedia -ErrorAction SilentlyContinue
    Stop-ProfileMediaEmulator $emulator
    Set-Location ([IO.Path]::GetTempPath())
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The destination is resolved once, against the current location, before anything is written' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorAccount $emulator -Options $options
        $variant = Get-Variant
        # $PWD and the process's directory differ, as they do in any session that has used Set-Location.
        $here = New-Item -ItemType Directory -Path (New-Folder)
        $process = New-Item -ItemType Directory -Path (New-Folder)
        $savedProcess = [Environment]::CurrentDirectory
        [Environment]::CurrentDirectory = $process.FullName
        Push-Location -LiteralPath $here.FullName
        Clear-EmulatorRequest $emulator
    }
    AfterEach {
        Pop-Location
        [Environment]::CurrentDirectory = $savedProcess
    }

    It 'refuses <Destination> (<Why>) with InvalidDestination, writing nothing anywhere' -ForEach @(
        @{ Destination = '\\server\share'; Why = 'UNC-looking on a system without UNC'; UncOnly = $true }
        @{ Destination = '\\server\share\media'; Why = 'UNC-looking, deeper'; UncOnly = $true }
        @{ Destination = '\\?\C:\media'; Why = 'a Windows device path'; UncOnly = $true }
        @{ Destination = '\/server/share'; Why = 'UNC-looking with mixed slashes'; UncOnly = $true }
        @{ Destination = '   '; Why = 'white space' }
        @{ Destination = "`t"; Why = 'a tab' }
    ) {
        if ($UncOnly -and $IsWindows) { Set-ItResult -Skipped -Because 'Windows has UNC paths'; return }
        Start-ReliabilityCase $figures "destination $Why"
        $result = Invoke-Captured { $variant | Save-ProfileMedia -Destination $Destination }
        $result.Terminating | Should -Not -BeNullOrEmpty
        Assert-Id $result.Terminating 'InvalidDestination'
        $result.Terminating.Exception.Message | Should -BeLike "*'$Destination'*"
        $result.Output | Should -HaveCount 0
        Get-Names $here.FullName | Should -HaveCount 0 -Because 'nothing is created under the current location'
        Get-Names $process.FullName | Should -HaveCount 0 -Because 'nothing is created under the process directory'
        Get-MediaRequest | Should -HaveCount 0
        Complete-ReliabilityCase $figures "destination $Why"
    }

    It 'saves <Destination> under the current location, never the process directory' -ForEach @(
        @{ Destination = 'FileSystem::rel' }
        @{ Destination = 'Microsoft.PowerShell.Core\FileSystem::rel' }
        @{ Destination = 'rel' }
        @{ Destination = './rel/../rel' }
    ) {
        Start-ReliabilityCase $figures "relative destination $Destination"
        $result = Invoke-Captured { $variant | Save-ProfileMedia -Destination $Destination }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0
        $result.Output[0].FullName | Should -Be (Join-Path $here.FullName 'rel' 'EmulatedUser_400x400.png')
        Get-Names $process.FullName | Should -HaveCount 0
        Complete-ReliabilityCase $figures "relative destination $Destination"
    }

    It 'calls a dangling symbolic link a link, not a file, and creates nothing at its target' {
        if ($IsWindows) { Set-ItResult -Skipped -Because 'creating a symbolic link needs a privilege on Windows'; return }
        Start-ReliabilityCase $figures 'destination a dangling link'
        $target = Join-Path $here.FullName 'nowhere'
        $link = New-Item -ItemType SymbolicLink -Path (Join-Path $here.FullName 'media') -Target $target
        $result = Invoke-Captured { $variant | Save-ProfileMedia -Destination $link.FullName }
        Assert-Id $result.Terminating 'InvalidDestination'
        $result.Terminating.Exception.Message | Should -BeLike '*symbolic link*'
        $result.Terminating.Exception.Message | Should -Not -BeLike '*is a file*'
        Test-Path -LiteralPath $target | Should -BeFalse
        Complete-ReliabilityCase $figures 'destination a dangling link'
    }
}

Describe 'One file''s failure is an error about that file, and the batch goes on' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorAccount $emulator -Options $options
        $variants = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant
    }

    It 'reports a saved file that vanished before it was output, then saves the rest' {
        Start-ReliabilityCase $figures 'a saved file vanishes before output'
        $destination = New-Folder
        $doomed = Join-Path $destination 'EmulatedUser_mini.png'
        # The pipeline thread writes a finished file only when the next input arrives: delete it in between, as a cleanup job would.
        $result = Invoke-Captured {
            & {
                $variants[0]
                $deadline = [DateTime]::UtcNow.AddSeconds(20)
                while (-not (Test-Path -LiteralPath $doomed) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
                Remove-Item -LiteralPath $doomed
                $variants[1..5]
            } | Save-ProfileMedia -Destination $destination -Force
        }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        Assert-Id $result.Errors[0] 'SavedFileMissing'
        $result.Errors[0].TargetObject | Should -Be $doomed
        $result.Output | Should -HaveCount 5
        Get-Names $destination | Should -HaveCount 5
        Complete-ReliabilityCase $figures 'a saved file vanishes before output'
    }

    It 'reports a folder at one target name before asking for it, and saves the others' {
        Start-ReliabilityCase $figures 'a folder at a target name'
        $destination = New-Folder
        $null = New-Item -ItemType Directory -Path (Join-Path $destination 'EmulatedUser_bigger.png')
        Clear-EmulatorRequest $emulator
        $result = Invoke-Captured { $variants | Save-ProfileMedia -Destination $destination -Force }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        Assert-Id $result.Errors[0] 'TargetIsDirectory'
        $result.Output | Should -HaveCount 5
        Get-MediaRequest | Where-Object pathAndQuery -Like '*_bigger.png' | Should -HaveCount 0 -Because 'the name was checked before downloading'
        Complete-ReliabilityCase $figures 'a folder at a target name'
    }
}

Describe 'However the pipeline ends, nothing keeps running and nothing stays behind' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorAccount $emulator -Options $options
        $variants = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant
    }

    It 'ends by <How> with bodies still streaming: no temporary file, no download or socket left' -ForEach @(
        @{ How = 'Select-Object -First 1'; Run = { param($v, $d) $v | Save-ProfileMedia -Destination $d -ThrottleLimit 6 | Select-Object -First 1 } }
        @{ How = '-ErrorAction Stop on a failing file'; Run = { param($v, $d)
                $null = New-Item -ItemType Directory -Path (Join-Path $d 'EmulatedUser_normal.png') -Force
                $v | Save-ProfileMedia -Destination $d -ThrottleLimit 6 -ErrorAction Stop } }
        @{ How = 'a throw downstream'; Run = { param($v, $d) $v | Save-ProfileMedia -Destination $d -ThrottleLimit 6 | ForEach-Object { throw 'downstream' } } }
    ) {
        if (-not $IsLinux) { Set-ItResult -Skipped -Because 'sockets are counted through /proc/net/tcp'; return }
        Start-ReliabilityCase $figures "pipeline ended by $How"
        $destination = New-Folder
        # Three rounds: a leak shows as temporary files, and as sockets that pile up round after round.
        foreach ($round in 1..3) {
            Add-EmulatorFault $emulator @{ pathPrefix = '/profile_images/'; kind = 'trickle'; delayMs = 200; count = 4 }
            $before = Get-EstablishedToEmulator
            $null = Invoke-Captured { & $Run $variants $destination }
            # A socket another client in this process opened meanwhile may be counted: it closes or stays put, while a
            # leaked download streams on for minutes. Wait, bounded, for the count to come back.
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            while (($after = Get-EstablishedToEmulator) -gt $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $figures.faultsInjected += 4
            @(Get-ChildItem -LiteralPath $destination -Force -Filter '*.partial') | Should -HaveCount 0 -Because "round $round left no temporary file"
            $after | Should -BeLessOrEqual $before -Because "in round $round every download was awaited and its connection closed before the cmdlet returned"
            Get-ChildItem -LiteralPath $destination -Filter '*.png' -File | Remove-Item -Force
            Clear-EmulatorFault $emulator
        }
        Complete-ReliabilityCase $figures "pipeline ended by $How"
    }

    It 'leaves no temporary file when the process is killed with <Signal> mid-download<After>' -ForEach @(
        @{ Signal = 'TERM'; After = '' }
        @{ Signal = 'HUP'; After = '' }
        # Remove-Module drops the module's signal hooks: the next download after a new import must set them again.
        @{ Signal = 'TERM'; After = ', after Remove-Module and a new import' }
    ) {
        if ($IsWindows) { Set-ItResult -Skipped -Because 'Windows has no POSIX signals'; return }
        Start-ReliabilityCase $figures "killed with SIG$Signal$After"
        $destination = New-Item -ItemType Directory -Path (New-Folder)
        $url = $variants[0].Url
        Add-EmulatorFault $emulator @{ pathPrefix = '/profile_images/'; kind = 'trickle'; delayMs = 200 }
        $figures.faultsInjected++
        # A second pwsh, as the test runner runs this one (dotnet pwsh.dll, or pwsh itself).
        $host_, $arguments = (Get-Process -Id $PID).Path, @()
        if ([Environment]::GetCommandLineArgs()[0] -like '*.dll') { $arguments += [Environment]::GetCommandLineArgs()[0] }
        $import = "Import-Module '$($script:ModuleManifest)'; " + $(if ($After) { "Remove-Module ProfileMedia; Import-Module '$($script:ModuleManifest)'; " })
        $arguments += '-NoProfile', '-Command', "$import Save-ProfileMedia '$url' -Destination '$($destination.FullName)'"
        $child = Start-Process -FilePath $host_ -ArgumentList $arguments -PassThru
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not (Get-ChildItem -LiteralPath $destination -Force -Filter '*.partial') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            @(Get-ChildItem -LiteralPath $destination -Force -Filter '*.partial') | Should -HaveCount 1 -Because 'the download was under way when the signal came'
            & kill "-$Signal" $child.Id
            $child.WaitForExit(20000) | Should -BeTrue
        }
        finally { if (-not $child.HasExited) { $child.Kill() } }
        Get-Names $destination.FullName | Should -HaveCount 0
        Complete-ReliabilityCase $figures "killed with SIG$Signal$After"
    }

    It 'sweeps the temporary files a killed run left, only the module''s and only unowned ones, and says so' {
        Start-ReliabilityCase $figures 'stale temporary files swept'
        $destination = New-Item -ItemType Directory -Path (New-Folder)
        $stale = Join-Path $destination ".EmulatedUser_mini.$([guid]::NewGuid().ToString('N')).partial"
        $held = Join-Path $destination ".EmulatedUser_normal.$([guid]::NewGuid().ToString('N')).partial"
        $foreign = Join-Path $destination 'notes.partial'
        $lookalike = Join-Path $destination '.EmulatedUser_bigger.partial'
        foreach ($path in $stale, $held, $foreign, $lookalike) {
            [IO.File]::WriteAllBytes($path, [byte[]] (0x89, 0x50))
            [IO.File]::SetLastWriteTimeUtc($path, [DateTime]::UtcNow.AddHours(-2))
        }
        $lock = [IO.File]::Open($held, 'Open', 'ReadWrite', 'None')   # as a live run in another process holds its file
        try {
            $result = Invoke-Captured { $variants[0] | Save-ProfileMedia -Destination $destination.FullName -Verbose 4>&1 }
        }
        finally { $lock.Dispose() }
        $lines = @($result.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $lines | Where-Object { $_ -like 'Removed *' } | Should -HaveCount 1
        $lines -like "Removed $(Split-Path $stale -Leaf) from *" | Should -HaveCount 1
        Test-Path -LiteralPath $stale | Should -BeFalse
        Test-Path -LiteralPath $held | Should -BeTrue
        Test-Path -LiteralPath $foreign | Should -BeTrue
        Test-Path -LiteralPath $lookalike | Should -BeTrue
        Complete-ReliabilityCase $figures 'stale temporary files swept'
    }
}

Describe 'Names: one file per name, said before any request' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorAccount $emulator -Options $options
        $user = Get-ProfileUser EmulatedUser
        $other = Get-ProfileUser DefaultUser
        $variant = $user | Get-ProfileImageVariant -Size 400x400
        Clear-EmulatorRequest $emulator
    }

    It 'never lets two users whose safe names collide overwrite each other (<Kind>)' -ForEach @(
        @{ Kind = 'dot and slash'; First = 'a.b'; Second = 'a/b' }
        @{ Kind = 'case only'; First = 'Same'; Second = 'SAME' }
        @{ Kind = 'space and colon'; First = 'x y'; Second = 'x:y' }
    ) {
        Start-ReliabilityCase $figures "colliding names, $Kind"
        $destination = New-Folder
        $inputs = @{ screen_name = $First; profile_image_url_https = $user.ProfileImageUrlHttps }, @{ screen_name = $Second; profile_image_url_https = $other.ProfileImageUrlHttps }
        $result = Invoke-Captured { $inputs | Save-ProfileMedia -Destination $destination -Force }
        $result.Output | Should -HaveCount 1
        $result.Errors | Should -HaveCount 1
        Assert-Id $result.Errors[0] 'FileNameCollision'
        $result.Errors[0].Exception.Message | Should -BeLike "*$($result.Output[0].BaseName)*"
        Get-Names $destination | Should -HaveCount 1
        Complete-ReliabilityCase $figures "colliding names, $Kind"
    }

    It 'saves a size named twice once, with no error (-ImageSize <Sizes>)' -ForEach @(
        @{ Sizes = @('original', 'original') }
        @{ Sizes = @('400x400', '400X400', 'mini') }
    ) {
        Start-ReliabilityCase $figures "sizes named twice: $($Sizes -join ',')"
        $destination = New-Folder
        $result = Invoke-Captured { $user | Save-ProfileMedia -Destination $destination -ImageSize $Sizes -BannerSize web, web }
        $result.Errors | Should -HaveCount 0 -Because "$($result.Errors | ForEach-Object { $_.Exception.Message })"
        $distinct = @($Sizes | Sort-Object -Unique).Count
        $result.Output | Should -HaveCount ($distinct + 1)
        Complete-ReliabilityCase $figures "sizes named twice: $($Sizes -join ',')"
    }

    It 'finds the file an earlier run named after its bytes, without a request, when the URL says <Extension>' -ForEach @(
        @{ Extension = '.jpg' }
        @{ Extension = '.gif' }
        @{ Extension = '.webp' }
    ) {
        Start-ReliabilityCase $figures "rerun when the URL says $Extension"
        $destination = New-Folder
        $null = $variant | Save-ProfileMedia -Destination $destination
        Clear-EmulatorRequest $emulator
        $renamed = [pscustomobject]@{ Size = '400x400'; Width = 400; Url = $variant.Url -replace '\.png$', $Extension; ScreenName = 'EmulatedUser' }
        $result = Invoke-Captured { $renamed | Save-ProfileMedia -Destination $destination }
        $result.Errors | Should -HaveCount 1
        Assert-Id $result.Errors[0] 'FileExists'
        $result.Errors[0].TargetObject | Should -Be (Join-Path $destination 'EmulatedUser_400x400.png')
        Get-MediaRequest | Should -HaveCount 0 -Because 'the help promises no request for a file that exists'
        Complete-ReliabilityCase $figures "rerun when the URL says $Extension"
    }

    It 'treats a dangling link at the name as a file: reported, and replaced with -Force, never followed' {
        if ($IsWindows) { Set-ItResult -Skipped -Because 'creating a symbolic link needs a privilege on Windows'; return }
        Start-ReliabilityCase $figures 'a dangling link at the name'
        $destination = New-Item -ItemType Directory -Path (New-Folder)
        $outside = Join-Path (New-Folder) 'written-through-the-link.png'
        $link = New-Item -ItemType SymbolicLink -Path (Join-Path $destination 'EmulatedUser_400x400.png') -Target $outside
        $kept = Invoke-Captured { $variant | Save-ProfileMedia -Destination $destination.FullName }
        Assert-Id $kept.Errors[0] 'FileExists'
        Get-MediaRequest | Should -HaveCount 0
        $replaced = Invoke-Captured { $variant | Save-ProfileMedia -Destination $destination.FullName -Force }
        $replaced.Errors | Should -HaveCount 0
        (Get-Item -LiteralPath $link.FullName).LinkType | Should -BeNullOrEmpty
        Test-Path -LiteralPath $outside | Should -BeFalse
        Complete-ReliabilityCase $figures 'a dangling link at the name'
    }
}

Describe 'Input: each object stands alone' {
    BeforeEach {
        Reset-Emulator $emulator
        $null = Connect-EmulatorAccount $emulator -Options $options
        $variant = Get-Variant
        $url = (Get-ProfileUser EmulatedUser).ProfileImageUrlHttps
    }

    It 'writes UnreadableInput for <Kind> and saves the next object' -ForEach @(
        @{ Kind = 'a ScriptProperty that throws'; Make = { [pscustomobject] @{ screen_name = 'x' } | Add-Member -MemberType ScriptProperty -Name profile_image_url_https -Value { throw 'boom' } -PassThru } }
        @{ Kind = 'a property whose ToString throws'; Make = { [pscustomobject] @{ screen_name = 'x'; profile_image_url_https = [ProfileMediaTests.ThrowingText]::new() } } }
        @{ Kind = 'a hashtable value whose ToString throws'; Make = { @{ screen_name = 'x'; profile_image_url_https = [ProfileMediaTests.ThrowingText]::new() } } }
        @{ Kind = 'a screen name whose ToString throws'; Make = { [pscustomobject] @{ screen_name = [ProfileMediaTests.ThrowingText]::new() } } }
        @{ Kind = 'a variant whose Url getter throws'; Make = { [pscustomobject] @{ Size = '400x400'; Width = 400 } | Add-Member -MemberType ScriptProperty -Name Url -Value { throw 'gone' } -PassThru } }
    ) {
        Start-ReliabilityCase $figures "input: $Kind"
        $bad = & $Make
        $result = Invoke-Captured { $bad, $variant | Save-ProfileMedia -Destination (New-Folder) }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        Assert-Id $result.Errors[0] 'UnreadableInput'
        $result.Output | Should -HaveCount 1
        Complete-ReliabilityCase $figures "input: $Kind"
    }

    It 'takes hashtables as ConvertFrom-Json -AsHashtable gives them (<Kind>)' -ForEach @(
        @{ Kind = 'a v1.1 user'; Json = '{"id_str":"1000001","screen_name":"EmulatedUser","profile_image_url_https":"URL"}'; Name = 'EmulatedUser_original.png' }
        @{ Kind = 'an image variant'; Json = '{"Size":"normal","Width":48,"Url":"URL","ScreenName":"EmulatedUser"}'; Name = 'EmulatedUser_normal.png' }
    ) {
        Start-ReliabilityCase $figures "hashtable input: $Kind"
        $table = $Json.Replace('URL', $url) | ConvertFrom-Json -AsHashtable
        $result = Invoke-Captured { $table | Save-ProfileMedia -Destination (New-Folder) }
        $result.Errors | Should -HaveCount 0 -Because "$($result.Errors | ForEach-Object { $_.Exception.Message })"
        $result.Output.Name | Should -Be $Name
        Complete-ReliabilityCase $figures "hashtable input: $Kind"
    }

    It 'names a connection closed during a refresh, with the URL as target' {
        Start-ReliabilityCase $figures 'disconnect during a refresh'
        $old = Get-Variant
        $avatar = New-TestImageFile -Path (Join-Path $root 'new-avatar.png') -Bytes 3000
        $null = Set-ProfileImage -Path $avatar.FullName -Wait
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; kind = 'slow'; delayMs = 1000 }
        $result = Invoke-Captured { & { $old; Disconnect-ProfileMedia } | Save-ProfileMedia -Destination (New-Folder) }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        Assert-Id $result.Errors[0] 'ConnectionClosed'
        $result.Errors[0].TargetObject | Should -Be $old.Url
        $result.Errors[0].Exception.Message | Should -Not -BeLike '*dispose*'
        Complete-ReliabilityCase $figures 'disconnect during a refresh'
    }

    It 'never shows the password of a URL with user information (<Case>)' -ForEach @(
        @{ Case = 'a failing host'; Fault = @{ pathPrefix = '/profile_images/'; kind = 'status'; status = 503; count = 5 } }
        @{ Case = 'an outdated URL without a connection'; Fault = $null }
    ) {
        Start-ReliabilityCase $figures "password in URL: $Case"
        $secretUrl = (Get-Variant).Url
        Disconnect-ProfileMedia
        if ($Fault) { Add-EmulatorFault $emulator $Fault; $figures.faultsInjected++ }
        else { $secretUrl = $secretUrl -replace '/[A-Za-z0-9]+_400x400', '/gone0000_400x400' }
        $secretUrl = $secretUrl -replace '^http://', 'http://user:pa55w0rd@'
        $result = Invoke-Captured { Save-ProfileMedia $secretUrl -Destination (New-Folder) -Verbose 4>&1 }
        $result.Errors | Should -HaveCount 1
        $shown = @($result.Output | ForEach-Object { "$_" }) + @($result.Errors | ForEach-Object { $_.Exception.Message; "$($_.TargetObject)"; $_.CategoryInfo.ToString(); ($_ | Out-String) })
        ($shown -join "`n") | Should -Not -BeLike '*pa55w0rd*'
        Complete-ReliabilityCase $figures "password in URL: $Case"
    }
}
