# Every closed set a cmdlet takes, bound in lower, UPPER and mIxEd case, with the effect a user would see. PowerShell
# binds these sets case-insensitively, so the module must never compare the bound text by hand; and each ValidateSet
# lists exactly the values Core knows (an enum parameter lists them by itself).

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/TestPictures.ps1"
    $emulator = Start-ProfileMediaEmulator
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-sets-$([guid]::NewGuid())")
    # Large enough that neither target is limited by the picture: an avatar is 400x400 and a banner 1500x500.
    $photo = New-TestPicture -Path (Join-Path $folder 'photo.png') -Width 1800 -Height 1200
    function New-Destination { New-Item -ItemType Directory -Path (Join-Path $folder ([guid]::NewGuid().ToString('n'))) }

    # The name in lower case, UPPER case and mIxEd case.
    function Get-Casing([string] $Name) {
        $i = 0
        $mixed = -join ($Name.ToCharArray() | ForEach-Object { if ($i++ % 2) { "$_".ToUpperInvariant() } else { "$_".ToLowerInvariant() } })
        @($Name.ToLowerInvariant(), $Name.ToUpperInvariant(), $mixed) | Select-Object -Unique
    }

    # Core's own list, read from the built assembly (its types are internal: only the cmdlets are public).
    function Get-CoreList([string] $TypeName, [string] $Field) {
        $core = [ProfileMedia.ProfileUser].Assembly
        @($core.GetType($TypeName, $true).GetField($Field, [Reflection.BindingFlags]'Public, Static').GetValue($null))
    }

    function Get-ValidSet([string] $Command, [string] $Parameter) {
        @((Get-Command $Command).Parameters[$Parameter].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues)
    }

    $imageSizes = Get-CoreList 'ProfileMedia.Core.Urls.ProfileImageSize' 'Names'
    $bannerSizes = Get-CoreList 'ProfileMedia.Core.Urls.BannerSize' 'Names'
    $readApis = Get-CoreList 'ProfileMedia.Core.Api.ReadApiNames' 'All'
    $imageUrl = 'https://pbs.twimg.com/profile_images/1/photo_normal.jpg'
    $bannerUrl = 'https://pbs.twimg.com/profile_banners/783214/1646075315'
}

AfterAll {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force
}

Describe 'Each set accepts exactly what Core knows' {
    It '<Command> -<Parameter> lists Core''s read APIs' -TestCases @(
        @{ Command = 'Connect-ProfileMedia'; Parameter = 'ReadApiVersion' }
        @{ Command = 'Get-ProfileUser'; Parameter = 'ReadApiVersion' }
        @{ Command = 'Get-ProfileBanner'; Parameter = 'ReadApiVersion' }
        @{ Command = 'Save-ProfileMedia'; Parameter = 'ReadApiVersion' }
        @{ Command = 'Set-ProfileImage'; Parameter = 'ReadApiVersion' }
    ) {
        $readApis.Count | Should -BeGreaterThan 1
        Get-ValidSet $Command $Parameter | Sort-Object | Should -Be ($readApis | Sort-Object)
    }

    It '<Command> -<Parameter> refuses a size Core does not know, naming every one it does' -TestCases @(
        @{ Command = 'Get-ProfileImageVariant'; Parameter = 'Size'; What = 'image'; Arguments = @{ InputObject = 'https://pbs.twimg.com/profile_images/1/a_normal.jpg' } }
        @{ Command = 'Save-ProfileMedia'; Parameter = 'ImageSize'; What = 'image'; Arguments = @{ InputObject = @(); Destination = 'unused' } }
        @{ Command = 'Get-ProfileBanner'; Parameter = 'Size'; What = 'banner'; Arguments = @{ InputObject = 'https://pbs.twimg.com/profile_banners/1/2' } }
        @{ Command = 'Save-ProfileMedia'; Parameter = 'BannerSize'; What = 'banner'; Arguments = @{ InputObject = @(); Destination = 'unused' } }
    ) {
        $names = if ($What -eq 'image') { $imageSizes } else { $bannerSizes }
        $call = $Arguments.Clone(); $call[$Parameter] = @($names[0], '1500x501')
        $failure = { & $Command @call } | Should -Throw -ErrorId "ParameterArgumentValidationError,*" -PassThru
        $failure.Exception.Message | Should -BeLike "*'1500x501' is not a*; use one of $($names -join ', ') (in any case).*"
    }

    It 'binds -Target, -RateLimitAction and the image format as enums, not as text' {
        (Get-Command ConvertTo-ProfileImage).Parameters['Target'].ParameterType | Should -Be ([ProfileMedia.ImageTarget])
        (Get-Command Connect-ProfileMedia).Parameters['RateLimitAction'].ParameterType | Should -Be ([ProfileMedia.Core.Api.RateLimitAction])
        [ProfileMedia.PreparedImage].GetProperty('Format').PropertyType | Should -Be ([ProfileMedia.Core.Images.ImageFormat])
    }
}

