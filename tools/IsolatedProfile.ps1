<#
.SYNOPSIS
    Runs a script block with the per-user PowerShell folders (PSResourceGet's repository list, the CurrentUser module
    path, NuGet's config) redirected into a folder of our own, so packaging and the install test never change the
    user's settings or modules. Child processes started inside inherit the redirection. Dot-source it.
#>
function Invoke-WithIsolatedProfile {
    param([Parameter(Mandatory)] [string] $HomePath, [Parameter(Mandatory)] [scriptblock] $ScriptBlock)

    # .NET reports no per-user folder (an empty path) until it exists, and NuGet then writes into the working directory.
    $isolated = New-Item -ItemType Directory -Path $HomePath -Force
    $data = New-Item -ItemType Directory -Path (Join-Path $isolated '.local/share') -Force
    $config = New-Item -ItemType Directory -Path (Join-Path $isolated '.config') -Force
    $saved = $env:HOME, $env:XDG_DATA_HOME, $env:LOCALAPPDATA, $env:XDG_CONFIG_HOME, $env:APPDATA, $env:PSModulePath
    try {
        # PSResourceGet builds its CurrentUser paths from HOME itself (~/.local/share/powershell/Modules), so HOME moves,
        # and the data folder is the one under it, where pwsh then looks for modules too.
        $env:HOME = $isolated.FullName
        $env:XDG_DATA_HOME = $data.FullName
        $env:LOCALAPPDATA = $data.FullName
        $env:XDG_CONFIG_HOME = $config.FullName
        $env:APPDATA = $config.FullName
        $env:PSModulePath = $null
        & $ScriptBlock
    }
    finally { $env:HOME, $env:XDG_DATA_HOME, $env:LOCALAPPDATA, $env:XDG_CONFIG_HOME, $env:APPDATA, $env:PSModulePath = $saved }
}
