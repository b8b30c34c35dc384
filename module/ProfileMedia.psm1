# Loads the build of ProfileMedia.dll for this PowerShell (the PSToml pattern): Windows PowerShell 5.1 runs on .NET
# Framework and takes bin/net472; PowerShell 7.4 and later run on .NET 8 or newer and take bin/net8.0.
if ($PSEdition -eq 'Core' -and $PSVersionTable.PSVersion -lt [version] '7.4') {
    throw "ProfileMedia needs PowerShell 7.4 or later (7.6 LTS is the supported line), or Windows PowerShell 5.1; this is PowerShell $($PSVersionTable.PSVersion)."
}
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
Import-Module -Name ([IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'ProfileMedia.dll')) -ErrorAction Stop
