# Dot-sourced by every *.Tests.ps1: imports the module as built into out/, never a copy from the user's module path.
$script:ModuleManifest = $env:PROFILEMEDIA_MODULE
if (-not $script:ModuleManifest) {
    $version = (Import-PowerShellDataFile -LiteralPath "$PSScriptRoot/../ProfileMedia.psd1").ModuleVersion
    $script:ModuleManifest = Join-Path $PSScriptRoot "../out/ProfileMedia/$version/ProfileMedia.psd1"
}
Import-Module $script:ModuleManifest -Force
# The project's hand-written X API bodies (tests/data/README.md); recorded data is never read from here.
$script:FixturesPath = Join-Path $PSScriptRoot 'data'
. (Join-Path $PSScriptRoot '../tools/Emulator.ps1')
