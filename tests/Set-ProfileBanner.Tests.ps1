BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator
    $null = Connect-EmulatorAccount $emulator
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-banner-$([guid]::NewGuid())")
    $png = New-TestImageFile -Path (Join-Path $folder 'avatar.png') -Bytes 5000
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force
}

Describe 'Set-ProfileBanner' {
    BeforeEach { Reset-Emulator $emulator }

    It 'uploads a banner with a region and the banner URL changes' {
        $before = (Get-ProfileUser EmulatedUser).ProfileBannerUrl
        Set-ProfileBanner -Path $png.FullName -Width 1 -Height 1 -OffsetLeft 0 -OffsetTop 0 | Should -BeNullOrEmpty
        (Get-ProfileUser EmulatedUser).ProfileBannerUrl | Should -Not -Be $before
    }

    It 'refuses a partial region before sending anything' {
        Clear-EmulatorRequest $emulator
        Set-ProfileBanner -Path $png.FullName -Width 100 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidBannerRegion,ProfileMedia.Commands.SetProfileBannerCommand'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'takes a banner up to 5 MB and refuses one over it locally' {
        $big = New-TestImageFile -Path (Join-Path $folder 'banner.png') -Bytes (5MB)
        Set-ProfileBanner -LiteralPath $big.FullName
        $tooBig = New-TestImageFile -Path (Join-Path $folder 'banner2.png') -Bytes (5MB + 1)
        Set-ProfileBanner -LiteralPath $tooBig.FullName -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ImageFileTooLarge,*'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }
}
