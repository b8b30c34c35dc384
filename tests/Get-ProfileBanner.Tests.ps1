BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $user = Get-Content -LiteralPath (Join-Path $FixturesPath 'users-show.json') -Raw | ConvertFrom-Json
    $defaultUser = Get-Content -LiteralPath (Join-Path $FixturesPath 'users-show-default-image.json') -Raw | ConvertFrom-Json
    $documented = (Get-Content -LiteralPath (Join-Path $FixturesPath 'users-profile-banner.json') -Raw | ConvertFrom-Json).sizes
}

Describe 'Get-ProfileBanner from URLs' {
    It 'outputs the nine sizes with the dimensions the API reports for them' {
        $variants = Get-ProfileBanner 'https://pbs.twimg.com/profile_banners/783214/1611950530'
        $variants | Should -HaveCount 9
        foreach ($variant in $variants) {
            $expected = $documented.($variant.Name)
            $variant.Url | Should -Be $expected.url
            $variant.Width | Should -Be $expected.w
            $variant.Height | Should -Be $expected.h
        }
        $variants[0].PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileBannerVariant'
    }

    It 'takes a ConvertFrom-Json user object by its profile_banner_url' {
        $variant = $user | Get-ProfileBanner -Size 1500x500
        $variant.Url | Should -Be 'https://pbs.twimg.com/profile_banners/783214/1611950530/1500x500'
        $variant.ScreenName | Should -Be 'Twitter'
    }

    It 'replaces a size already in the URL and tolerates a trailing slash' {
        (Get-ProfileBanner 'https://pbs.twimg.com/profile_banners/1/2/web_retina/' -Size mobile).Url |
            Should -Be 'https://pbs.twimg.com/profile_banners/1/2/mobile'
    }

    It 'reports a user without a banner and goes on' {
        $defaultUser.PSObject.Properties.Name | Should -Not -Contain 'profile_banner_url'
        $output = $defaultUser, $user | Get-ProfileBanner -Size web -ErrorVariable problems -ErrorAction SilentlyContinue
        $output | Should -HaveCount 1
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'NullUrl,ProfileMedia.Commands.GetProfileBannerCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses a URL without a path, naming it' {
        Get-ProfileBanner 'https://pbs.twimg.com/' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'UrlHasNoFileSegment,*'
        $problems[0].Exception.Message | Should -BeLike "*'https://pbs.twimg.com/'*"
    }

    It 'tab-completes the banner size names' {
        $line = 'Get-ProfileBanner -Size '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'web_retina'
    }
}

Describe 'Get-ProfileBanner through the API (-ScreenName, -UserId)' {
    BeforeAll {
        $emulator = Start-ProfileMediaEmulator
        $null = Connect-EmulatorAccount $emulator
    }
    AfterAll {
        Disconnect-ProfileMedia
        Stop-ProfileMediaEmulator $emulator
    }

    It 'lists the banner sizes through the API, filtered by -Size' {
        $sizes = Get-ProfileBanner -ScreenName EmulatedUser
        $sizes | Should -HaveCount 9
        $sizes[0].Name | Should -Be '300x100'
        (Get-ProfileBanner -ScreenName EmulatedUser -Size web_retina).Width | Should -Be 1040
        (Get-ProfileBanner -ScreenName EmulatedUser -Size mobile, 1500x500).Name | Should -Be @('mobile', '1500x500')
        (Get-ProfileBanner -ScreenName EmulatedUser -Size web -Https).Url | Should -BeLike 'https://127.0.0.1:*/web'
    }

    It 'writes NoProfileBanner for a user without one and goes on' {
        Get-ProfileBanner -ScreenName DefaultUser, EmulatedUser -Size web -ErrorVariable problems -ErrorAction SilentlyContinue | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'NoProfileBanner,ProfileMedia.Commands.GetProfileBannerCommand'
    }

    It 'binds -ScreenName and -UserId from the pipeline by property name, as Get-ProfileUser does' {
        $parameters = (Get-Command Get-ProfileBanner).Parameters
        $parameters['ScreenName'].ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Be $true
        $parameters['UserId'].ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Be $true
        $parameters['ScreenName'].Aliases | Should -Be (Get-Command Get-ProfileUser).Parameters['ScreenName'].Aliases
        $parameters['UserId'].Aliases | Should -Be (Get-Command Get-ProfileUser).Parameters['UserId'].Aliases
        ([pscustomobject]@{ username = 'EmulatedUser' } | Get-ProfileBanner -ReadApiVersion 2 -Size web).ScreenName | Should -Be 'EmulatedUser'
    }

    It 'looks up piped rows that name a user and carry no media URL, all in one request' {
        Clear-EmulatorRequest $emulator
        $rows = [pscustomobject]@{ ScreenName = 'EmulatedUser' }, @{ screen_name = 'Twitter' }, [pscustomobject]@{ ScreenName = 'EmulatedUser' }
        $variants = $rows | Get-ProfileBanner -Size web
        $variants.ScreenName | Should -Be @('EmulatedUser', 'Twitter', 'EmulatedUser')
        $variants.Url | Should -BeLike '*/web'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 1 -Because 'the two users are looked up together, each once'
    }

    It 'finds the same banner by -UserId as by -ScreenName' {
        (Get-ProfileBanner -UserId 1000001 -Size web).Url | Should -Be (Get-ProfileBanner -ScreenName EmulatedUser -Size web).Url
        (Get-ProfileBanner -UserId 1000001 -Size web).UserId | Should -Be '1000001'
    }
}
