<#
.SYNOPSIS
    A tour of ProfileMedia, run by `build.ps1 Demo` in a fresh pwsh against the module built into out/.
#>
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module $env:PROFILEMEDIA_MODULE -Force

function Show-Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "## $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor DarkGray
}

# A real recorded users/show answer (a byte-identical copy of ../shared/fixtures/users-show.json, kept in the repository
# so that a fresh clone runs the demo on its own).
$userJson = Join-Path $root 'tests/fixtures/users-show.json'

Show-Step 'Every size of a profile image, from a user object' "Get-Content users-show.json | ConvertFrom-Json | Get-ProfileImageVariant"
Get-Content -LiteralPath $userJson -Raw | ConvertFrom-Json | Get-ProfileImageVariant | Format-Table | Out-Host

Show-Step 'Just the 400x400 image, as https, from the plain http URL' "Get-ProfileImageVariant `$user.profile_image_url -Size 400x400 -Https"
$user = Get-Content -LiteralPath $userJson -Raw | ConvertFrom-Json
Get-ProfileImageVariant $user.profile_image_url -Size 400x400 -Https | Format-Table | Out-Host

Show-Step 'A default image follows the same rule' "Get-ProfileImageVariant https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png -Size bigger, original"
Get-ProfileImageVariant 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' -Size bigger, original |
    Format-Table Size, IsDefaultImage, Url | Out-Host

Show-Step 'Every size of the banner, from the same user object' "`$user | Get-ProfileBanner"
$user | Get-ProfileBanner | Format-Table | Out-Host

Show-Step 'Bad input is reported and the pipeline goes on' "'not a url', `$user.profile_image_url_https | Get-ProfileImageVariant -Size mini"
'not a url', $user.profile_image_url_https | Get-ProfileImageVariant -Size mini -ErrorAction Continue -ErrorVariable problems 2>$null | Format-Table | Out-Host
foreach ($problem in $problems) { Write-Host "error $($problem.FullyQualifiedErrorId): $($problem.Exception.Message)" -ForegroundColor Yellow }
