BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $user = Get-Content -LiteralPath (Join-Path $FixturesPath 'users-show.json') -Raw | ConvertFrom-Json
}

Describe 'Get-ProfileImageVariant' {
    It 'outputs every size, smallest first and original last, for one URL string' {
        $variants = Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_normal.jpg'
        $variants.Size | Should -Be @('mini', 'normal', 'bigger', '200x200', '400x400', 'original')
        $variants[0].Url | Should -Be 'https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_mini.jpg'
        $variants[-1].Url | Should -Be 'https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p.jpg'
        $variants[2].Width | Should -Be 73
        $variants[-1].Width | Should -BeNullOrEmpty
        $variants[0].PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileImageVariant'
    }

    It 'takes a ConvertFrom-Json user object from the pipeline and prefers the https URL' {
        $variants = $user | Get-ProfileImageVariant -Size bigger
        $variants.Url | Should -Be 'https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_bigger.jpg'
        $variants.ScreenName | Should -Be 'Twitter'
        $variants.UserId | Should -Be '783214'
    }

    It 'takes many URLs by position and from the pipeline, including System.Uri objects kept as written' {
        $urls = 'http://a0.twimg.com/profile_images/1697484692/image_normal', [uri] 'https://pbs.twimg.com/profile_images/1/a%20b_normal.png'
        $byParameter = Get-ProfileImageVariant $urls -Size original
        $byPipeline = $urls | Get-ProfileImageVariant -Size original
        $byParameter.Url | Should -Be @('http://a0.twimg.com/profile_images/1697484692/image', 'https://pbs.twimg.com/profile_images/1/a%20b.png')
        $byPipeline.Url | Should -Be $byParameter.Url
    }

    It 'accepts size names in any case and outputs them in the order asked, once each' {
        $variants = Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.png' -Size ORIGINAL, Mini, mini
        $variants.Size | Should -Be @('original', 'mini')
    }

    It 'refuses an unknown size name before reading any URL' {
        { Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.png' -Size huge } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,ProfileMedia.Commands.GetProfileImageVariantCommand'
    }

    It 'tab-completes the size names' {
        $line = "Get-ProfileImageVariant -Size "
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Sort-Object | Should -Be (@('mini', 'normal', 'bigger', '200x200', '400x400', 'original') | Sort-Object)
    }

    It 'upgrades http to https with -Https and leaves https alone' {
        (Get-ProfileImageVariant $user.profile_image_url -Size 400x400 -Https).Url |
            Should -Be 'https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_400x400.jpg'
        (Get-ProfileImageVariant $user.profile_image_url -Size 400x400).Url |
            Should -Be 'http://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_400x400.jpg'
    }

    It 'marks default images' {
        $variants = Get-ProfileImageVariant 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' -Size bigger, original
        $variants.IsDefaultImage | Should -Be @($true, $true)
        $variants.Url | Should -Be @('https://abs.twimg.com/sticky/default_profile_images/default_profile_bigger.png', 'https://abs.twimg.com/sticky/default_profile_images/default_profile.png')
    }

    It 'writes one non-terminating error per bad value and goes on with the next object' -TestCases @(
        @{ Value = 'not a url'; ErrorId = 'UrlNotAbsoluteHttp' }
        @{ Value = 'ftp://pbs.twimg.com/profile_images/1/x_normal.png'; ErrorId = 'UrlNotAbsoluteHttp' }
        @{ Value = ''; ErrorId = 'EmptyUrl' }
        @{ Value = 'https://pbs.twimg.com'; ErrorId = 'UrlHasNoFileSegment' }
        @{ Value = "https://pbs.twimg.com/profile_images/1/x`t_normal.png"; ErrorId = 'UrlHasInvalidCharacters' }
    ) {
        $good = 'https://pbs.twimg.com/profile_images/1/x_normal.png'
        $output = @($Value, $good) | Get-ProfileImageVariant -Size mini -ErrorVariable problems -ErrorAction SilentlyContinue
        $output.Url | Should -Be 'https://pbs.twimg.com/profile_images/1/x_mini.png'
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,ProfileMedia.Commands.GetProfileImageVariantCommand"
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $Value
        if ($Value) { $problems[0].Exception.Message | Should -BeLike "*$($Value.Replace("`t", '\u0009'))*" }
    }

    It 'reports a user object without an image URL as NullUrl and continues' {
        $withoutUrl = [pscustomobject]@{ screen_name = 'nobody'; profile_image_url_https = $null }
        $output = $withoutUrl, $user | Get-ProfileImageVariant -Size normal -ErrorVariable problems -ErrorAction SilentlyContinue
        $output | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NullUrl,*'
    }

    It 'takes its own output objects and derives the other sizes, keeping the user' {
        $bigger = $user | Get-ProfileImageVariant -Size bigger
        $again = $bigger | Get-ProfileImageVariant -Size original
        $again.Url | Should -Be 'https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p.jpg'
        $again.ScreenName | Should -Be 'Twitter'
    }

    It 'never takes a user object''s own url property (the website) for its image' {
        $output = [pscustomobject]@{ screen_name = 'x'; url = 'https://t.co/abc' }, $user |
            Get-ProfileImageVariant -Size normal -ErrorVariable problems -ErrorAction SilentlyContinue
        $output.Url | Should -Be $user.profile_image_url_https
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NullUrl,*'
    }

    It 'keeps identity from one pipeline object out of the next' {
        $anonymous = [pscustomobject]@{ profile_image_url_https = 'https://pbs.twimg.com/profile_images/2/y_normal.png' }
        $output = $user, $anonymous | Get-ProfileImageVariant -Size normal
        $output[0].ScreenName | Should -Be 'Twitter'
        $output[1].ScreenName | Should -BeNullOrEmpty
    }

    It 'formats as a table of size, width, height and URL' {
        $text = Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.png' | Out-String -Width 80
        $header = ($text -split "`n" | Where-Object { $_ -match '\S' })[0]
        $header | Should -Match '^Size\s+Width\s+Height\s+Url\s*$'
        $text | Should -Match 'bigger\s+73\s+73\s+https://pbs.twimg.com/profile_images/1/x_bigger.png'
    }
}
