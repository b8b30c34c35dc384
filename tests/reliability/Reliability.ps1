# Dot-sourced by tests/Reliability.*.Tests.ps1 (after tests/common.ps1): what the reliability suites share.

function New-ReliabilityFigures {
    <# The figures one suite collects; a hashtable, so every scope that holds it adds to the same counts. #>
    param([Parameter(Mandatory)] [string] $Suite)
    @{ suite = $Suite; cases = 0; faultsInjected = 0; held = 0; failed = 0; notes = [System.Collections.Generic.List[string]]::new() }
}

function Write-ReliabilityFigures {
    <# Writes <suite>.json into $env:PROFILEMEDIA_RELIABILITY_DIR (tests/ENVIRONMENT.md), when set; failed is what did not hold. #>
    param([Parameter(Mandatory)] [hashtable] $Figures)
    $Figures.failed = $Figures.cases - $Figures.held
    if (-not $env:PROFILEMEDIA_RELIABILITY_DIR) { return }
    $null = New-Item -ItemType Directory -Path $env:PROFILEMEDIA_RELIABILITY_DIR -Force
    $document = [ordered]@{
        suite          = $Figures.suite
        cases          = $Figures.cases
        faultsInjected = $Figures.faultsInjected
        held           = $Figures.held
        failed         = $Figures.failed
        notes          = @($Figures.notes)
    }
    $document | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath (Join-Path $env:PROFILEMEDIA_RELIABILITY_DIR "$($Figures.suite).json") -Encoding utf8
}

function Start-ReliabilityCase {
    <# Counts a case and notes it as failed until Complete-ReliabilityCase says it held. #>
    param([Parameter(Mandatory)] [hashtable] $Figures, [Parameter(Mandatory)] [string] $Name)
    $Figures.cases++
    $Figures.notes.Add("failed: $Name")
}

function Complete-ReliabilityCase {
    param([Parameter(Mandatory)] [hashtable] $Figures, [Parameter(Mandatory)] [string] $Name)
    $null = $Figures.notes.Remove("failed: $Name")
    $Figures.held++
}

function Invoke-Captured {
    <#
    Runs a script block and sorts what came out: objects, non-terminating error records, and the terminating error,
    if one stopped it. Non-terminating errors are caught with 2>&1, so no preference of the caller matters.
    #>
    param([Parameter(Mandatory)] [scriptblock] $Script)
    # A user's default: with 'Stop' inherited from a caller, every non-terminating error would stop the script.
    $ErrorActionPreference = 'Continue'
    $all = [System.Collections.Generic.List[object]]::new()
    $terminating = $null
    try {
        & $Script 2>&1 | ForEach-Object { $all.Add($_) }
    }
    catch {
        $terminating = $_
    }
    [pscustomobject]@{
        Output      = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        Errors      = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Terminating = $terminating
    }
}

function Get-ErrorIdParts {
    <# Splits a FullyQualifiedErrorId 'Id,ProfileMedia.Commands.XCommand' into the id and the command that wrote it. #>
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    $id, $command = $Record.FullyQualifiedErrorId -split ',', 2
    [pscustomobject]@{ Id = $id; Command = $command }
}

function Get-CommandClassName {
    <# The implementing type of a ProfileMedia cmdlet, which the error ids it writes end with. #>
    param([Parameter(Mandatory)] [string] $Name)
    (Get-Command $Name).ImplementingType.FullName
}

function New-ReliabilityFolder {
    param([Parameter(Mandatory)] [string] $Prefix)
    New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 12))")
}
