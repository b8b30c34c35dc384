<#
.SYNOPSIS
    A tour of ProfileMedia, run by `build.ps1 Demo` in a fresh pwsh against the module built into out/.
#>
param(
    # Plain text, no colour escape sequences: the default when this script's output is redirected; build.ps1 passes
    # it when its own output is (the demo's output always reaches build.ps1 through a pipe).
    [switch] $PlainText = [Console]::IsOutputRedirected
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
if ($PlainText) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $env:PROFILEMEDIA_MODULE -Force

# The module's views fit 80 columns, which cuts long URLs; the demo prints wider so the size markers show.
function Show-Table { $input | Format-Table -AutoSize | Out-String -Width 200 | Write-Host }

function Write-Line([string] $Text, [ConsoleColor] $Color) {
    if ($PlainText) { Write-Host $Text } else { Write-Host $Text -ForegroundColor $Color }
}

# Every command whose output follows is printed first: a step that runs several prints each of them.
function Show-Command([string] $Command) { Write-Line "PS> $Command" DarkGray }

function Show-Step([string] $Title, [string[]] $Command) {
    Write-Host ''
    Write-Line "## $Title" Cyan
    foreach ($line in $Command) { Show-Command $line }
}

function Show-Problem($Problem) { Write-Line "error $($Problem.FullyQualifiedErrorId): $($Problem.Exception.Message)" Yellow }

# The project's own users/show answer, written by hand in the documented shape (tests/data/README.md).
$userJson = Join-Path $root 'tests/data/users-show.json'

Show-Step 'Every size of a profile image, from a user object' "Get-Content tests/data/users-show.json -Raw | ConvertFrom-Json | Get-ProfileImageVariant"
Get-Content -LiteralPath $userJson -Raw | ConvertFrom-Json | Get-ProfileImageVariant | Show-Table

Show-Step 'Just the 400x400 image, as https, from the plain http URL' @(
    '$user = Get-Content tests/data/users-show.json -Raw | ConvertFrom-Json'
    'Get-ProfileImageVariant $user.profile_image_url -Size 400x400 -Https')
$user = Get-Content -LiteralPath $userJson -Raw | ConvertFrom-Json
Get-ProfileImageVariant $user.profile_image_url -Size 400x400 -Https | Show-Table

Show-Step 'A default image follows the same rule' "Get-ProfileImageVariant https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png -Size bigger, original | Format-Table Size, IsDefaultImage, Url"
Get-ProfileImageVariant 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' -Size bigger, original |
    Format-Table Size, IsDefaultImage, Url | Out-Host

Show-Step 'Every size of the banner, from the same user object' "`$user | Get-ProfileBanner"
$user | Get-ProfileBanner | Show-Table

Show-Step 'Bad input is reported and the pipeline goes on' "'not a url', `$user.profile_image_url_https | Get-ProfileImageVariant -Size mini"
'not a url', $user.profile_image_url_https | Get-ProfileImageVariant -Size mini -ErrorAction Continue -ErrorVariable problems 2>$null | Show-Table
foreach ($problem in $problems) { Show-Problem $problem }

# --- The API half, against the loopback emulator ------------------------------------------------------------------
. (Join-Path $PSScriptRoot 'Emulator.ps1')
Show-Step 'Start the loopback X API emulator (tools/Emulator.ps1 runs the built emulator the same way)' 'dotnet run --project src/ProfileMedia.Emulator -- --port 0'
$emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 1000
try {
    # The emulator's app is on pay-per-use, the access level X gives new apps: v2 reads work, v1.1 user reads answer 453.
    Write-Host "Emulator at $($emulator.RootUri) (access level pay-per-use) with accounts: $($emulator.Accounts.screenName -join ', ')"

    Show-Step 'Read-only: connect with the app''s Bearer token from the developer console' 'Connect-ProfileMedia -ApiBaseUri $rootUri -BearerToken $token -PassThru'
    Connect-EmulatorBearer $emulator | Format-List BaseUri, Credentials, ReadApiVersion | Out-Host

    Show-Step 'Look users up through the X API v2: one request for the batch, -Verbose shows what it cost' "'EmulatedUser', 'DefaultUser', 'twitter' | Get-ProfileUser -Verbose"
    'EmulatedUser', 'DefaultUser', 'twitter' | Get-ProfileUser -Verbose 4>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.VerboseRecord]) { if ($_.Message -like '*users returned*') { Write-Host "VERBOSE: $($_.Message)" -ForegroundColor DarkGray } } else { $_ }
    } | Show-Table

    Show-Step 'A Bearer token cannot upload: the cmdlet says which credentials it needs, and sends nothing' 'Remove-ProfileBanner -Confirm:$false'
    try { Remove-ProfileBanner -Confirm:$false } catch { Show-Problem $_ }

    Show-Step 'Connect as a seeded account with OAuth 1.0a user context, for uploads (secrets as SecureString; never printed)' 'Connect-ProfileMedia -ApiBaseUri $rootUri -ConsumerKey ... -PassThru'
    $connection = Connect-EmulatorAccount $emulator
    $connection | Format-List | Out-Host

    Show-Step 'The connected account itself (/2/users/me)' 'Get-ProfileUser'
    Get-ProfileUser | Show-Table

    Show-Step 'A user pipes straight into the variant cmdlets' 'Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size bigger, 400x400'
    Get-ProfileUser EmulatedUser | Get-ProfileImageVariant -Size bigger, 400x400 | Show-Table

    Show-Step 'Banner sizes of a looked-up user, from its profile_banner_url' 'Get-ProfileBanner -ScreenName EmulatedUser'
    Get-ProfileBanner -ScreenName EmulatedUser | Show-Table

    $work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "profilemedia-demo-$([guid]::NewGuid().ToString('N'))")
    $avatar = New-TestImageFile -Path (Join-Path $work 'avatar.png') -Bytes 20000
    Show-Step 'Upload a new profile image and wait until the connected account shows it' "Set-ProfileImage -Path $($avatar.Name) -Wait"
    Set-ProfileImage -Path $avatar.FullName -Wait | Show-Table

    Show-Step 'Upload a banner, cropped to a region (it outputs nothing)' "Set-ProfileBanner -Path banner.png -Width 1 -Height 1 -OffsetLeft 0 -OffsetTop 0"
    $banner = New-TestImageFile -Path (Join-Path $work 'banner.png') -Bytes 200000
    Set-ProfileBanner -Path $banner.FullName -Width 1 -Height 1 -OffsetLeft 0 -OffsetTop 0
    Show-Step 'The new banner, through the API' 'Get-ProfileBanner -ScreenName EmulatedUser -Size 1500x500, mobile'
    Get-ProfileBanner -ScreenName EmulatedUser -Size 1500x500, mobile | Show-Table

    # A photo as a camera gives it: far larger than the 400x400 X shows, and not square.
    . (Join-Path $root 'tests/TestPictures.ps1')
    $photo = New-TestPicture -Path (Join-Path $work 'photo.png') -Width 3000 -Height 2000
    $prepared = New-Item -ItemType Directory -Path (Join-Path $work 'prepared')
    Show-Step 'Fit any photo for upload: the plan, then the file (cropped, scaled down, metadata dropped, under the limit)' @(
        'ConvertTo-ProfileImage -Path photo.png -Target Avatar -Destination ./prepared -WhatIf'
        'ConvertTo-ProfileImage -Path photo.png -Target Avatar -Destination ./prepared | Format-Table SourceWidth, SourceHeight, Crop, Width, Height, Format, Quality, Length')
    ConvertTo-ProfileImage -Path $photo.FullName -Target Avatar -Destination $prepared.FullName -WhatIf
    ConvertTo-ProfileImage -Path $photo.FullName -Target Avatar -Destination $prepared.FullName | Format-Table SourceWidth, SourceHeight, Crop, Width, Height, Format, Quality, Length | Out-Host
    Show-Step 'Or fit it in memory and upload it in one step (it outputs nothing)' 'Set-ProfileBanner -Path photo.png -Fit'
    Set-ProfileBanner -Path $photo.FullName -Fit

    Show-Step 'Save every image size and banner size of a user, in parallel, atomically' @(
        '$saved = @(Get-ProfileUser EmulatedUser | Get-ProfileImageVariant | Save-ProfileMedia -Destination ./media)'
        '$saved += Get-ProfileBanner -ScreenName EmulatedUser | Save-ProfileMedia -Destination ./media'
        '$saved | Sort-Object Name | Format-Table Name, Length, SavedSize')
    $media = Join-Path $work 'media'
    $saved = @(Get-ProfileUser EmulatedUser | Get-ProfileImageVariant | Save-ProfileMedia -Destination $media)
    $saved += Get-ProfileBanner -ScreenName EmulatedUser | Save-ProfileMedia -Destination $media
    $saved | Sort-Object Name | Format-Table Name, Length, SavedSize | Out-Host

    Show-Step 'Errors say what to do, and the pipeline goes on' "'no_such_user', 'SuspendedUser', 'DefaultUser' | Get-ProfileUser"
    'no_such_user', 'SuspendedUser', 'DefaultUser' | Get-ProfileUser -ErrorAction SilentlyContinue -ErrorVariable problems | Show-Table
    foreach ($problem in $problems) { Show-Problem $problem }

    Show-Step 'The v1.1 reads are not in pay-per-use: the error names the endpoint and the way that works' 'Get-ProfileUser DefaultUser -ReadApiVersion 1.1'
    Get-ProfileUser DefaultUser -ReadApiVersion 1.1 -ErrorAction SilentlyContinue -ErrorVariable problems
    foreach ($problem in $problems) { Show-Problem $problem }

    Show-Step 'Authorize another account for the app (PIN-based OAuth); on the emulator a control call plays its owner' `
        'Request-ProfileMediaAuthorization -NoBrowser | Complete-ProfileMediaAuthorization -Pin <PIN> | Connect-ProfileMedia -PassThru'
    $app = Get-EmulatorAccount $emulator
    $other = Request-ProfileMediaAuthorization -ApiBaseUri $emulator.BaseUri -ConsumerKey $app.consumerKey -ConsumerSecret (ConvertTo-SecureString $app.consumerSecret -AsPlainText -Force) -NoBrowser |
        Complete-ProfileMediaAuthorization -Pin { Approve-EmulatorAuthorization $emulator $_.RequestToken DefaultUser } |
        Connect-ProfileMedia -PassThru
    Get-ProfileUser DefaultUser -Connection $other | Show-Table
    Disconnect-ProfileMedia -Connection $other
    $connection = Connect-EmulatorAccount $emulator

    Show-Step 'Watch two accounts'' images and banners through the X Activity API (app-only; $0.005 per change X reports)' `
        'Register-ProfileMediaWatch EmulatedUser, Twitter -Verbose'
    $null = Connect-EmulatorBearer $emulator
    Register-ProfileMediaWatch EmulatedUser, Twitter -Verbose 4>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { Write-Line "VERBOSE: $($_.Message)" DarkYellow } else { $_ } } | Show-Table
    $history = Join-Path ([IO.Path]::GetTempPath()) ('pm-demo-history-' + [guid]::NewGuid().ToString('N'))
    Show-Step 'In another console: watch, keeping every new picture in an archive' "Watch-ProfileMedia -Archive $history -ImageSize 400x400, original"
    # The watcher runs in a runspace of its own, as another console would; the upload below comes from the user's connection.
    $watcher = [powershell]::Create()
    $null = $watcher.AddScript('param($Manifest, $Root, $Token, $History) Import-Module $Manifest
        $null = Connect-ProfileMedia -ApiBaseUri $Root -BearerToken (ConvertTo-SecureString $Token -AsPlainText -Force)
        Watch-ProfileMedia -Count 1 -Archive $History -ImageSize 400x400, original').AddArgument($env:PROFILEMEDIA_MODULE).AddArgument($emulator.RootUri).AddArgument($emulator.BearerToken).AddArgument($history)
    $watching = $watcher.BeginInvoke()
    $until = [DateTime]::UtcNow.AddSeconds(30)
    while ((Invoke-RestMethod ([uri]::new($emulator.ControlUri, 'activity/streams'))).open -lt 1 -and [DateTime]::UtcNow -lt $until) { $null = $watching.AsyncWaitHandle.WaitOne(50) }
    Show-Step 'Meanwhile, from the account''s own connection: a new avatar' "Set-ProfileImage -Path $($avatar.Name) -Connection `$user"
    $user = Connect-EmulatorAccount $emulator
    $null = Set-ProfileImage -LiteralPath $avatar.FullName -Connection $user
    $null = $watching.AsyncWaitHandle.WaitOne(30000)
    Show-Command '# the watcher wrote the change as it arrived, with both URLs, and archived the new image'
    $watcher.EndInvoke($watching) | Format-List ScreenName, UserId, Kind, ReceivedAt, OldUrl, NewUrl, ArchivedFiles | Out-String -Width 200 | Write-Host
    $watcher.Dispose()
    Show-Command "Get-Content $history/1000001/changes.jsonl"
    Get-Content -LiteralPath (Join-Path $history '1000001/changes.jsonl') | Write-Host
    Show-Step 'Stop watching: one bulk request' 'Get-ProfileMediaWatch | Unregister-ProfileMediaWatch -Confirm:$false -Verbose'
    $null = Connect-EmulatorBearer $emulator
    Get-ProfileMediaWatch | Unregister-ProfileMediaWatch -Confirm:$false -Verbose 4>&1 | ForEach-Object { Write-Line "VERBOSE: $($_.Message)" DarkYellow }
    Remove-Item -LiteralPath $history -Recurse -Force
    $connection = Connect-EmulatorAccount $emulator

    Show-Step 'Remove the banner (high impact: -Confirm:$false to skip the prompt)' 'Remove-ProfileBanner -Confirm:$false'
    Remove-ProfileBanner -Confirm:$false
    Show-Command '(Get-ProfileUser EmulatedUser).ProfileBannerUrl    # empty now'
    Write-Host "'$((Get-ProfileUser EmulatedUser).ProfileBannerUrl)'"
    Remove-Item -LiteralPath $work -Recurse -Force

    Show-Step 'Disconnect: the session forgets the connection and its credentials' @('Disconnect-ProfileMedia', '$connection.IsClosed')
    Disconnect-ProfileMedia
    Write-Host $connection.IsClosed
}
finally {
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
}
