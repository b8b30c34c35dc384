# Hostile input for every cmdlet: each bad value gets the error a PowerShell user expects, with a specific id; the
# runspace stays usable; a good object after the bad one in the same pipeline is still processed; and input refused
# locally costs no request. The table is tests/reliability/InputCases.ps1.

BeforeDiscovery {
    $cases = . "$PSScriptRoot/reliability/InputCases.ps1"
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'input'
    $tally = @{ Local = 0; Followed = 0; Terminating = 0; Cmdlets = [System.Collections.Generic.HashSet[string]]::new() }
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 100
    $connection = Connect-EmulatorAccount $emulator
    $folder = New-ReliabilityFolder -Prefix 'pm-input'

    $png = New-TestImageFile -Path (Join-Path $folder 'good.png') -Bytes 400
    $pngBytes = [IO.File]::ReadAllBytes($png.FullName)
    $write = { param($name, [byte[]] $bytes) $path = Join-Path $folder $name; [IO.File]::WriteAllBytes($path, $bytes); $path }
    $ctx = [pscustomobject]@{
        Folder        = $folder
        Png           = $png
        Empty         = & $write 'empty.png' ([byte[]]::new(0))
        Text          = & $write 'text.png' ([Text.Encoding]::UTF8.GetBytes('this is not an image'))
        Html          = & $write 'page.png' ([Text.Encoding]::UTF8.GetBytes('<!DOCTYPE html><html><body>404</body></html>'))
        WebP          = & $write 'webp.png' ([Text.Encoding]::ASCII.GetBytes('RIFF....WEBPVP8 ') + [byte[]]::new(32))
        Cut           = & $write 'cut.png' ($pngBytes[0..99])
        SignatureOnly = & $write 'signature.png' ($pngBytes[0..7])
        CutJpeg       = & $write 'cut.jpg.png' ([byte[]](0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0) + [byte[]]::new(40))
        Big           = (New-TestImageFile -Path (Join-Path $folder 'big.png') -Bytes 716801).FullName
        BigBanner     = (New-TestImageFile -Path (Join-Path $folder 'big-banner.png') -Bytes (5MB + 1)).FullName
        Secret        = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
        BaseUri       = $emulator.BaseUri
        MediaBase     = $emulator.MediaBaseUri.AbsoluteUri
        Connection    = $connection
        Closed        = $null
        User          = $null
        OtherUser     = $null
        ImageUrl      = $null
        BannerUrl     = $null
        ImageVariant  = $null
        BannerVariant = $null
    }
    # Complete images are judged by their structure: these are cut, or are no image, however they end.
    $ctx | Add-Member NoteProperty CutPadded (& $write 'cut-padded.png' ($pngBytes[0..($pngBytes.Length - 2)] + [byte[]]::new(64)))
    $ctx | Add-Member NoteProperty StrayEoi (& $write 'stray-eoi.jpg' ([byte[]](0xFF, 0xD8, 0xFF, 0xE1, 0, 15) + [Text.Encoding]::ASCII.GetBytes('Exif') + [byte[]](0, 0, 0xFF, 0xD8, 0xFF, 0xD9, 0, 0, 0) + [byte[]]::new(30)))
    $ctx | Add-Member NoteProperty GifHtml (& $write 'gif-html.gif' ([Text.Encoding]::ASCII.GetBytes("GIF89a<!DOCTYPE html><html><body>Not found</body></html>`n")))
    $fifo = Join-Path $folder 'fifo.png'
    if ($IsLinux -or $IsMacOS) { mkfifo $fifo }
    $ctx | Add-Member NoteProperty Fifo $fifo
    # Input whose own code throws when it is read: a ToString() and a ScriptProperty getter.
    if (-not ('ProfileMediaTests.ThrowingToString' -as [type])) {
        Add-Type 'namespace ProfileMediaTests { public sealed class ThrowingToString { public override string ToString() { throw new System.InvalidOperationException("no text for you"); } } }'
    }
    $ctx | Add-Member ScriptMethod NewThrowingToString { [ProfileMediaTests.ThrowingToString]::new() }
    $ctx | Add-Member ScriptMethod NewThrowingProperty {
        param($name)
        $object = [pscustomobject]@{ screen_name = 'x' }
        $object | Add-Member ScriptProperty $name { throw 'the getter failed' }
        $object
    }

    # Runs with the four credential variables set to usable values but for those given, and restores them after.
    function Invoke-WithCredentialVariables([hashtable] $Values, [scriptblock] $Run) {
        # The four OAuth 1.0a values are 'usable' unless given; the Bearer token is set only when given.
        $names = 'PROFILEMEDIA_CONSUMER_KEY', 'PROFILEMEDIA_CONSUMER_SECRET', 'PROFILEMEDIA_ACCESS_TOKEN', 'PROFILEMEDIA_ACCESS_TOKEN_SECRET', 'PROFILEMEDIA_BEARER_TOKEN'
        $saved = @{}
        foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            foreach ($name in $names) {
                $value = if ($Values.ContainsKey($name)) { $Values[$name] } elseif ($name -ne 'PROFILEMEDIA_BEARER_TOKEN') { 'usable' } else { $null }
                [Environment]::SetEnvironmentVariable($name, $value)
            }
            & $Run
        }
        finally {
            # Not set before is removed again: $null passed to a .NET string parameter would become "".
            foreach ($name in $names) {
                if ($null -eq $saved[$name]) { Remove-Item "env:$name" -ErrorAction Ignore } else { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
        }
    }

    $null = New-TestImageFile -Path (Join-Path $folder 'twin1.png') -Bytes 100
    $null = New-TestImageFile -Path (Join-Path $folder 'twin2.png') -Bytes 100
    $script:destinations = 0
    $ctx | Add-Member -MemberType ScriptMethod -Name NewDestination -Value { $script:destinations++; Join-Path $this.Folder "saved$script:destinations" }

    $ctx.User = Get-ProfileUser EmulatedUser
    $ctx.OtherUser = Get-ProfileUser DefaultUser
    $ctx.ImageUrl = $ctx.User.ProfileImageUrlHttps
    $ctx.BannerUrl = $ctx.User.ProfileBannerUrl
    $ctx.ImageVariant = $ctx.User | Get-ProfileImageVariant -Size mini
    $ctx.BannerVariant = $ctx.User | Get-ProfileBanner -Size web
    $ctx.Closed = Connect-EmulatorAccount $emulator -ScreenName DefaultUser
    Disconnect-ProfileMedia -Connection $ctx.Closed
    $null = Connect-EmulatorAccount $emulator

    function Get-Post([string] $Endpoint) { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -like "/1.1/account/$Endpoint.json*" }) }

    # What a good object is for each cmdlet, and how to see that it was processed. Check gets what came out and the good value.
    $good = @{
        'Get-ProfileImageVariant'    = @{ Value = { $ctx.ImageUrl }; Check = { param($r) $r.Output | Should -HaveCount 6; $r.Output[0].PSObject.TypeNames[0] | Should -Be 'ProfileMedia.ProfileImageVariant' } }
        'Get-ProfileBanner'          = @{ Value = { $ctx.BannerUrl }; Check = { param($r) $r.Output | Should -HaveCount 9 } }
        'Get-ProfileBanner/ScreenName' = @{ Value = { 'EmulatedUser' }; Check = { param($r) $r.Output | Should -HaveCount 9 } }
        'Get-ProfileBanner/UserId'   = @{ Value = { '1000001' }; Check = { param($r) $r.Output | Should -HaveCount 9 } }
        'Get-ProfileUser'            = @{ Value = { 'EmulatedUser' }; Check = { param($r) $r.Output | Should -HaveCount 1; $r.Output[0].ScreenName | Should -Be 'EmulatedUser' } }
        'Get-ProfileUser/UserId'     = @{ Value = { '1000001' }; Check = { param($r) $r.Output | Should -HaveCount 1; $r.Output[0].ScreenName | Should -Be 'EmulatedUser' } }
        'Set-ProfileImage'           = @{ Value = { $ctx.Png }; Check = { param($r) $r.Output | Should -HaveCount 0; Get-Post 'update_profile_image' | Should -HaveCount 1 } }
        'Set-ProfileBanner'          = @{ Value = { $ctx.Png }; Check = { param($r) $r.Output | Should -HaveCount 0; Get-Post 'update_profile_banner' | Should -HaveCount 1 } }
        'Save-ProfileMedia'          = @{ Value = { $ctx.ImageVariant }; Check = { param($r) $r.Output | Should -HaveCount 1; Test-Path -LiteralPath $r.Output[0].FullName | Should -BeTrue } }
        'Disconnect-ProfileMedia'    = @{
            # A connection of its own, then a new session default, so closing it leaves the session connected.
            Value = { $c = Connect-EmulatorAccount $emulator -ScreenName DefaultUser; $null = Connect-EmulatorAccount $emulator; $c }
            Check = { param($r, $value) $value.IsClosed | Should -BeTrue }
        }
    }
    $pipelineParameter = @{
        'Get-ProfileImageVariant' = 'Url'; 'Get-ProfileBanner' = 'Url'; 'Get-ProfileUser' = 'ScreenName'; 'Set-ProfileImage' = 'Path'
        'Set-ProfileBanner' = 'Path'; 'Save-ProfileMedia' = 'InputObject'; 'Disconnect-ProfileMedia' = 'Connection'
    }

    # Every message the module builds is one or more sentences ending in one full stop; PowerShell's own binder
    # messages are its business. The sweep covers every error this suite provokes.
    $script:messagesSwept = 0
    function Assert-ModuleSentence([System.Management.Automation.ErrorRecord] $Record) {
        if ($Record.Exception -is [System.Management.Automation.ParameterBindingException]) { return }
        $text = $Record.Exception.Message
        $text | Should -Match '[^.]\.$' -Because "a message ends with one full stop: $text"
        $text | Should -Not -Match '\.\.\s' -Because "no sentence ends with two full stops: $text"
        $text | Should -Not -Match '\s\.' -Because "no full stop follows white space: $text"
        $script:messagesSwept++
    }

    function Assert-Refused($Result, [string] $ErrorId, [bool] $Terminating, [string] $Class, [string] $Message, [string] $Hidden) {
        if ($Terminating) {
            $Result.Terminating | Should -Not -BeNullOrEmpty -Because 'the input stops the cmdlet'
            $record = $Result.Terminating
        }
        else {
            $Result.Terminating | Should -BeNullOrEmpty -Because "a non-terminating $ErrorId was expected, not $($Result.Terminating.FullyQualifiedErrorId)"
            $Result.Errors | Should -HaveCount 1
            $record = $Result.Errors[0]
        }
        $parts = Get-ErrorIdParts $record
        $parts.Id | Should -Be $ErrorId
        $parts.Command | Should -Be $Class -Because 'the error names the cmdlet that refused the input'
        $record.Exception.Message | Should -Not -BeNullOrEmpty
        $record.Exception.Message.Length | Should -BeLessThan 4096 -Because 'a 100 KB input must not flood the console'
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        Assert-ModuleSentence $record
        if ($Message) { $record.Exception.Message | Should -BeLike $Message }
        if ($Hidden) {
            $record.Exception.Message | Should -Not -BeLike "*$Hidden*"
            "$($record.TargetObject)" | Should -Not -BeLike "*$Hidden*" -Because 'the error''s target is shown and logged too'
        }
    }

    function Assert-RunspaceUsable {
        [runspace]::DefaultRunspace.RunspaceStateInfo.State | Should -Be 'Opened'
        (1 + 1) | Should -Be 2
        Get-ProfileImageVariant $ctx.ImageUrl -Size mini | Should -HaveCount 1
        # The session's default connection still works: no failed call replaced or closed it.
        (Get-ProfileUser EmulatedUser).ScreenName | Should -Be 'EmulatedUser'
    }
}

