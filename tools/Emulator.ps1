<#
.SYNOPSIS
    Starts and drives the loopback X API emulator from PowerShell: for the Pester tests, the demo and the benchmarks.
    Dot-source it. It runs the emulator that build.ps1 built, for the configuration it built: build.ps1 passes that
    path in PROFILEMEDIA_EMULATOR (tests/ENVIRONMENT.md); a caller can also give -EmulatorPath.
#>

function Start-ProfileMediaEmulator {
    [CmdletBinding()]
    param(
        [int] $ProcessingDelayMs = 500,
        [int] $ExtraUsers = 0,
        [int] $RateLimit = 900,
        [string] $EmulatorPath = $env:PROFILEMEDIA_EMULATOR,
        # pay-per-use is what X gives new apps: v2 reads, and v1.1 user reads answer 453.
        [ValidateSet('pay-per-use', 'enterprise', 'legacy-free')] [string] $AccessLevel = 'pay-per-use',
        # X Activity API: subscriptions the app may hold, and the idle time before a stream's keep-alive.
        [int] $SubscriptionLimit = 1500,
        [int] $KeepAliveMs = 20000
    )
    if (-not $EmulatorPath) { throw 'No emulator given: run through build.ps1 (it sets PROFILEMEDIA_EMULATOR), or pass -EmulatorPath.' }
    $dll = $EmulatorPath
    if (-not (Test-Path -LiteralPath $dll -PathType Leaf)) { throw "The emulator is not built at ${dll}: run ./build.ps1 Build first." }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--port', '0', '--processing-delay-ms', $ProcessingDelayMs, '--extra-users', $ExtraUsers, '--rate-limit', $RateLimit, '--access-level', $AccessLevel,
            '--subscription-limit', $SubscriptionLimit, '--keepalive-ms', $KeepAliveMs)) {
        $start.ArgumentList.Add([string] $argument)
    }
    # Standard input stays open: the emulator stops when it closes, so it never outlives this session.
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds(30)) -or -not $firstLine.Result) {
        $process.Kill()
        throw 'The emulator did not print its first line within 30 s.'
    }
    $info = $firstLine.Result | ConvertFrom-Json
    [pscustomobject]@{
        Process      = $process
        BaseUri      = [uri] $info.baseUri
        RootUri      = [uri] $info.rootUri
        BearerToken  = $info.bearerToken
        MediaBaseUri = [uri] $info.mediaBaseUri
        ControlUri   = [uri] $info.controlUri
        Accounts     = $info.accounts
    }
}

function Stop-ProfileMediaEmulator {
    param([Parameter(Mandatory)] $Emulator)
    if ($Emulator.Process.HasExited) { return }
    $Emulator.Process.StandardInput.Close()
    if (-not $Emulator.Process.WaitForExit(5000)) { $Emulator.Process.Kill() }
}

function Get-EmulatorAccount {
    param([Parameter(Mandatory)] $Emulator, [string] $ScreenName = 'EmulatedUser')
    $Emulator.Accounts | Where-Object screenName -EQ $ScreenName
}

