BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'The built module' {
    It 'has a manifest that passes Test-ModuleManifest with its version from the one source' {
        $manifest = Test-ModuleManifest -Path $ModuleManifest
        $source = Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1"
        $manifest.Version.ToString() | Should -Be $source.ModuleVersion
        (Get-Item (Join-Path (Split-Path $ModuleManifest) 'ProfileMedia.dll')).VersionInfo.FileVersion | Should -BeLike "$($source.ModuleVersion)*"
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $source = Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1"
        (Get-Command -Module ProfileMedia).Name | Sort-Object | Should -Be ($source.CmdletsToExport | Sort-Object)
    }

    It 'ships only the files it needs and none of PowerShell''s own assemblies' {
        $folder = (Resolve-Path -LiteralPath (Split-Path $ModuleManifest)).ProviderPath
        $files = Get-ChildItem -LiteralPath $folder -Recurse -File
        $relative = $files | ForEach-Object { [IO.Path]::GetRelativePath($folder, $_.FullName).Replace('\', '/') }
        $relative | Where-Object { $_ -like '*.dll' -and $_ -notlike 'imaging/*' } | Sort-Object | Should -Be @('ProfileMedia.Core.dll', 'ProfileMedia.dll')
        # The image library, loaded only in the module's own context: its assembly, SkiaSharp, and one native library per platform.
        $relative | Where-Object { $_ -like 'imaging/*' } | Sort-Object | Should -Be @('imaging/ProfileMedia.Imaging.dll',
            'imaging/runtimes/linux-arm64/native/libSkiaSharp.so', 'imaging/runtimes/linux-x64/native/libSkiaSharp.so', 'imaging/runtimes/osx/native/libSkiaSharp.dylib',
            'imaging/runtimes/win-arm64/native/libSkiaSharp.dll', 'imaging/runtimes/win-x64/native/libSkiaSharp.dll', 'imaging/SkiaSharp.dll')
        $files.Name | Should -Not -Contain 'System.Management.Automation.dll'
    }
}

Describe 'Format views' {
    It 'shows a user as a table that fits 80 columns, and every URL in its list view' {
        $user = [ProfileMedia.ProfileUser]::new('783214', 'Twitter', 'Twitter', 'http://pbs.twimg.com/profile_images/1/a_normal.jpg', 'https://pbs.twimg.com/profile_images/1/a_normal.jpg', 'https://pbs.twimg.com/profile_banners/783214/1611950530', $false)
        $table = ($user | Out-String -Width 80) -split "`n" | Where-Object { $_ -match '\S' }
        $table[0] | Should -Match '^ScreenName\s+UserId\s+Image\s+Banner\s+Name'
        $table[2] | Should -Match '^Twitter\s+783214\s+uploaded\s+yes\s+Twitter'
        $table | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $list = $user | Format-List | Out-String -Width 200
        $list | Should -Match 'ProfileBannerUrl\s+: https://pbs.twimg.com/profile_banners/783214/1611950530'
    }

    It 'has a default view for every type a cmdlet says it outputs, so none prints as a wall of properties' {
        $outputTypes = @(Get-Command -Module ProfileMedia | ForEach-Object { $_.OutputType.Type } |
            Where-Object { $_ -and $_.Namespace -eq 'ProfileMedia' } | Select-Object -Unique)
        $outputTypes.Count | Should -BeGreaterThan 5
        foreach ($type in $outputTypes) {
            Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) is output by a cmdlet"
        }
    }
}
