# The classes of rough edge found by hostile testing (issue 12) that are not one bad input: complete images with data
# after their end, a poll that fails after an upload succeeded, rate-limit advice that fits what was chosen, the
# service's own text reaching a terminal, and answers that are partly unusable. Each case is a class: several inputs
# of the kind, not the one that was found.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'responses'
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 100
    $folder = New-ReliabilityFolder -Prefix 'pm-responses'
    # No retries: a fault answers once and the case stays quick.
    $null = Connect-EmulatorAccount $emulator -Options @{ MaxRetries = 0 }

    function Get-Post([string] $Endpoint) { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -like "/1.1/account/$Endpoint.json*" }) }

    # A baseline JPEG's structure, 16x16: JFIF, a frame header, a scan with a stuffed FF 00 and a restart marker, EOI.
    $jpeg = [byte[]](0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
        0xFF, 0xD9)
    $png = [IO.File]::ReadAllBytes((New-TestImageFile -Path (Join-Path $folder 'base.png') -Bytes 400).FullName)
    $gif = [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B)
    # What a phone appends after a motion photo's EOI: an MP4 whose bytes hold FF D8 and FF D9 of their own.
    $video = [byte[]](0, 0, 0, 0x18) + [Text.Encoding]::ASCII.GetBytes('ftypmp42') + [byte[]](0xFF, 0xD8, 0xFF, 0xD9) + [byte[]]::new(1000)
    $write = { param($name, [byte[]] $bytes) $path = Join-Path $folder $name; [IO.File]::WriteAllBytes($path, $bytes); $path }
}

AfterAll {
    Write-ReliabilityFigures $figures
    Disconnect-ProfileMedia
    Stop-ProfileMediaEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A complete image with data after its end marker is uploaded' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It '<Case>' -ForEach @(
        @{ Case = 'a JPEG with 14 zero bytes after EOI'; Bytes = { $jpeg + [byte[]]::new(14) } }
        @{ Case = 'a JPEG with 15 zero bytes after EOI'; Bytes = { $jpeg + [byte[]]::new(15) } }
        @{ Case = 'a JPEG with 64 KB of padding after EOI'; Bytes = { $jpeg + [byte[]]::new(65536) } }
        @{ Case = 'a motion photo: a JPEG with a video after EOI'; Bytes = { $jpeg + $video } }
        @{ Case = 'a PNG with bytes after IEND'; Bytes = { $png + [Text.Encoding]::ASCII.GetBytes("trailing`r`n") + [byte[]]::new(100) } }
        @{ Case = 'a GIF with a trailing newline'; Bytes = { $gif + [byte[]](0x0A) } }
    ) {
        Start-ReliabilityCase $figures "upload: $Case"
        $path = & $write "trailing-$([guid]::NewGuid().ToString('N')).img" (& $Bytes)
        $result = Invoke-Captured { Set-ProfileImage -LiteralPath $path }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0 -Because ($result.Errors | Out-String)
        $result.Output[0].ScreenName | Should -Be 'EmulatedUser'
        Get-Post 'update_profile_image' | Should -HaveCount 1
        Complete-ReliabilityCase $figures "upload: $Case"
    }
}