Describe 'ConvertTo-ProfileImage -Target' {
    It 'prepares <Target> as <Width>x<Height> however -Target is cased' -TestCases @(
        @{ Target = 'Avatar'; Width = 400; Height = 400 }
        @{ Target = 'Banner'; Width = 1500; Height = 500 }
    ) {
        foreach ($given in Get-Casing $Target) {
            $result = ConvertTo-ProfileImage -Path $photo.FullName -Destination (New-Destination).FullName -Target $given
            ($result.Width, $result.Height) | Should -Be @($Width, $Height) -Because "-Target $given"
            (Get-PictureHeaderSize $result.Path).Width | Should -Be $Width -Because "-Target $given"
            $result.Target | Should -Be $Target
            Split-Path -Leaf $result.Path | Should -BeExactly "photo.$($Target.ToLowerInvariant()).jpg"
        }
    }
}

Describe 'Get-ProfileImageVariant -Size' {
    It 'gives each size, named as Core names it, however -Size is cased' {
        foreach ($size in $imageSizes) {
            foreach ($given in Get-Casing $size) {
                $variant = Get-ProfileImageVariant -Url $imageUrl -Size $given
                $variant.Size | Should -BeExactly $size -Because "-Size $given"
                $expected = if ($size -eq 'original') { 'photo.jpg' } else { "photo_$size.jpg" }
                $variant.Url | Should -BeExactly "https://pbs.twimg.com/profile_images/1/$expected"
            }
        }
    }
}

Describe 'Get-ProfileBanner -Size' {
    It 'gives each size, named as Core names it, however -Size is cased' {
        foreach ($size in $bannerSizes) {
            foreach ($given in Get-Casing $size) {
                $variant = Get-ProfileBanner -Url $bannerUrl -Size $given
                $variant.Name | Should -BeExactly $size -Because "-Size $given"
                $variant.Url | Should -BeExactly "$bannerUrl/$size"
            }
        }
    }

    It 'looks banners up through the API -ReadApiVersion names' {
        Set-EmulatorAccessLevel $emulator enterprise
        $null = Connect-EmulatorAccount $emulator
        try {
            foreach ($version in $readApis) {
                Clear-EmulatorRequest $emulator
                $variant = Get-ProfileBanner -ScreenName Twitter -Size web -ReadApiVersion $version
                $variant.Url | Should -BeLike '*/web'
                $path = @(Get-EmulatorRequest $emulator).pathAndQuery
                $path | Should -BeLike $(if ($version -eq '1.1') { '/1.1/users/profile_banner.json*' } else { '/2/users/by*' }) -Because "-ReadApiVersion $version"
            }
        }
        finally { Reset-Emulator $emulator }
    }
}

