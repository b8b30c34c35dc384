# Set-ProfileImage -Fit and Set-ProfileBanner -Fit against the emulator: a picture far over the limit is prepared in
# memory and uploaded, and what arrives (the emulator reads its header: GET /_emulator/uploads) is what -WhatIf announced.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/TestPictures.ps1"
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 200
    $null = Connect-EmulatorAccount $emulator
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-fit-$([guid]::NewGuid())")
    # 3 MB of noise: refused as it is, by both the avatar limit and (for the banner test) any quality short of stepping.
    $noise = New-TestPicture -Path (Join-Path $folder 'noise.png') -Width 1000 -Height 1000 -Noise
    $photo = New-TestPicture -Path (Join-Path $folder 'photo.png') -Width 3000 -Height 1500
    function Get-EmulatorUpload { $uploads = Invoke-RestMethod -Uri ([uri]::new($emulator.ControlUri, 'uploads')); $uploads }
    function Get-AccountPost { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' }) }

    # -WhatIf writes its message to the host; a transcript is the way to read it back in the same session.
    function Get-WhatIfText([scriptblock] $Command) {
        $transcript = Join-Path $folder "whatif-$([guid]::NewGuid().ToString('n')).txt"
        $null = Start-Transcript -LiteralPath $transcript
        try { & $Command } finally { $null = Stop-Transcript }
        (Get-Content -LiteralPath $transcript -Raw)
    }

    # The plan's "scale to WxH, FORMAT ..., N bytes" as numbers.
    function ConvertFrom-Plan([string] $Text) {
        if ($Text -notmatch 'scale to (\d+)x(\d+), (JPEG|PNG)[^,]*, ([\d,]+) bytes') { throw "No plan in: $Text" }
        [pscustomobject]@{ Width = [int] $Matches[1]; Height = [int] $Matches[2]; Format = $Matches[3]; Bytes = [int] ($Matches[4] -replace ',') }
    }
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force
}

Describe 'Set-ProfileImage -Fit' {
    BeforeEach { Reset-Emulator $emulator }

    It 'refuses the 3 MB picture as it is, and with -Fit uploads exactly what -WhatIf announced' {
        $noise.Length | Should -BeGreaterThan 716800
        Set-ProfileImage -Path $noise.FullName -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'ImageFileTooLarge,ProfileMedia.Commands.SetProfileImageCommand'

        $text = Get-WhatIfText { Set-ProfileImage -Path $noise.FullName -Fit -WhatIf }
        $text | Should -BeLike '*PNG 1000x1000, crop 1000x1000+0+0, scale to 400x400, JPEG quality 90*'
        Get-AccountPost | Should -BeNullOrEmpty
        @(Get-EmulatorUpload) | Should -HaveCount 0
        $plan = ConvertFrom-Plan $text

        $user = Set-ProfileImage -Path $noise.FullName -Fit
        $user.ScreenName | Should -Be 'EmulatedUser'
        $uploads = @(Get-EmulatorUpload)
        $uploads | Should -HaveCount 1
        ($uploads[0].endpoint, $uploads[0].format, $uploads[0].width, $uploads[0].height, $uploads[0].bytes) |
            Should -Be @('update_profile_image', $plan.Format, $plan.Width, $plan.Height, $plan.Bytes)
        $uploads[0].bytes | Should -BeLessOrEqual 716800
    }

    It 'uploads nothing when the picture cannot be prepared' {
        $cut = Join-Path $folder 'cut.png'
        [IO.File]::WriteAllBytes($cut, [IO.File]::ReadAllBytes($photo.FullName)[0..4999])
        Set-ProfileImage -Path $cut -Fit -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'TruncatedImage,ProfileMedia.Commands.SetProfileImageCommand'
        Get-AccountPost | Should -BeNullOrEmpty
    }

    It 'refuses -CropRegion without -Fit before anything is sent' {
        Set-ProfileImage -Path $photo.FullName -CropRegion 0, 0, 10, 10 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'CropRegionWithoutFit,ProfileMedia.Commands.SetProfileImageCommand'
        Get-AccountPost | Should -BeNullOrEmpty
    }
}

Describe 'Set-ProfileBanner -Fit' {
    BeforeEach { Reset-Emulator $emulator }

    It 'crops to 3:1 in the chosen region, scales to 1500x500, and uploads what -WhatIf announced' {
        $text = Get-WhatIfText { Set-ProfileBanner -Path $photo.FullName -Fit -CropRegion 0, 750, 3000, 750 -WhatIf }
        $text | Should -BeLike '*PNG 3000x1500, crop 2250x750+375+750, scale to 1500x500, JPEG*'
        @(Get-EmulatorUpload) | Should -HaveCount 0
        $plan = ConvertFrom-Plan $text

        Set-ProfileBanner -Path $photo.FullName -Fit -CropRegion 0, 750, 3000, 750
        $uploads = @(Get-EmulatorUpload)
        ($uploads[0].endpoint, $uploads[0].format, $uploads[0].width, $uploads[0].height, $uploads[0].bytes) |
            Should -Be @('update_profile_banner', $plan.Format, $plan.Width, $plan.Height, $plan.Bytes)
    }

    It 'refuses -Fit with the API''s own crop parameters' {
        Set-ProfileBanner -Path $photo.FullName -Fit -Width 1500 -Height 500 -OffsetLeft 0 -OffsetTop 0 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'BannerRegionWithFit,ProfileMedia.Commands.SetProfileBannerCommand'
        Get-AccountPost | Should -BeNullOrEmpty
    }
}