Describe 'Set-ProfileImage -Wait when asking for the new image fails after the upload' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'warns and outputs the upload''s answer on <Case>' -ForEach @(
        @{ Case = 'a 503'; Fault = @{ pathPrefix = '/1.1/users/show.json'; status = 503; count = 5 } }
        @{ Case = 'a dropped connection'; Fault = @{ pathPrefix = '/1.1/users/show.json'; kind = 'drop'; count = 5 } }
        @{ Case = 'an answer that is not JSON'; Fault = @{ pathPrefix = '/1.1/users/show.json'; kind = 'notJson'; count = 5 } }
    ) {
        Start-ReliabilityCase $figures "-Wait poll fails: $Case"
        $path = & $write 'wait.png' $png
        Add-EmulatorFault $emulator $Fault
        $figures.faultsInjected++
        $result = Invoke-Captured { Set-ProfileImage -LiteralPath $path -Wait -WaitTimeout 00:00:05 3>&1 }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0 -Because 'the upload was made: a failed poll cannot undo it'
        $warnings = @($result.Output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $users = @($result.Output | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        $users | Should -HaveCount 1
        $users[0].ScreenName | Should -Be 'EmulatedUser'
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike 'The upload succeeded, but asking for the new image failed*'
        Get-Post 'update_profile_image' | Should -HaveCount 1 -Because 'the upload is not repeated'
        Complete-ReliabilityCase $figures "-Wait poll fails: $Case"
    }
}

Describe 'Rate-limit messages fit what was chosen' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'does not advise -RateLimitAction Wait when Wait was chosen and the window is too far; a reset <Days> day(s) away shows <Shows>' -ForEach @(
        @{ Days = 2; Shows = 'its date' }
        @{ Days = 30; Shows = 'its date' }
    ) {
        Start-ReliabilityCase $figures "RateLimited with Wait, reset in $Days days"
        $seconds = $Days * 86400
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; status = 429; rateLimitReset = $true; rateLimitResetSeconds = $seconds }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser -RateLimitAction Wait -MaxRateLimitWait 00:00:05 }
        $result.Errors | Should -HaveCount 1
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'RateLimited'
        $message = $result.Errors[0].Exception.Message
        $message | Should -Not -BeLike '*Use -RateLimitAction Wait*'
        $message | Should -BeLike '*-MaxRateLimitWait*'
        $message | Should -BeLike "*$((Get-Date).AddSeconds($seconds).ToString('yyyy-MM-dd'))*"
        Complete-ReliabilityCase $figures "RateLimited with Wait, reset in $Days days"
    }

    It 'advises -RateLimitAction Wait when it was not chosen, with the time of a reset within the day' {
        Start-ReliabilityCase $figures 'RateLimited without Wait'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; status = 429; rateLimitReset = $true; rateLimitResetSeconds = 600 }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser }
        $message = $result.Errors[0].Exception.Message
        $message | Should -BeLike '*Use -RateLimitAction Wait*'
        $message | Should -Match 'resets at \d\d:\d\d:\d\d\.'
        Complete-ReliabilityCase $figures 'RateLimited without Wait'
    }

    It 'says the limit was reached again after a wait, without advising Wait' {
        Start-ReliabilityCase $figures 'RateLimited again after waiting'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; status = 429; count = 2; retryAfterSeconds = 1; rateLimitReset = $false }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser -RateLimitAction Wait -MaxRateLimitWait 00:00:10 }
        $message = $result.Errors[0].Exception.Message
        $message | Should -BeLike '*reached again after waiting*'
        $message | Should -Not -BeLike '*Use -RateLimitAction Wait*'
        Complete-ReliabilityCase $figures 'RateLimited again after waiting'
    }
}

