BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'The built module' {
    It 'has a manifest that passes Test-ModuleManifest with its version from the one source' {
        $manifest = Test-ModuleManifest -Path $ModuleManifest
        $source = Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1"
        $manifest.Version.ToString() | Should -Be $source.ModuleVersion
        foreach ($framework in 'net8.0', 'net472') {
            (Get-Item (Join-Path (Split-Path $ModuleManifest) "bin/$framework/ProfileMedia.dll")).VersionInfo.FileVersion | Should -BeLike "$($source.ModuleVersion)*"
        }
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $source = Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1"
        (Get-Command -Module ProfileMedia).Name | Sort-Object | Should -Be ($source.CmdletsToExport | Sort-Object)
    }

    It 'ships both builds, the image library for PowerShell 7, and no other file, none of PowerShell''s own assemblies among them' {
        $folder = (Resolve-Path -LiteralPath (Split-Path $ModuleManifest)).ProviderPath
        $files = Get-ChildItem -LiteralPath $folder -Recurse -File
        $relative = $files | ForEach-Object { [IO.Path]::GetRelativePath($folder, $_.FullName).Replace('\', '/') } | Sort-Object
        $relative | Should -Be @(
            'bin/net472/ProfileMedia.Core.dll', 'bin/net472/ProfileMedia.dll', 'bin/net8.0/imaging/ProfileMedia.Imaging.dll',
            'bin/net8.0/imaging/runtimes/linux-arm64/native/libSkiaSharp.so', 'bin/net8.0/imaging/runtimes/linux-x64/native/libSkiaSharp.so',
            'bin/net8.0/imaging/runtimes/osx/native/libSkiaSharp.dylib', 'bin/net8.0/imaging/runtimes/win-arm64/native/libSkiaSharp.dll',
            'bin/net8.0/imaging/runtimes/win-x64/native/libSkiaSharp.dll', 'bin/net8.0/imaging/SkiaSharp.dll',
            'bin/net8.0/ProfileMedia.Core.dll', 'bin/net8.0/ProfileMedia.dll', 'en-US/about_ProfileMedia.help.txt', 'en-US/ProfileMedia.dll-Help.xml',
            'ProfileMedia.Format.ps1xml', 'ProfileMedia.psd1', 'ProfileMedia.psm1', 'ProfileMedia.Types.ps1xml')
        $files.Name | Should -Not -Contain 'System.Management.Automation.dll'
    }

    It 'builds the Windows PowerShell 5.1 assemblies against .NET Framework and the PowerShell 7 ones against .NET' {
        $folder = Split-Path $ModuleManifest
        foreach ($build in @{ Framework = 'net472'; Core = 'mscorlib'; Other = 'System.Runtime' }, @{ Framework = 'net8.0'; Core = 'System.Runtime'; Other = 'mscorlib' }) {
            foreach ($assembly in 'ProfileMedia.dll', 'ProfileMedia.Core.dll') {
                # Read from the file's metadata, never loaded: a .NET Framework assembly has no place in pwsh.
                $pe = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead((Join-Path $folder "bin/$($build.Framework)/$assembly")))
                try {
                    $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                    $references = @($reader.AssemblyReferences | ForEach-Object { $reader.GetString($reader.GetAssemblyReference($_).Name) })
                }
                finally { $pe.Dispose() }
                $references | Should -Contain $build.Core -Because "bin/$($build.Framework)/$assembly is built for that framework"
                $references | Should -Not -Contain $build.Other
            }
        }
    }

    It 'loads the net8.0 build into PowerShell 7' {
        $folder = (Resolve-Path -LiteralPath (Split-Path $ModuleManifest)).ProviderPath
        (Get-Command Get-ProfileImageVariant).ImplementingType.Assembly.Location | Should -Be (Join-Path $folder 'bin/net8.0/ProfileMedia.dll')
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ProfileMedia.Core' }
        $core.Location | Should -Be (Join-Path $folder 'bin/net8.0/ProfileMedia.Core.dll')
    }

    It 'unhooks SIGTERM and SIGHUP when it is removed, and hooks them again at the next download after a new import' {
        # In a fresh pwsh: removing the module in this one would unload it from every test that follows.
        $state = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command "
            `$ErrorActionPreference = 'Stop'
            Import-Module '$($ModuleManifest.Replace("'", "''"))'
            `$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'ProfileMedia.Core' }
            `$signals = `$core.GetType('ProfileMedia.Core.Downloads.TerminationSignals').GetProperty('IsWatching', [Reflection.BindingFlags] 'Static, Public, NonPublic')
            `$partial = `$core.GetType('ProfileMedia.Core.Downloads.PartialFiles')
            function Start-Download { `$partial.GetMethod('Opened').Invoke(`$null, @('/none')); `$partial.GetMethod('Closed').Invoke(`$null, @('/none')) }
            `$signals.GetValue(`$null)
            Start-Download; `$signals.GetValue(`$null)
            Remove-Module ProfileMedia; `$signals.GetValue(`$null)
            Import-Module '$($ModuleManifest.Replace("'", "''"))'; Start-Download; `$signals.GetValue(`$null)"
        $LASTEXITCODE | Should -Be 0
        $state | Should -Be @('False', 'True', 'False', 'True') -Because 'not hooked at import, hooked by a download, unhooked by Remove-Module, hooked again after a new import'
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