Describe 'Save-ProfileMedia -ImageSize / -BannerSize' {
    BeforeAll {
        $null = Connect-EmulatorAccount $emulator
        $user = Get-ProfileUser EmulatedUser
    }

    It 'saves each image size under Core''s name, however it is cased' {
        foreach ($casing in 0..2) {
            $given = foreach ($size in $imageSizes) { @(Get-Casing $size)[[Math]::Min($casing, @(Get-Casing $size).Count - 1)] }
            $files = $user | Save-ProfileMedia -Destination (New-Destination).FullName -ImageSize $given -BannerSize @()
            @($files.SavedSize) | Sort-Object | Should -BeExactly ($imageSizes | Sort-Object) -Because "-ImageSize $($given -join ',')"
        }
    }

    It 'saves each banner size under Core''s name, however it is cased' {
        foreach ($casing in 0..2) {
            $given = foreach ($size in $bannerSizes) { @(Get-Casing $size)[[Math]::Min($casing, @(Get-Casing $size).Count - 1)] }
            $files = $user | Save-ProfileMedia -Destination (New-Destination).FullName -ImageSize @() -BannerSize $given
            @($files.SavedSize) | Sort-Object | Should -BeExactly ($bannerSizes | Sort-Object) -Because "-BannerSize $($given -join ',')"
            foreach ($file in $files) { $file.Name | Should -BeLikeExactly "*$($file.SavedSize)*" }
        }
    }
}

Describe '-RateLimitAction and -ReadApiVersion on a connection' {
    It 'takes -RateLimitAction <Action> in any case' -TestCases @(@{ Action = 'Wait' }, @{ Action = 'Fail' }) {
        foreach ($given in Get-Casing $Action) {
            $connection = Connect-EmulatorAccount $emulator -Options @{ RateLimitAction = $given }
            $connection.RateLimitAction | Should -Be $Action
        }
    }

    It 'reads through the API -ReadApiVersion names' {
        Set-EmulatorAccessLevel $emulator enterprise
        try {
            foreach ($version in $readApis) {
                $connection = Connect-EmulatorAccount $emulator -Options @{ ReadApiVersion = $version }
                $connection.ReadApiVersion | Should -Be $version
                Clear-EmulatorRequest $emulator
                $null = Get-ProfileUser EmulatedUser
                @(Get-EmulatorRequest $emulator).pathAndQuery | Should -BeLike $(if ($version -eq '1.1') { '/1.1/users/lookup.json*' } else { '/2/users/by*' })
            }
        }
        finally { Reset-Emulator $emulator }
    }
}

Describe 'Tab completion of the size parameters' {
    It 'completes <Command> -<Parameter> <Typed> with Core''s names and their dimensions' -TestCases @(
        @{ Command = 'Get-ProfileImageVariant'; Parameter = 'Size'; Typed = '4'; Expected = @('400x400'); Tip = '*400x400 pixels*' }
        @{ Command = 'Get-ProfileImageVariant'; Parameter = 'Size'; Typed = 'ORIG'; Expected = @('original'); Tip = '*as it was uploaded*' }
        @{ Command = 'Save-ProfileMedia -Destination x'; Parameter = 'ImageSize'; Typed = 'b'; Expected = @('bigger'); Tip = '*73x73 pixels*' }
        @{ Command = 'Get-ProfileBanner'; Parameter = 'Size'; Typed = 'WEB'; Expected = @('web', 'web_retina'); Tip = '*520x260 pixels*' }
        @{ Command = 'Save-ProfileMedia -Destination x'; Parameter = 'BannerSize'; Typed = "'mobile_"; Expected = @('mobile_retina'); Tip = '*640x320 pixels*' }
    ) {
        $line = "$Command -$Parameter $Typed"
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        @($matches.CompletionText) | Should -Be $Expected
        $matches[0].ToolTip | Should -BeLike $Tip
    }

    It 'offers every size Core knows when nothing is typed' {
        $line = 'Get-ProfileBanner -Size '
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Sort-Object | Should -Be ($bannerSizes | Sort-Object)
    }
}
