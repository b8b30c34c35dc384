BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 1500
    $null = Connect-EmulatorAccount $emulator
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-uploads-$([guid]::NewGuid())")
    $png = New-TestImageFile -Path (Join-Path $folder 'avatar.png') -Bytes 5000
    . "$PSScriptRoot/TestPictures.ps1"
    # -Fit: 3 MB of noise, refused as it is; and a 3000x1500 picture.
    $fitNoise = New-TestPicture -Path (Join-Path $folder 'noise.png') -Width 1000 -Height 1000 -Noise
    $fitPhoto = New-TestPicture -Path (Join-Path $folder 'photo.png') -Width 3000 -Height 1500
    function Get-AccountPost { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' }) }
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force
}

Describe 'Set-ProfileImage' {
    BeforeEach { Reset-Emulator $emulator }

    It 'uploads a file, outputs nothing, and with -PassThru outputs the user with the new image URL' {
        $before = Get-ProfileUser EmulatedUser
        Set-ProfileImage -Path $png.FullName | Should -BeNullOrEmpty
        $user = Set-ProfileImage -Path $png.FullName -PassThru
        $user.PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileUser'
        $user.ProfileImageUrlHttps | Should -Not -Be $before.ProfileImageUrlHttps
        (Get-AccountPost).pathAndQuery | Should -BeLike '/1.1/account/update_profile_image.json*'
    }

    It 'with -Wait, outputs the user only once the connected account (/2/users/me) shows the new image' {
        Clear-EmulatorRequest $emulator
        $user = Set-ProfileImage -LiteralPath $png.FullName -Wait -PassThru
        (Get-ProfileUser EmulatedUser).ProfileImageUrlHttps | Should -Be $user.ProfileImageUrlHttps
        @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/2/users/me*').Count | Should -BeGreaterThan 0
        @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/1.1/users/*') | Should -HaveCount 0
    }

    It 'with -Wait -ReadApiVersion 1.1, polls account/verify_credentials, which pay-per-use still has' {
        Clear-EmulatorRequest $emulator
        $user = Set-ProfileImage -LiteralPath $png.FullName -Wait -ReadApiVersion 1.1 -PassThru
        $user.ScreenName | Should -Be 'EmulatedUser'
        @(Get-EmulatorRequest $emulator | Where-Object pathAndQuery -Like '/1.1/account/verify_credentials.json*').Count | Should -BeGreaterThan 0
    }

    It 'takes FileInfo objects from the pipeline and paths with wildcards that match one file' {
        ($png | Set-ProfileImage -PassThru).ScreenName | Should -Be 'EmulatedUser'
        (Set-ProfileImage -Path (Join-Path $folder 'avat*.png') -PassThru).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'sends nothing with -WhatIf' {
        Clear-EmulatorRequest $emulator
        Set-ProfileImage -Path $png.FullName -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'refuses <Case> before any request, naming the file' -TestCases @(
        @{ Case = 'a missing file'; Make = { Join-Path $folder 'missing.png' }; ErrorId = 'ImageFileNotFound' }
        @{ Case = 'an empty file'; Make = { $p = Join-Path $folder 'empty.png'; [IO.File]::WriteAllBytes($p, [byte[]]::new(0)); $p }; ErrorId = 'ImageFileEmpty' }
        @{ Case = 'text named .png'; Make = { $p = Join-Path $folder 'text.png'; Set-Content -LiteralPath $p -Value 'not an image'; $p }; ErrorId = 'UnsupportedImageFormat' }
        @{ Case = 'a truncated PNG'; Make = { $p = Join-Path $folder 'cut.png'; [IO.File]::WriteAllBytes($p, [IO.File]::ReadAllBytes($png.FullName)[0..99]); $p }; ErrorId = 'TruncatedImage' }
        @{ Case = 'a file over 700 KB'; Make = { (New-TestImageFile -Path (Join-Path $folder 'big.png') -Bytes 716801).FullName }; ErrorId = 'ImageFileTooLarge' }
        @{ Case = 'a directory'; Make = { $folder.FullName }; ErrorId = 'ImageFileIsDirectory' }
        @{ Case = 'a wildcard matching nothing'; Make = { Join-Path $folder 'nothing*.png' }; ErrorId = 'ImageFileNotFound' }
        @{ Case = 'a wildcard matching several files'; Make = { Join-Path $folder '*.png' }; ErrorId = 'PathMatchesSeveralFiles' }
        @{ Case = 'a path outside the file system'; Make = { 'Env:\PATH' }; ErrorId = 'NotFileSystemPath' }
    ) {
        $path = & $Make
        Clear-EmulatorRequest $emulator
        Set-ProfileImage -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,ProfileMedia.Commands.SetProfileImageCommand"
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'goes on with the next file after a bad one' {
        $users = (Join-Path $folder 'missing.png'), $png.FullName | Set-ProfileImage -PassThru -ErrorAction SilentlyContinue
        @($users) | Should -HaveCount 1
    }

    It 'says the app lacks write permission, and the account is unchanged' {
        $before = (Get-ProfileUser EmulatedUser).ProfileImageUrlHttps
        Set-EmulatorAccountState $emulator -ScreenName EmulatedUser -State readonly
        Set-ProfileImage -Path $png.FullName -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'AppCannotWrite,ProfileMedia.Commands.SetProfileImageCommand'
        $problems[0].Exception.Message | Should -BeLike '*Read and Write permission*'
        Set-EmulatorAccountState $emulator -ScreenName EmulatedUser -State restore
        (Get-ProfileUser EmulatedUser).ProfileImageUrlHttps | Should -Be $before
    }
}

Describe 'Set-ProfileImage -Fit' {
    BeforeEach { Reset-Emulator $emulator }

    It 'refuses the 3 MB picture as it is, and with -Fit uploads exactly what -WhatIf announced' {
        $fitNoise.Length | Should -BeGreaterThan 716800
        Set-ProfileImage -Path $fitNoise.FullName -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'ImageFileTooLarge,ProfileMedia.Commands.SetProfileImageCommand'

        $text = Get-WhatIfText { Set-ProfileImage -Path $fitNoise.FullName -Fit -WhatIf }
        $text | Should -BeLike '*PNG 1000x1000, crop 1000x1000+0+0, scale to 400x400, JPEG quality 90*'
        Get-AccountPost | Should -BeNullOrEmpty
        @(Get-EmulatorUpload $emulator) | Should -HaveCount 0
        $plan = ConvertFrom-FitPlan $text

        $user = Set-ProfileImage -Path $fitNoise.FullName -Fit -PassThru
        $user.ScreenName | Should -Be 'EmulatedUser'
        $uploads = @(Get-EmulatorUpload $emulator)
        $uploads | Should -HaveCount 1
        ($uploads[0].endpoint, $uploads[0].format, $uploads[0].width, $uploads[0].height, $uploads[0].bytes) |
            Should -Be @('update_profile_image', $plan.Format, $plan.Width, $plan.Height, $plan.Bytes)
        $uploads[0].bytes | Should -BeLessOrEqual 716800
    }

    It 'uploads nothing when the picture cannot be prepared' {
        $cut = Join-Path $folder 'fit-cut.png'
        [IO.File]::WriteAllBytes($cut, [IO.File]::ReadAllBytes($fitPhoto.FullName)[0..4999])
        Set-ProfileImage -Path $cut -Fit -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'TruncatedImage,ProfileMedia.Commands.SetProfileImageCommand'
        Get-AccountPost | Should -BeNullOrEmpty
    }

    It 'uploads nothing for a JPEG whose <Case>: CorruptImage' -TestCases @(
        @{ Case = 'header says 10000x9999 but holds 16x16 of data'; Kind = 'DeclaresMore' }
        @{ Case = 'scan data has 2 KB overwritten'; Kind = 'Scratched' }
    ) {
        $damaged = New-DamagedJpeg -Path (Join-Path $folder "damaged-$Kind.jpg") -Kind $Kind
        Set-ProfileImage -Path $damaged.FullName -Fit -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'CorruptImage,ProfileMedia.Commands.SetProfileImageCommand'
        $problems[0].Exception.Message | Should -BeLike "*$($damaged.FullName)*damaged*"
        Get-AccountPost | Should -BeNullOrEmpty
        @(Get-EmulatorUpload $emulator) | Should -HaveCount 0
    }

    It 'refuses <Given> under -Fit with the id a plain upload gives, and sends nothing' -TestCases @(
        @{ Given = 'a directory'; Path = { $folder.FullName }; Unix = $false }
        @{ Given = '/dev/zero'; Path = { '/dev/zero' }; Unix = $true }
        @{ Given = 'a /proc file'; Path = { '/proc/self/status' }; Unix = $true }
    ) {
        if ($Unix -and -not $IsLinux) { Set-ItResult -Skipped -Because 'devices and /proc as tested here are Linux things'; return }
        $bad = & $Path
        Set-ProfileImage -LiteralPath $bad -ErrorVariable plain -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Set-ProfileImage -LiteralPath $bad -Fit -ErrorVariable fitted -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $fitted | Should -HaveCount 1
        $fitted[0].FullyQualifiedErrorId | Should -Be $plain[0].FullyQualifiedErrorId
        $fitted[0].FullyQualifiedErrorId | Should -BeIn @('ImageFileIsDirectory,ProfileMedia.Commands.SetProfileImageCommand', 'ImageFileNotRegular,ProfileMedia.Commands.SetProfileImageCommand')
        Get-AccountPost | Should -BeNullOrEmpty
    }

    It 'refuses -CropRegion without -Fit before anything is sent' {
        Set-ProfileImage -Path $fitPhoto.FullName -CropRegion 0, 0, 10, 10 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'CropRegionWithoutFit,ProfileMedia.Commands.SetProfileImageCommand'
        Get-AccountPost | Should -BeNullOrEmpty
    }
}

Describe 'Set-ProfileImage -Wait backs off' {
    BeforeAll {
        # An image the service never finishes processing: -Wait polls until -WaitTimeout.
        $slow = Start-ProfileMediaEmulator -ProcessingDelayMs 600000
        $connection = Connect-EmulatorAccount $slow
    }

    AfterAll {
        $connection.Dispose()
        Stop-ProfileMediaEmulator $slow
    }

    It 'asks /2/users/me after 1, 2 and 4 s and at the deadline: 4 calls in 7 s, not one a second' {
        # /2/users/me allows 75 calls per 15 minutes per user: one upload must spend a handful, however long it waits.
        Clear-EmulatorRequest $slow
        $output = Set-ProfileImage -LiteralPath $png.FullName -Connection $connection -Wait -WaitTimeout 00:00:07 -PassThru 3>&1
        @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -BeLike '*did not show the new image within 00:00:07*'
        @(Get-EmulatorRequest $slow | Where-Object pathAndQuery -Like '/2/users/me*') | Should -HaveCount 4
    }
}
