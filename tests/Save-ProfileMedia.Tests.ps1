BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 300 -ExtraUsers 100
    $null = Connect-EmulatorAccount $emulator
    $root = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-save-$([guid]::NewGuid())")
    $script:folderCount = 0
    function New-Destination { $script:folderCount++; Join-Path $root "d$script:folderCount" }
    function Get-SavedName([string] $Folder) { @(Get-ChildItem -LiteralPath $Folder -Force -ErrorAction SilentlyContinue | Sort-Object Name | ForEach-Object Name) }
    function Test-Png([string] $Path) { $b = [IO.File]::ReadAllBytes($Path); $b.Length -gt 8 -and $b[0] -eq 0x89 -and $b[1] -eq 0x50 }
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $root -Recurse -Force
}

Describe 'Save-ProfileMedia' {
    BeforeEach { Reset-Emulator $emulator; $null = Connect-EmulatorAccount $emulator }

    It 'saves every image size of a user under deterministic names and outputs FileInfo objects' {
        $destination = New-Destination
        $files = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant | Save-ProfileMedia -Destination $destination
        $files | Should -HaveCount 6
        $files[0] | Should -BeOfType [IO.FileInfo]
        Get-SavedName $destination | Should -Be @('EmulatedUser_200x200.png', 'EmulatedUser_400x400.png', 'EmulatedUser_bigger.png', 'EmulatedUser_mini.png', 'EmulatedUser_normal.png', 'EmulatedUser_original.png')
        ($files | Where-Object SavedSize -EQ 'bigger').Name | Should -Be 'EmulatedUser_bigger.png'
        $files | ForEach-Object { Test-Png $_.FullName | Should -BeTrue }
    }

    It 'names banner files from the user and takes the extension from the bytes' {
        $destination = New-Destination
        Get-ProfileBanner -ScreenName EmulatedUser -Size 1500x500, mobile | Save-ProfileMedia -Destination $destination | Should -HaveCount 2
        Get-SavedName $destination | Should -Be @('EmulatedUser_banner_1500x500.png', 'EmulatedUser_banner_mobile.png')
    }

    It 'saves a ProfileUser''s original image and 1500x500 banner, and plain URLs under a hashed name' {
        $destination = New-Destination
        Get-ProfileUser EmulatedUser | Save-ProfileMedia -Destination $destination | Should -HaveCount 2
        $url = (Get-ProfileUser DefaultUser).ProfileImageUrlHttps
        $file = Save-ProfileMedia $url -Destination $destination
        $file.Name | Should -Match '^media_[0-9a-f]{16}_normal\.png$'
    }

    It 'downloads many files in parallel, all complete, with no temporary file left' {
        $destination = New-Destination
        $names = 1..100 | ForEach-Object { 'user{0:D4}' -f $_ }
        $files = $names | Get-ProfileUser | Get-ProfileImageVariant -Size 400x400 | Save-ProfileMedia -Destination $destination -ThrottleLimit 8
        $files | Should -HaveCount 100
        $saved = Get-SavedName $destination
        $saved | Should -HaveCount 100
        $saved | Where-Object { $_ -like '*.partial' } | Should -BeNullOrEmpty
        $files | ForEach-Object { Test-Png $_.FullName | Should -BeTrue }
    }

    It 'leaves an existing file alone and reports it, unless -Force' {
        $destination = New-Destination
        $variant = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size mini
        $first = $variant | Save-ProfileMedia -Destination $destination
        Set-Content -LiteralPath $first.FullName -Value 'mine'
        $variant | Save-ProfileMedia -Destination $destination -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'FileExists,ProfileMedia.Commands.SaveProfileMediaCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        (Get-Content -LiteralPath $first.FullName) | Should -Be 'mine'
        $variant | Save-ProfileMedia -Destination $destination -Force | Should -HaveCount 1
        Test-Png $first.FullName | Should -BeTrue
    }

    It 'refreshes an outdated URL through users/show after a new upload' {
        $destination = New-Destination
        $old = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size 400x400
        $avatar = New-TestImageFile -Path (Join-Path $root 'new-avatar.png') -Bytes 3000
        $new = Set-ProfileImage -Path $avatar.FullName -Wait -PassThru
        (Invoke-WebRequest -Uri $old.Url -SkipHttpErrorCheck).StatusCode | Should -Be 404

        $file = $old | Save-ProfileMedia -Destination $destination
        $file.Refreshed | Should -BeTrue
        $file.Url | Should -Be ($new.ProfileImageUrlHttps -replace '_normal\.png$', '_400x400.png')
        $file.Name | Should -Be 'EmulatedUser_400x400.png'
    }

    It 'says the URL is outdated and how to refresh it when there is no connection' {
        $destination = New-Destination
        $old = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size 400x400
        $null = Set-ProfileImage -Path (New-TestImageFile -Path (Join-Path $root 'other.png') -Bytes 2000).FullName -Wait
        Disconnect-ProfileMedia
        $old | Save-ProfileMedia -Destination $destination -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'MediaUrlOutdated,ProfileMedia.Commands.SaveProfileMediaCommand'
        $problems[0].Exception.Message | Should -BeLike '*Connect-ProfileMedia*'
        Get-SavedName $destination | Should -BeNullOrEmpty
    }

    It 'with -Fallback, saves 400x400 when the original is not available and says so' {
        $destination = New-Destination
        $original = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size original
        Add-EmulatorFault $emulator @{ pathPrefix = ([uri] $original.Url).AbsolutePath; status = 404; count = 10 }
        $file = $original | Save-ProfileMedia -Destination $destination -Fallback
        $file.SavedSize | Should -Be '400x400'
        $file.RequestedSize | Should -Be 'original'
        $file.Name | Should -Be 'EmulatedUser_400x400.png'

        Add-EmulatorFault $emulator @{ pathPrefix = ([uri] $original.Url).AbsolutePath; status = 404; count = 10 }
        $original | Save-ProfileMedia -Destination (New-Destination) -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MediaUrlOutdated,*'
    }

    It 'retries a dropped connection, and a permanent failure leaves no partial file while the others continue' {
        $destination = New-Destination
        $variants = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size bigger, mini
        Add-EmulatorFault $emulator @{ pathPrefix = ([uri] $variants[0].Url).AbsolutePath; kind = 'drop'; count = 1 }
        $variants[0] | Save-ProfileMedia -Destination $destination | Should -HaveCount 1

        Add-EmulatorFault $emulator @{ pathPrefix = ([uri] $variants[1].Url).AbsolutePath; kind = 'drop'; count = 50 }
        $files = $variants | Save-ProfileMedia -Destination $destination -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $files.Name | Should -Be 'EmulatedUser_bigger.png'
        $problems[0].FullyQualifiedErrorId | Should -Be 'DownloadFailed,ProfileMedia.Commands.SaveProfileMediaCommand'
        Get-SavedName $destination | Should -Be @('EmulatedUser_bigger.png')
    }

    It 'keeps hostile names inside the destination: <Case>' -TestCases @(
        @{ Case = 'parent escapes'; ScreenName = '..%2F..%2Fetc' }
        @{ Case = 'path separators'; ScreenName = '../../outside' }
        @{ Case = 'a reserved device name'; ScreenName = 'CON' }
        @{ Case = 'a very long name'; ScreenName = ('a' * 5000) }
        @{ Case = 'a Unicode look-alike slash'; ScreenName = "x$([char]0x2215)y" }
    ) {
        $destination = New-Destination
        $real = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size mini
        $hostile = [ProfileMedia.ProfileImageVariant]::new('mini', 24, 24, $real.Url, $false, $real.Url, $ScreenName, $null)
        $file = $hostile | Save-ProfileMedia -Destination $destination
        $file.DirectoryName | Should -Be (Get-Item -LiteralPath $destination).FullName
        $file.Name | Should -Match '^[A-Za-z0-9_-]+\.png$'
        $file.Name.Length | Should -BeLessOrEqual 120
        @(Get-ChildItem -LiteralPath $root -File) | Should -HaveCount 2   # only the two avatars made above
    }

    It 'reports bad input and goes on' {
        $destination = New-Destination
        $good = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size mini
        $files = 'not a url', 42, $good | Save-ProfileMedia -Destination $destination -ErrorVariable problems -ErrorAction SilentlyContinue
        $files | Should -HaveCount 1
        $problems.FullyQualifiedErrorId | Should -Be @('UrlNotAbsoluteHttp,ProfileMedia.Commands.SaveProfileMediaCommand', 'UnsupportedInput,ProfileMedia.Commands.SaveProfileMediaCommand')
    }

    It 'outputs files as the file-system provider does, so they format like Get-ChildItem output' {
        $file = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size mini | Save-ProfileMedia -Destination (New-Destination)
        $file.PSProvider.Name | Should -Be 'FileSystem'
        $file.PSPath | Should -BeLike 'Microsoft.PowerShell.Core\FileSystem::*EmulatedUser_mini.png'
    }

    It 'takes users and variants that went through JSON or Export-Clixml and came back as properties' {
        $destination = New-Destination
        $roundTripUser = Get-ProfileUser EmulatedUser | ConvertTo-Json | ConvertFrom-Json
        $clixml = Join-Path $root 'variant.xml'
        Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size bigger | Export-Clixml -LiteralPath $clixml
        $files = @($roundTripUser; Import-Clixml -LiteralPath $clixml) | Save-ProfileMedia -Destination $destination -ImageSize normal
        ($files.Name | Sort-Object) | Should -Be @('EmulatedUser_banner_1500x500.png', 'EmulatedUser_bigger.png', 'EmulatedUser_normal.png')
        Remove-Item -LiteralPath $clixml
    }

    It 'takes a v2 user object as the variant cmdlets do: <Shape>' -ForEach @(
        @{ Shape = 'the answer''s data'; Pick = { param($Json) ($Json | ConvertFrom-Json).data } }
        @{ Shape = 'the whole answer'; Pick = { param($Json) $Json | ConvertFrom-Json } }
        @{ Shape = 'the answer''s data as a hashtable'; Pick = { param($Json) ($Json | ConvertFrom-Json -AsHashtable).data } }
        @{ Shape = 'the whole answer as a hashtable'; Pick = { param($Json) $Json | ConvertFrom-Json -AsHashtable } }
    ) {
        # A v2 answer as the service (and the emulator) words it: username and id, one https profile_image_url.
        $json = (Invoke-WebRequest -Uri "$($emulator.RootUri)2/users/by/username/EmulatedUser?user.fields=profile_image_url,profile_banner_url" -Headers @{ Authorization = "Bearer $($emulator.BearerToken)" }).Content
        $user = & $Pick $json
        $destination = New-Destination
        $files = $user | Save-ProfileMedia -Destination $destination -ImageSize 400x400 -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        ($files.Name | Sort-Object) | Should -Be @('EmulatedUser_400x400.png', 'EmulatedUser_banner_1500x500.png')
        ($user | Get-ProfileImageVariant -Size 400x400).Url | Should -Be (Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size 400x400).Url
        ($user | Get-ProfileImageVariant -Size 400x400).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'refuses a bare banner URL, saying to choose sizes with Get-ProfileBanner' {
        $banner = (Get-ProfileUser EmulatedUser).ProfileBannerUrl
        Save-ProfileMedia $banner -Destination (New-Destination) -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'BannerUrlWithoutSize,ProfileMedia.Commands.SaveProfileMediaCommand'
        $problems[0].Exception.Message | Should -BeLike '*Get-ProfileBanner*'
    }

    It 'stops at once with a closed -Connection instead of silently not refreshing' {
        $closed = Connect-EmulatorAccount $emulator
        Disconnect-ProfileMedia -Connection $closed
        { $null | Save-ProfileMedia -Destination (New-Destination) -Connection $closed } | Should -Throw -ErrorId 'ConnectionClosed,ProfileMedia.Commands.SaveProfileMediaCommand'
    }

    It 'refuses a destination outside the file system' {
        { $null | Save-ProfileMedia -Destination 'Env:\' } | Should -Throw -ErrorId 'InvalidDestination,ProfileMedia.Commands.SaveProfileMediaCommand'
    }

    It 'with -WhatIf downloads nothing, makes no folder and deletes no earlier run''s temporary file' {
        $variants = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant
        $missing = New-Destination
        Clear-EmulatorRequest $emulator
        $variants | Save-ProfileMedia -Destination $missing -WhatIf | Should -BeNullOrEmpty
        $missing | Should -Not -Exist

        $existing = New-Item -ItemType Directory -Path (New-Destination)
        $stale = Join-Path $existing ".EmulatedUser_mini.$([guid]::NewGuid().ToString('N')).partial"
        Set-Content -LiteralPath $stale -Value 'left by a killed run'
        [IO.File]::SetLastWriteTimeUtc($stale, [DateTime]::UtcNow.AddHours(-2))
        $variants | Save-ProfileMedia -Destination $existing.FullName -WhatIf | Should -BeNullOrEmpty
        Get-SavedName $existing.FullName | Should -Be @(Split-Path -Leaf $stale)
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'nothing is downloaded, and no outdated URL is looked up'
    }

    It 'asks before each file with -Confirm, and saves only what was approved' {
        $destination = New-Destination
        $variants = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size mini, normal, bigger
        $shell = [powershell]::Create()
        try {
            # "Yes", "No", "Yes": the prompt's answers, by their index in the Confirm choices.
            Add-Type -LiteralPath (Join-Path $PSScriptRoot 'PromptHost.cs') -ErrorAction SilentlyContinue
            $answers = [ChoiceHost]::new(@(0, 2, 0))
            $runspace = [runspacefactory]::CreateRunspace($answers)
            $runspace.Open()
            $shell.Runspace = $runspace
            $null = $shell.AddScript('param($Manifest, $Variants, $Destination) Import-Module $Manifest; $Variants | Save-ProfileMedia -Destination $Destination -Confirm')
            $null = $shell.AddArgument($script:ModuleManifest).AddArgument($variants).AddArgument($destination)
            $files = $shell.Invoke()
            $shell.Streams.Error | Should -HaveCount 0
            $answers.Prompts | Should -HaveCount 3
            $answers.Prompts[0] | Should -BeLike '*_mini.png*'
            @($files.SavedSize | Sort-Object) | Should -Be @('bigger', 'mini')
            Get-SavedName $destination | Should -Be @('EmulatedUser_bigger.png', 'EmulatedUser_mini.png')
        }
        finally { $shell.Dispose(); if ($runspace) { $runspace.Dispose() } }
    }

    It 'completes its progress record' {
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($manifest, $connection, $destination) Import-Module $manifest
            Get-ProfileUser EmulatedUser -Connection $connection | Get-ProfileImageVariant | Save-ProfileMedia -Destination $destination }).
            AddArgument($ModuleManifest).AddArgument((Connect-EmulatorAccount $emulator)).AddArgument((New-Destination))
        $files = $shell.Invoke()
        $files | Should -HaveCount 6
        $shell.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        $shell.Dispose()
    }

    It 'stops promptly on Ctrl+C while the media host holds every download, and leaves no partial file' {
        $destination = New-Destination
        $variants = Get-ProfileUser EmulatedUser | Get-ProfileImageVariant
        # One slow answer per size: all six are requested at once (ThrottleLimit 8), and all are held.
        Add-EmulatorFault $emulator @{ pathPrefix = '/profile_images/'; kind = 'slow'; delayMs = 30000; count = $variants.Count }
        $stopped = Stop-WhileEmulatorHoldsRequest $emulator { param($connection, $variants, $destination)
            $variants | Save-ProfileMedia -Destination $destination -Connection $connection } @((Connect-EmulatorAccount $emulator), $variants, $destination)
        $stopped.Elapsed.TotalSeconds | Should -BeLessThan 5
        $stopped.State | Should -Be 'Stopped'
        Get-SavedName $destination | Should -BeNullOrEmpty
    }
}