function Connect-EmulatorAccount {
    <# Connects ProfileMedia to the emulator as one of its seeded accounts; extra parameters go to Connect-ProfileMedia. #>
    param([Parameter(Mandatory)] $Emulator, [string] $ScreenName = 'EmulatedUser', [hashtable] $Options = @{})
    $account = Get-EmulatorAccount $Emulator $ScreenName
    Connect-ProfileMedia -ApiBaseUri $Emulator.RootUri -ConsumerKey $account.consumerKey `
        -ConsumerSecret (ConvertTo-SecureString $account.consumerSecret -AsPlainText -Force) `
        -AccessToken $account.accessToken -AccessTokenSecret (ConvertTo-SecureString $account.accessTokenSecret -AsPlainText -Force) `
        -PassThru @Options
}

function Connect-EmulatorBearer {
    <# Connects ProfileMedia to the emulator with only the app's Bearer token, as a read-only script would. #>
    param([Parameter(Mandatory)] $Emulator, [hashtable] $Options = @{})
    Connect-ProfileMedia -ApiBaseUri $Emulator.RootUri -BearerToken (ConvertTo-SecureString $Emulator.BearerToken -AsPlainText -Force) -PassThru @Options
}

function Set-EmulatorAccessLevel {
    <# The app's access level until the next Reset-Emulator: pay-per-use, enterprise or legacy-free. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [ValidateSet('pay-per-use', 'enterprise', 'legacy-free')] [string] $Level)
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, "access-level/$Level")) | Out-Null
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, 'reset')) | Out-Null
}

function Add-EmulatorFault {
    <# Queues a fault: see src/ProfileMedia.Emulator/README.md for the fields (pathPrefix, count, kind, status, delayMs, ...). #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Fault)
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, 'faults')) -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null
}

function Get-EmulatorFault {
    <# The faults still queued, each with the count it has left: a fault is used up as requests meet it. #>
    param([Parameter(Mandatory)] $Emulator)
    # Invoke-RestMethod writes a JSON array as one object; assigning it first makes it enumerate, one fault each.
    $pending = Invoke-RestMethod -Uri ([uri]::new($Emulator.ControlUri, 'faults'))
    $pending
}

function Clear-EmulatorFault {
    <# Drops every queued fault, used or not. #>
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete -Uri ([uri]::new($Emulator.ControlUri, 'faults')) | Out-Null
}

function Get-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    # Invoke-RestMethod writes a JSON array as one object; assigning it first makes it enumerate, one request each.
    $requests = Invoke-RestMethod -Uri ([uri]::new($Emulator.ControlUri, 'requests'))
    $requests
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete -Uri ([uri]::new($Emulator.ControlUri, 'requests')) | Out-Null
}

function Set-EmulatorAccountState {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $ScreenName, [Parameter(Mandatory)] [ValidateSet('revoke', 'lock', 'readonly', 'tier', 'restore')] [string] $State)
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, "accounts/$ScreenName/$State")) | Out-Null
}

function New-TestImageFile {
    <#
    The tests' one image builder in PowerShell: writes a complete PNG of exactly -Bytes bytes (the 70-byte 1x1 PNG,
    padded with a private chunk before IEND when larger; at least 82 bytes then) and returns its FileInfo.
    #>
    param([Parameter(Mandatory)] [string] $Path, [int] $Bytes = 70)
    $tiny = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')
    if ($Bytes -eq $tiny.Length) { $data = $tiny }
    else {
        $padding = $Bytes - $tiny.Length - 12
        $data = [byte[]]::new($Bytes)
        [Array]::Copy($tiny, $data, $tiny.Length - 12)
        $head = $tiny.Length - 12
        $length = [BitConverter]::GetBytes([int] $padding); [Array]::Reverse($length)
        [Array]::Copy($length, 0, $data, $head, 4)
        [Array]::Copy([Text.Encoding]::ASCII.GetBytes('paDd'), 0, $data, $head + 4, 4)
        [Array]::Copy($tiny, $tiny.Length - 12, $data, $Bytes - 12, 12)
    }
    [IO.File]::WriteAllBytes($Path, $data)
    Get-Item -LiteralPath $Path
}

function Approve-EmulatorAuthorization {
    <# Approves the app for a request token as a seeded account, as that account's owner would on X, and returns the PIN. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $RequestToken, [string] $ScreenName = 'EmulatedUser')
    $body = @{ oauth_token = $RequestToken; screen_name = $ScreenName } | ConvertTo-Json
    (Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, 'oauth/authorize')) -ContentType 'application/json' -Body $body).pin
}

function Invoke-EmulatorRequestTokenExpiry {
    <# Makes a request token expire now, so no test has to wait for it. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $RequestToken)
    $body = @{ oauth_token = $RequestToken } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, 'oauth/expire')) -ContentType 'application/json' -Body $body | Out-Null
}
