BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $repository = $env:PROFILEMEDIA_REPOSITORY
    $package = Get-ChildItem -LiteralPath $repository -Filter 'ProfileMedia.*.nupkg' | Select-Object -First 1
    $version = (Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1").ModuleVersion

    # A fresh pwsh whose per-user PowerShell folders (repositories, the CurrentUser module path) live in a temporary
    # folder: the install is tested as a user would do it, without touching this machine's settings or modules.
    . (Join-Path $PSScriptRoot '../tools/IsolatedProfile.ps1')
    $isolated = Join-Path ([IO.Path]::GetTempPath()) "pm-install-$([guid]::NewGuid())"
    function Invoke-Isolated([string] $Command) {
        Invoke-WithIsolatedProfile -HomePath $isolated -ScriptBlock {
            $output = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $Command 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object ToString) }
        }
    }
}

AfterAll {
    Remove-Item -LiteralPath $isolated -Recurse -Force -ErrorAction Ignore
}

Describe 'The package a user installs' {
    It 'is the nupkg of this version, holding only the module''s files' {
        $package.Name | Should -Be "ProfileMedia.$version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try { $entries = $zip.Entries.FullName | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|ProfileMedia\.nuspec$)' } | Sort-Object }
        finally { $zip.Dispose() }
        $shipped = Get-ChildItem -LiteralPath (Split-Path $ModuleManifest) -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath((Split-Path $ModuleManifest), $_.FullName).Replace('\', '/') } | Sort-Object
        $entries | Should -Be $shipped
        # Both builds of the module, and the image library's native code for every platform the module supports, and no other.
        $entries | Where-Object { $_ -like 'bin/net8.0/imaging/runtimes/*' } | Should -Be @('bin/net8.0/imaging/runtimes/linux-arm64/native/libSkiaSharp.so',
            'bin/net8.0/imaging/runtimes/linux-x64/native/libSkiaSharp.so', 'bin/net8.0/imaging/runtimes/osx/native/libSkiaSharp.dylib',
            'bin/net8.0/imaging/runtimes/win-arm64/native/libSkiaSharp.dll', 'bin/net8.0/imaging/runtimes/win-x64/native/libSkiaSharp.dll')
        $entries | Where-Object { $_ -like '*.dll' -and $_ -notlike '*/runtimes/*' } | Should -Be @('bin/net472/ProfileMedia.Core.dll', 'bin/net472/ProfileMedia.dll',
            'bin/net8.0/imaging/ProfileMedia.Imaging.dll', 'bin/net8.0/imaging/SkiaSharp.dll', 'bin/net8.0/ProfileMedia.Core.dll', 'bin/net8.0/ProfileMedia.dll')
    }

    It 'installs with Install-PSResource, imports by name in a fresh pwsh and works' {
        $install = Invoke-Isolated "`$ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name ProfileMediaTest -Uri '$repository' -Trusted
            Install-PSResource ProfileMedia -Repository ProfileMediaTest -Scope CurrentUser -TrustRepository -Quiet
            'installed'"
        $install.Output | Should -Contain 'installed'

        $use = Invoke-Isolated "`$ErrorActionPreference = 'Stop'
            Import-Module ProfileMedia
            (Get-Module ProfileMedia).ModuleBase
            (Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.jpg' -Size bigger).Url
            (Get-Command Get-ProfileImageVariant).ImplementingType.Assembly.Location"
        $use.ExitCode | Should -Be 0
        $use.Output[0] | Should -BeLike "$isolated*ProfileMedia*$version"
        $use.Output[1] | Should -Be 'https://pbs.twimg.com/profile_images/1/x_bigger.jpg'
        $use.Output[2] | Should -Be (Join-Path $use.Output[0] 'bin/net8.0/ProfileMedia.dll') -Because 'PowerShell 7 loads the net8.0 build'
    }

    It 'loads by itself when one of its cmdlets is first used, with no Import-Module (installed by the test above)' {
        # The root module is a script that picks a build: command discovery must still find the cmdlets in the manifest.
        $use = Invoke-Isolated "`$ErrorActionPreference = 'Stop'
            (Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.jpg' -Size bigger).Url
            (Get-Command Get-ProfileBanner).ImplementingType.Assembly.Location"
        $use.ExitCode | Should -Be 0
        $use.Output[0] | Should -Be 'https://pbs.twimg.com/profile_images/1/x_bigger.jpg'
        $use.Output[1] | Should -BeLike "$isolated*ProfileMedia*$version*bin*net8.0*ProfileMedia.dll"
    }
}