Describe 'The service''s own text in messages' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'escapes <Case> in an error message' -ForEach @(
        @{ Case = 'ESC sequences (clear screen, window title)'; Text = "`e[2J`e]0;pwned`a gone" }
        @{ Case = 'CR LF forging a line'; Text = "bad`r`nWARNING: your account is locked" }
        @{ Case = 'a C1 CSI and a right-to-left override'; Text = "x`u{9B}31m y`u{202E}gnp.exe" }
    ) {
        Start-ReliabilityCase $figures "service text: $Case"
        $body = @{ errors = @(@{ code = 0; message = $Text }) } | ConvertTo-Json -Compress
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; status = 400; body = $body }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser }
        $result.Errors | Should -HaveCount 1
        $message = $result.Errors[0].Exception.Message
        $message | Should -Not -Match '[\x00-\x1F\x7F-\x9F\u202A-\u202E]' -Because 'no control character of the service reaches the terminal'
        $message | Should -BeLike '*\u00*'
        $message | Should -Match '[^.]\.$'
        Complete-ReliabilityCase $figures "service text: $Case"
    }

    It 'names the operation plainly: <Call>' -ForEach @(
        @{ Call = 'Get-ProfileUser -UserId 1000001'; Run = { Get-ProfileUser -UserId 1000001 }; Like = 'Look up user id 1000001 failed*' }
        @{ Call = 'Get-ProfileUser EmulatedUser'; Run = { Get-ProfileUser EmulatedUser }; Like = 'Look up @EmulatedUser failed*' }
    ) {
        Start-ReliabilityCase $figures "operation wording: $Call"
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; status = 404 }
        $figures.faultsInjected++
        $result = Invoke-Captured $Run
        $result.Errors[0].Exception.Message | Should -BeLike $Like
        $result.Errors[0].Exception.Message | Should -Not -BeLike '*user user*'
        Complete-ReliabilityCase $figures "operation wording: $Call"
    }
}

Describe 'Answers that are partly unusable' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'skips a banner size with <Case>, with a verbose line, and outputs the rest' -ForEach @(
        @{ Case = 'a width beyond a 32-bit number'; Bad = '{"w":99999999999,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'a negative width'; Bad = '{"w":-1500,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'a width of 0'; Bad = '{"w":0,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'a fractional width'; Bad = '{"w":1500.5,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'no url'; Bad = '{"w":1500,"h":500}' }
    ) {
        Start-ReliabilityCase $figures "banner size with $Case"
        $body = '{"sizes":{"web":{"w":520,"h":260,"url":"https://pbs.twimg.com/profile_banners/1/2/web"},"1500x500":' + $Bad + '}}'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/profile_banner.json'; status = 200; body = $body }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileBanner -ScreenName EmulatedUser -Verbose 4>&1 }
        $result.Errors | Should -HaveCount 0
        $variants = @($result.Output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $variants | Should -HaveCount 1
        $variants[0].Name | Should -Be 'web'
        @($result.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like "*'1500x500' is left out*" }) | Should -HaveCount 1
        Complete-ReliabilityCase $figures "banner size with $Case"
    }

    It 'is an UnexpectedResponse when no banner size is usable' {
        Start-ReliabilityCase $figures 'no usable banner size'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/profile_banner.json'; status = 200; body = '{"sizes":{"web":{"w":-1,"h":260,"url":"https://pbs.twimg.com/profile_banners/1/2/web"}}}' }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileBanner -ScreenName EmulatedUser }
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'UnexpectedResponse'
        $result.Output | Should -HaveCount 0
        Complete-ReliabilityCase $figures 'no usable banner size'
    }

    It 'names a profile_banner_url that is not http(s) instead of saving nothing in silence: <Url>' -ForEach @(
        @{ Url = 'javascript:alert(1)' }
        @{ Url = 'file:///etc/passwd' }
        @{ Url = 'ftp://pbs.twimg.com/profile_banners/1000001/1' }
    ) {
        Start-ReliabilityCase $figures "banner URL $Url in a user"
        $user = Get-ProfileUser EmulatedUser
        $body = @{ id_str = $user.UserId; screen_name = $user.ScreenName; profile_image_url_https = $user.ProfileImageUrlHttps; profile_banner_url = $Url } | ConvertTo-Json -Compress
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/show.json'; status = 200; body = $body }
        $figures.faultsInjected++
        $destination = Join-Path $folder "banner-$([guid]::NewGuid().ToString('N'))"
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser | Save-ProfileMedia -Destination $destination -ImageSize normal -BannerSize web }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'UrlNotAbsoluteHttp'
        $result.Errors[0].Exception.Message | Should -BeLike '*profile banner URL of @EmulatedUser*'
        $result.Output | Should -HaveCount 1 -Because 'the image is still saved'
        Complete-ReliabilityCase $figures "banner URL $Url in a user"
    }
}
