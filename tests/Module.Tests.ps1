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
        $files = Get-ChildItem -LiteralPath (Split-Path $ModuleManifest) -Recurse -File
        $files.Name | Where-Object { $_ -like '*.dll' } | Sort-Object | Should -Be @('ProfileMedia.Core.dll', 'ProfileMedia.dll')
        $files.Name | Should -Not -Contain 'System.Management.Automation.dll'
    }
}
