BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $emulator = Start-ProfileMediaEmulator
    $null = Connect-EmulatorAccount $emulator
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-banner-$([guid]::NewGuid())")
    $png = New-TestImageFile -Path (Join-Path $folder 'avatar.png') -Bytes 5000
    . "$PSScriptRoot/TestPictures.ps1"
    # -Fit: a 3000x1500 picture.
    $fitPhoto = New-TestPicture -Path (Join-Path $folder 'photo.png') -Width 3000 -Height 1500
    function Get-AccountPost { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' }) }
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

    It 'with -PassThru, outputs the account with its new banner' {
        $before = (Get-ProfileUser EmulatedUser).ProfileBannerUrl
        $account = Set-ProfileBanner -Path $png.FullName -PassThru
        $account.PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileUser'
        $account.ScreenName | Should -Be 'EmulatedUser'
        $account.ProfileBannerUrl | Should -Not -BeNullOrEmpty
        $account.ProfileBannerUrl | Should -Not -Be $before
        Set-ProfileBanner -Path $png.FullName -PassThru -WhatIf | Should -BeNullOrEmpty
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

Describe 'Set-ProfileBanner -Fit' {
    BeforeEach { Reset-Emulator $emulator }

    It 'crops to 3:1 in the chosen region, scales to 1500x500, and uploads what -WhatIf announced' {
        $text = Get-WhatIfText { Set-ProfileBanner -Path $fitPhoto.FullName -Fit -CropRegion 0, 750, 3000, 750 -WhatIf }
        $text | Should -BeLike '*PNG 3000x1500, crop 2250x750+375+750, scale to 1500x500, JPEG*'
        @(Get-EmulatorUpload $emulator) | Should -HaveCount 0
        $plan = ConvertFrom-FitPlan $text

        Set-ProfileBanner -Path $fitPhoto.FullName -Fit -CropRegion 0, 750, 3000, 750
        $uploads = @(Get-EmulatorUpload $emulator)
        ($uploads[0].endpoint, $uploads[0].format, $uploads[0].width, $uploads[0].height, $uploads[0].bytes) |
            Should -Be @('update_profile_banner', $plan.Format, $plan.Width, $plan.Height, $plan.Bytes)
    }

    It 'refuses -Fit with the API''s own crop parameters' {
        Set-ProfileBanner -Path $fitPhoto.FullName -Fit -Width 1500 -Height 500 -OffsetLeft 0 -OffsetTop 0 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'BannerRegionWithFit,ProfileMedia.Commands.SetProfileBannerCommand'
        Get-AccountPost | Should -BeNullOrEmpty
    }
}