Describe 'Messages about folders that cannot be written' {
    BeforeAll {
        . "$PSScriptRoot/TestPictures.ps1"
        $picture = New-TestPicture -Path (Join-Path $root 'sweep.png') -Width 300 -Height 300
    }

    BeforeEach { Reset-Emulator $emulator; $null = Connect-EmulatorAccount $emulator }

    It 'end in one full stop, for Save-ProfileMedia and ConvertTo-ProfileImage, into <Case>' -TestCases @(
        @{ Case = 'an immutable folder'; Immutable = $true; Folder = $null }
        @{ Case = 'a /proc folder'; Immutable = $false; Folder = '/proc/self' }
    ) {
        if (-not $IsLinux) { Set-ItResult -Skipped -Because 'immutable folders (chattr) and /proc are Linux things'; return }
        if ($Immutable) {
            $Folder = New-Destination
            $null = New-Item -ItemType Directory -Path $Folder
            $null = chattr +i $Folder 2>&1
            if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because "chattr +i is refused here (not root, or a file system without the flag)"; return }
        }
        try {
            $messages = @(
                Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size normal | Save-ProfileMedia -Destination $Folder -ErrorVariable saved -ErrorAction SilentlyContinue
                ConvertTo-ProfileImage $picture.FullName -Destination $Folder -ErrorVariable converted -ErrorAction SilentlyContinue
                ConvertTo-ProfileImage $picture.FullName -Destination (Join-Path $Folder 'me.jpg') -ErrorVariable named -ErrorAction SilentlyContinue
            ) | Should -BeNullOrEmpty
            $errors = @($saved) + @($converted) + @($named)
            $errors | Should -HaveCount 3
            foreach ($problem in $errors) {
                $problem.Exception.Message | Should -Match '[^.]\.$' -Because "a message ends in one full stop: $($problem.Exception.Message)"
                $problem.Exception.Message | Should -Not -Match '\.\.' -Because "no sentence ends in two: $($problem.Exception.Message)"
                $problem.Exception.Message | Should -BeLike "*$Folder*"
            }
        }
        finally {
            if ($Immutable) { $null = chattr -i $Folder 2>&1 }
        }
    }
}