AfterAll {
    $figures.notes.Add("$($tally.Local) hostile inputs across $($tally.Cmdlets.Count) cmdlets refused with no request reaching the emulator; $($tally.Terminating) of them terminating")
    $figures.notes.Add("$script:messagesSwept error messages built by the module checked to end in one full stop")
    $figures.notes.Add("$($tally.Followed) cases also sent a good object after the bad one in the same call, and it was processed")
    Write-ReliabilityFigures $figures
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Hostile input' {
    BeforeEach { Reset-Emulator $emulator }

    It '<Cmdlet>: <Case>' -ForEach $cases {
        if ($Unix -and -not ($IsLinux -or $IsMacOS)) { Set-ItResult -Skipped -Because 'devices, FIFOs and empty environment variables exist on Unix only'; return }
        if ($Linux -and -not $IsLinux) { Set-ItResult -Skipped -Because '/proc exists on Linux only'; return }
        Start-ReliabilityCase $figures "${Cmdlet}: $Case"
        $class = Get-CommandClassName $Cmdlet
        $parameters = if ($With) { & $With } else { @{} }
        $allowed = if ($null -ne $Requests) { $Requests } else { 0 }

        # 1. The bad input alone: the expected error, nothing out, and no request for what was refused locally.
        Clear-EmulatorRequest $emulator
        $badValue = if ($Bind -ne 'Custom') { & $Bad }
        $result = switch ($Bind) {
            'Custom' { Invoke-Captured $Run }
            'Pipeline' { $single = [System.Collections.Generic.List[object]]::new(); $single.Add($badValue); Invoke-Captured { $single | & $Cmdlet @parameters } }
            default { $one = $parameters.Clone(); $one[$Parameter] = $badValue; Invoke-Captured { & $Cmdlet @one } }
        }
        Assert-Refused $result $ErrorId ([bool] $Terminating) $class $Message $Hidden
        $result.Output | Should -HaveCount 0
        @(Get-EmulatorRequest $emulator) | Should -HaveCount $allowed -Because 'input refused locally must cost no request'
        if ($allowed -eq 0) { $tally.Local++ }
        if ($Terminating) { $tally.Terminating++ }

        # 2. The bad input, then a good one in the same call: the good one is still processed.
        $key = if ($Bind -eq 'Array') { "$Cmdlet/$Parameter" } else { $Cmdlet }
        $followed = $good[$key] -and $Pipe -ne $false -and -not $Terminating -and (
            $Bind -eq 'Array' -or $Bind -eq 'Pipeline' -or ($Bind -eq 'Parameter' -and $Parameter -eq $pipelineParameter[$Cmdlet]))
        if ($followed) {
            Clear-EmulatorRequest $emulator
            $goodValue = & $good[$key].Value
            if ($Bind -eq 'Array') {
                $both = $parameters.Clone(); $both[$Parameter] = @($badValue, $goodValue)
                $mixed = Invoke-Captured { & $Cmdlet @both }
            }
            else {
                $sequence = [System.Collections.Generic.List[object]]::new(); $sequence.Add($badValue); $sequence.Add($goodValue)
                $mixed = Invoke-Captured { $sequence | & $Cmdlet @parameters }
            }
            $mixed.Terminating | Should -BeNullOrEmpty
            $mixed.Errors | Should -HaveCount 1
            (Get-ErrorIdParts $mixed.Errors[0]).Id | Should -Be $ErrorId
            Assert-ModuleSentence $mixed.Errors[0]
            & $good[$key].Check $mixed $goodValue
            $tally.Followed++
        }

        # 3. The runspace is still usable, and so is the session's connection.
        Assert-RunspaceUsable
        $null = $tally.Cmdlets.Add($Cmdlet)
        Complete-ReliabilityCase $figures "${Cmdlet}: $Case"
    }
}

