@{
    RootModule           = 'ProfileMedia.dll'
    ModuleVersion        = '0.1.0'
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
Unreleased - X API v2 reads in batches of 100 (v1.1 as an opt-in), app-only Bearer tokens, an error id and advice for each v2 problem.

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
