# Dot-sourced by every *.Tests.ps1: imports the module as built into out/, never a copy from the user's module path.
$script:ModuleManifest = $env:PROFILEMEDIA_MODULE
if (-not $script:ModuleManifest) {
    $version = (Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1").ModuleVersion
    $script:ModuleManifest = Join-Path $PSScriptRoot "../out/ProfileMedia/$version/ProfileMedia.psd1"
}
Import-Module $script:ModuleManifest -Force
$script:FixturesPath = Join-Path $PSScriptRoot 'fixtures'
. (Join-Path $PSScriptRoot '../tools/Emulator.ps1')