Describe 'Unusual input that is valid is taken' {
    BeforeAll {
        $unicode = New-TestImageFile -Path (Join-Path $folder 'ünïcødé-画像.png') -Bytes 600
        $brackets = New-TestImageFile -Path (Join-Path $folder 'avatar[1].png') -Bytes 600
        $gif = Join-Path $folder 'really-a-gif.png'
        [IO.File]::WriteAllBytes($gif, [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B))
    }
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'uploads a profile image with a Unicode file name by <How>' -ForEach @(
        @{ How = '-Path'; Run = { Set-ProfileImage -Path $unicode.FullName -PassThru } }
        @{ How = '-LiteralPath'; Run = { Set-ProfileImage -LiteralPath $unicode.FullName -PassThru } }
        @{ How = 'a FileInfo from the pipeline'; Run = { $unicode | Set-ProfileImage -PassThru } }
        @{ How = 'a relative path'; Run = { Push-Location $folder; try { Set-ProfileImage -Path './ünïcødé-画像.png' -PassThru } finally { Pop-Location } } }
    ) {
        Start-ReliabilityCase $figures "Unicode file name by $How"
        $result = Invoke-Captured $Run
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0
        $result.Output[0].ScreenName | Should -Be 'EmulatedUser'
        Get-Post 'update_profile_image' | Should -HaveCount 1
        Complete-ReliabilityCase $figures "Unicode file name by $How"
    }

    It 'uploads a banner with a Unicode file name, and a name with brackets by -LiteralPath' {
        Start-ReliabilityCase $figures 'banner with a Unicode or bracketed file name'
        $result = Invoke-Captured { Set-ProfileBanner -Path $unicode.FullName; Set-ProfileBanner -LiteralPath $brackets.FullName }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0
        Get-Post 'update_profile_banner' | Should -HaveCount 2
        Complete-ReliabilityCase $figures 'banner with a Unicode or bracketed file name'
    }

    It 'uploads a GIF under a .png name as the GIF its bytes show' {
        Start-ReliabilityCase $figures 'GIF under a .png name'
        (Set-ProfileImage -LiteralPath $gif -PassThru).ScreenName | Should -Be 'EmulatedUser'
        Get-Post 'update_profile_image' | Should -HaveCount 1
        Complete-ReliabilityCase $figures 'GIF under a .png name'
    }

    It 'saves into a folder with a Unicode name' {
        Start-ReliabilityCase $figures 'saving into a Unicode folder'
        $destination = Join-Path $folder 'ünïcødé-保存'
        $file = $ctx.ImageVariant | Save-ProfileMedia -Destination $destination
        $file.Directory.FullName | Should -Be ([IO.Path]::GetFullPath($destination))
        Test-Path -LiteralPath $file.FullName | Should -BeTrue
        Complete-ReliabilityCase $figures 'saving into a Unicode folder'
    }

    It 'takes an empty array as nothing to do, with no error and no request: <Call>' -ForEach @(
        @{ Call = 'Get-ProfileImageVariant -Url @()'; Run = { Get-ProfileImageVariant -Url @() } }
        @{ Call = 'Get-ProfileBanner -Url @()'; Run = { Get-ProfileBanner -Url @() } }
        @{ Call = 'Save-ProfileMedia -InputObject @()'; Run = { Save-ProfileMedia -InputObject @() -Destination $ctx.NewDestination() } }
        @{ Call = '@() | Get-ProfileUser'; Run = { @() | Get-ProfileUser } }
        @{ Call = '@() | Set-ProfileImage'; Run = { @() | Set-ProfileImage } }
    ) {
        Start-ReliabilityCase $figures "empty array: $Call"
        $result = Invoke-Captured $Run
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0
        $result.Output | Should -HaveCount 0
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        Complete-ReliabilityCase $figures "empty array: $Call"
    }

    It 'answers a 100 KB media URL with one DownloadFailed, no retry, and no file left' {
        Start-ReliabilityCase $figures 'Save-ProfileMedia: a 100 KB media URL (DownloadFailed, bounded message, no file)'
        $destination = $ctx.NewDestination()
        $url = '{0}profile_images/1/{1}_normal.png' -f $ctx.MediaBase, ('a' * 102400)
        $result = Invoke-Captured { Save-ProfileMedia $url -Destination $destination }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'DownloadFailed'
        $result.Errors[0].Exception.Message | Should -BeLike '*414*'
        # As every refusal of a URL quotes at most 200 characters of it, a failed download must not echo 100 KB.
        $result.Errors[0].Exception.Message.Length | Should -BeLessThan 4096 -Because 'a 100 KB URL must not flood the console'
        @(Get-ChildItem -LiteralPath $destination -Force -ErrorAction SilentlyContinue) | Should -HaveCount 0
        Assert-RunspaceUsable
        Complete-ReliabilityCase $figures 'Save-ProfileMedia: a 100 KB media URL (DownloadFailed, bounded message, no file)'
    }
}
