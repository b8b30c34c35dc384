<#
.SYNOPSIS
    Makes the .nupkg the PowerShell Gallery would receive: Publish-PSResource of the built module to a local file
    repository under out/. Run by `build.ps1 Package` in a fresh pwsh whose per-user data folder points into out/,
    so registering the repository never touches the user's own PSResourceGet settings.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDirectory,
    [Parameter(Mandatory)] [string] $RepositoryPath
)

$ErrorActionPreference = 'Stop'
if (Test-Path -LiteralPath $RepositoryPath) { Remove-Item -LiteralPath $RepositoryPath -Recurse -Force }
New-Item -ItemType Directory -Path $RepositoryPath | Out-Null

Register-PSResourceRepository -Name ProfileMediaLocal -Uri $RepositoryPath -Trusted -Force
Publish-PSResource -Path $ModuleDirectory -Repository ProfileMediaLocal
Get-ChildItem -LiteralPath $RepositoryPath -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
