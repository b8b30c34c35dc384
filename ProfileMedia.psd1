@{
    RootModule           = 'ProfileMedia.dll'
    ModuleVersion        = '0.2.0'
    CompatiblePSEditions = @('Core', 'Desktop')
    GUID                 = '5f0d7c1e-3b8a-4f57-9a43-2f7e1c6d8b90'
    Author               = 'ProfileMedia contributors'
    CompanyName          = 'ProfileMedia'
    Copyright            = '(c) ProfileMedia contributors. MIT License.'
    Description          = 'Script X (Twitter) profile images and banners: every size of an avatar or banner from its URL, downloads, and OAuth 1.0a uploads.'
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('ProfileMedia.Format.ps1xml')
    TypesToProcess       = @('ProfileMedia.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-ProfileMedia'
        'Disconnect-ProfileMedia'
        'Request-ProfileMediaAuthorization'
        'Complete-ProfileMediaAuthorization'
        'Get-ProfileImageVariant'
        'Get-ProfileBanner'
        'Get-ProfileUser'
        'Set-ProfileImage'
        'Set-ProfileBanner'
        'Remove-ProfileBanner'
        'Save-ProfileMedia'
        'ConvertTo-ProfileImage'
        'Register-ProfileMediaWatch'
        'Get-ProfileMediaWatch'
        'Unregister-ProfileMediaWatch'
        'Watch-ProfileMedia'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Twitter', 'X', 'ProfileImage', 'Avatar', 'Banner', 'OAuth', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/profilemedia/ProfileMedia/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/profilemedia/ProfileMedia'
            ReleaseNotes = @'
0.2.0 - the X API as it is in 2026 (the full history is in CHANGELOG.md):
- Reads through X API v2 by default, 100 users per request, with app-only Bearer tokens (-BearerToken, PROFILEMEDIA_BEARER_TOKEN, -RequestBearerToken); -ReadApiVersion 1.1 as an opt-in; -ApiBaseUri is the host root.
- An error id and advice for each v2 problem (ClientNotEnrolled, UsageCapped, CreditsDepleted, ...); writes on a Bearer-only connection refused before any request.
- Request-ProfileMediaAuthorization / Complete-ProfileMediaAuthorization: the PIN-based OAuth 1.0a flow for managing other accounts.
- ConvertTo-ProfileImage and -Fit on Set-ProfileImage / Set-ProfileBanner: any photo oriented, cropped, scaled, stripped of metadata and fitted under the limits (SkiaSharp, in the module's own AssemblyLoadContext; PowerShell 7.2+).
- Hostile-use fixes: Save-ProfileMedia's destination resolved once, clean stops however the pipeline ends, complete images only, safe redirects; images with data after their end marker accepted; clearer, escaped messages.

0.1.0 - first release (the full history is in CHANGELOG.md):
- Get-ProfileImageVariant and Get-ProfileBanner: every size of a profile image or banner from its URL, offline.
- Connect-ProfileMedia / Disconnect-ProfileMedia: OAuth 1.0a user context, credentials from parameters or PROFILEMEDIA_* variables.
- Get-ProfileUser; Set-ProfileImage, Set-ProfileBanner, Remove-ProfileBanner with -WhatIf/-Confirm.
- Save-ProfileMedia: parallel, atomic downloads that refresh outdated URLs.
- Rate limits: fail at once or wait; transient faults retried with backoff.
'@
        }
    }
}
