<#
.SYNOPSIS
    A tour of ProfileMedia, run by `build.ps1 Demo` in a fresh pwsh against the module built into out/.
#>
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module $env:PROFILEMEDIA_MODULE -Force

# The module's views fit 80 columns, which cuts long URLs; the demo prints wider so the size markers show.
function Show-Table { $input | Format-Table -AutoSize | Out-String -Width 200 | Write-Host }

function Show-Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "## $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor DarkGray
}

# The project's own users/show answer, written by hand in the documented shape (tests/data/README.md).
$userJson = Join-Path $root 'tests/data/users-show.json'

Show-Step 'Every size of a profile image, from a user object' "Get-Content users-show.json | ConvertFrom-Json | Get-ProfileImageVariant"
Get-Content -LiteralPath $userJson -Raw | ConvertFrom-Json | Get-ProfileImageVariant | Show-Table

Show-Step 'Just the 400x400 image, as https, from the plain http URL' "Get-ProfileImageVariant `$user.profile_image_url -Size 400x400 -Https"
$user = Get-Content -LiteralPath $userJson -Raw | ConvertFrom-Json
Get-ProfileImageVariant $user.profile_image_url -Size 400x400 -Https | Show-Table

Show-Step 'A default image follows the same rule' "Get-ProfileImageVariant https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png -Size bigger, original"
Get-ProfileImageVariant 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' -Size bigger, original |
    Format-Table Size, IsDefaultImage, Url | Out-Host

Show-Step 'Every size of the banner, from the same user object' "`$user | Get-ProfileBanner"
$user | Get-ProfileBanner | Show-Table

Show-Step 'Bad input is reported and the pipeline goes on' "'not a url', `$user.profile_image_url_https | Get-ProfileImageVariant -Size mini"
'not a url', $user.profile_image_url_https | Get-ProfileImageVariant -Size mini -ErrorAction Continue -ErrorVariable problems 2>$null | Show-Table
foreach ($problem in $problems) { Write-Host "error $($problem.FullyQualifiedErrorId): $($problem.Exception.Message)" -ForegroundColor Yellow }

# --- The API half, against the loopback emulator ------------------------------------------------------------------
. (Join-Path $PSScriptRoot 'Emulator.ps1')
Show-Step 'Start the loopback X API emulator' 'dotnet run --project src/ProfileMedia.Emulator -- --port 0'
$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 1000
try {
    Write-Host "Emulator at $($emulator.BaseUri) with accounts: $($emulator.Accounts.screenName -join ', ')"

    Show-Step 'Connect as a seeded account (secrets as SecureString; they are never printed)' 'Connect-ProfileMedia -ApiBaseUri $baseUri -ConsumerKey ... -PassThru'
    $connection = Connect-EmulatorAccount $emulator
    $connection | Format-List | Out-Host

    Show-Step 'Look users up' "Get-ProfileUser EmulatedUser, DefaultUser"
    Get-ProfileUser EmulatedUser, DefaultUser | Show-Table

    Show-Step 'A user pipes straight into the variant cmdlets' 'Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size bigger, 400x400'
    Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size bigger, 400x400 | Show-Table

    Show-Step 'Banner sizes from the API' 'Get-ProfileBanner -ScreenName EmulatedUser'
    Get-ProfileBanner -ScreenName EmulatedUser | Show-Table

    $work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "profilemedia-demo-$([guid]::NewGuid().ToString('N'))")
    $avatar = New-TestImageFile -Path (Join-Path $work 'avatar.png') -Bytes 20000
    Show-Step 'Upload a new profile image and wait until users/show has it' "Set-ProfileImage -Path $($avatar.Name) -Wait"
    Set-ProfileImage -Path $avatar.FullName -Wait | Show-Table

    Show-Step 'Upload a banner, cropped to a region' "Set-ProfileBanner -Path banner.png -Width 1 -Height 1 -OffsetLeft 0 -OffsetTop 0"
    $banner = New-TestImageFile -Path (Join-Path $work 'banner.png') -Bytes 200000
    Set-ProfileBanner -Path $banner.FullName -Width 1 -Height 1 -OffsetLeft 0 -OffsetTop 0
    Get-ProfileBanner -ScreenName EmulatedUser -Size 1500x500, mobile | Show-Table

    Show-Step 'Save every image size and banner size of a user, in parallel, atomically' "Get-ProfileUser EmulatedUser | Get-ProfileImageVariant | Save-ProfileMedia -Destination ./media"
    $media = Join-Path $work 'media'
    $saved = @(Get-ProfileUser EmulatedUser | Get-ProfileImageVariant | Save-ProfileMedia -Destination $media)
    $saved += Get-ProfileBanner -ScreenName EmulatedUser | Save-ProfileMedia -Destination $media
    $saved | Sort-Object Name | Format-Table Name, Length, SavedSize | Out-Host

    Show-Step 'Errors say what to do, and the pipeline goes on' "'no_such_user', 'DefaultUser' | Get-ProfileUser"
    'no_such_user', 'DefaultUser' | Get-ProfileUser -ErrorAction SilentlyContinue -ErrorVariable problems | Show-Table
    foreach ($problem in $problems) { Write-Host "error $($problem.FullyQualifiedErrorId): $($problem.Exception.Message)" -ForegroundColor Yellow }

    Show-Step 'Remove the banner (high impact: -Confirm:$false to skip the prompt)' 'Remove-ProfileBanner -Confirm:$false'
    Remove-ProfileBanner -Confirm:$false
    Write-Host "Banner URL now: '$((Get-ProfileUser EmulatedUser).ProfileBannerUrl)'"
    Remove-Item -LiteralPath $work -Recurse -Force

    Show-Step 'Disconnect: the session forgets the connection and its credentials' 'Disconnect-ProfileMedia'
    Disconnect-ProfileMedia
    Write-Host "Connection closed: $($connection.IsClosed)"
}
finally {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}
