# The emulator's X Activity API controls (src/ProfileMedia.Emulator/README.md, "X Activity API"), for the tests, the
# demo and the benchmark. Dot-sourced after tools/Emulator.ps1.

function Send-EmulatorActivityEvent {
    <# Fires an image or banner change for a seeded user, as X would on an upload; -After defaults to the user's current URL. Returns {delivered, eventUuid, sentAt}. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $ScreenName, [ValidateSet('image', 'banner')] [string] $Kind = 'image', [string] $Before, [string] $After)
    $body = @{ screenName = $ScreenName; kind = $Kind }
    if ($PSBoundParameters.ContainsKey('Before')) { $body.before = $Before }
    if ($PSBoundParameters.ContainsKey('After')) { $body.after = $After }
    Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.ControlUri, 'activity/events')) -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function Get-EmulatorActivityStreamCount {
    <# How many activity streams are open now. #>
    param([Parameter(Mandatory)] $Emulator)
    (Invoke-RestMethod -Uri ([uri]::new($Emulator.ControlUri, 'activity/streams'))).open
}

function Wait-EmulatorActivityStream {
    <# Waits until -Count streams are open (no sleeps: a condition polled up to a deadline that fails the caller). #>
    param([Parameter(Mandatory)] $Emulator, [int] $Count = 1, [timespan] $Deadline = '00:00:20')
    $until = [DateTime]::UtcNow + $Deadline
    while ((Get-EmulatorActivityStreamCount $Emulator) -ne $Count) {
        if ([DateTime]::UtcNow -gt $until) { throw "Not $Count open activity streams within $Deadline." }
        [System.Threading.Thread]::Yield() | Out-Null
    }
}

function Invoke-EmulatorActivityControl {
    <# streams/drop, streams/close (with an optional error body), keepalives/withhold, keepalives/resume. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [ValidateSet('streams/drop', 'streams/close', 'keepalives/withhold', 'keepalives/resume')] [string] $Action, [hashtable] $Body)
    $arguments = @{ Method = 'Post'; Uri = [uri]::new($Emulator.ControlUri, "activity/$Action") }
    if ($Body) { $arguments.ContentType = 'application/json'; $arguments.Body = $Body | ConvertTo-Json }
    Invoke-RestMethod @arguments
}
