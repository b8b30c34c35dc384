# Windows PowerShell 5.1 and the module's net472 build: run by `build.ps1 Test -PesterHost powershell` (the CI
# workflow's 5.1 leg), never by pwsh (tools/RunPester.ps1 filters on the tag). Written for 5.1: no PowerShell 7 syntax
# and no common.ps1 (its helpers assume PowerShell 7).

BeforeAll {
    $manifest = $env:PROFILEMEDIA_MODULE
    if (-not $manifest) {
        $version = (Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1").ModuleVersion
        $manifest = Join-Path $PSScriptRoot "../out/ProfileMedia/$version/ProfileMedia.psd1"
    }
    Import-Module $manifest -Force
    $folder = (Resolve-Path -LiteralPath (Split-Path $manifest)).ProviderPath
}

Describe 'The module in Windows PowerShell 5.1' -Tag WindowsPowerShell {
    It 'loads the net472 build and exports every cmdlet its manifest lists' {
        (Get-Command Get-ProfileImageVariant).ImplementingType.Assembly.Location | Should -Be (Join-Path $folder 'bin\net472\ProfileMedia.dll')
        $source = Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1"
        @(Get-Command -Module ProfileMedia).Count | Should -Be @($source.CmdletsToExport).Count
    }

    It 'computes every size of an image URL' {
        (Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.jpg' -Size bigger).Url | Should -Be 'https://pbs.twimg.com/profile_images/1/x_bigger.jpg'
    }

    It 'refuses to prepare a picture with ImageFittingNotSupported, naming PowerShell 7.4' {
        $picture = Join-Path $TestDrive 'photo.png'
        [IO.File]::WriteAllBytes($picture, [byte[]] (0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        ConvertTo-ProfileImage $picture -Destination $TestDrive -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ImageFittingNotSupported,*'
        $problems[0].Exception.Message | Should -BeLike '*PowerShell 7.4*'
    }

    It 'has its help' {
        (Get-Help Save-ProfileMedia).Synopsis | Should -Not -BeNullOrEmpty
        (Get-Help Save-ProfileMedia).Synopsis | Should -Not -BeLike 'Save-ProfileMedia *[<]*'
    }
}
