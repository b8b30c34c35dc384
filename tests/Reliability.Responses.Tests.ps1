# The classes of rough edge found by hostile testing (issue 12) that are not one bad input: complete images with data
# after their end, a poll that fails after an upload succeeded, rate-limit advice that fits what was chosen, the
# service's own text reaching a terminal, and answers that are partly unusable. Each case is a class: several inputs
# of the kind, not the one that was found. Where a class reaches both read APIs it is tried on both: v2, the default
# at the pay-per-use access level new apps get, and v1.1 (-ReadApiVersion 1.1), whose user reads only the enterprise
# access level still has.

BeforeDiscovery {
    # Where a lookup of one user goes: v2 by name or id, v1.1 users/lookup (Get-ProfileUser batches even one user).
    $reads = @(
        @{ Api = '2'; ByName = '/2/users/by/username/'; ById = '/2/users/1000001' }
        @{ Api = '1.1'; ByName = '/1.1/users/lookup.json'; ById = '/1.1/users/lookup.json' }
    )
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/reliability/Reliability.ps1"
    $figures = New-ReliabilityFigures -Suite 'responses'
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 100
    $folder = New-ReliabilityFolder -Prefix 'pm-responses'
    # No retries: a fault answers once and the case stays quick.
    $null = Connect-EmulatorAccount $emulator -Options @{ MaxRetries = 0 }

    function Get-Post([string] $Endpoint) { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -like "/1.1/account/$Endpoint.json*" }) }
    # The requests a fault answered on a path: a case holds only if its fault met the read path it is about.
    function Get-FaultedRequest([string] $Path) { @(Get-EmulatorRequest $emulator | Where-Object { $_.fault -and $_.pathAndQuery -like "$Path*" }) }
    # v1.1 user reads answer 453 at pay-per-use: a case on them runs at the enterprise level (Reset-Emulator restores it).
    function Use-ReadApi([string] $Api) { if ($Api -eq '1.1') { Set-EmulatorAccessLevel $emulator enterprise } }

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
        $result = Invoke-Captured { Set-ProfileImage -LiteralPath $path -PassThru }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0 -Because ($result.Errors | Out-String)
        $result.Output[0].ScreenName | Should -Be 'EmulatedUser'
        Get-Post 'update_profile_image' | Should -HaveCount 1
        Complete-ReliabilityCase $figures "upload: $Case"
    }
}

Describe 'Set-ProfileImage -Wait when asking for the new image fails after the upload' {
    BeforeDiscovery {
        # -Wait asks the connected account itself: /2/users/me, or account/verify_credentials with -ReadApiVersion 1.1.
        $pollCases = foreach ($poll in @(@{ Api = '2'; Path = '/2/users/me' }, @{ Api = '1.1'; Path = '/1.1/account/verify_credentials.json' })) {
            foreach ($fault in @(
                    @{ Case = 'a 503'; Fault = @{ status = 503 } }
                    @{ Case = 'a dropped connection'; Fault = @{ kind = 'drop' } }
                    @{ Case = 'an answer that is not JSON'; Fault = @{ kind = 'notJson' } })) {
                @{ Case = $fault.Case; Api = $poll.Api; Poll = $poll.Path; Fault = $fault.Fault + @{ pathPrefix = $poll.Path; count = 5 } }
            }
        }
    }

    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'warns and outputs the upload''s answer on <Case> from <Poll>' -ForEach $pollCases {
        Start-ReliabilityCase $figures "-Wait poll fails: $Case from $Poll"
        $image = & $write 'wait.png' $png
        Add-EmulatorFault $emulator $Fault
        $figures.faultsInjected++
        $result = Invoke-Captured { Set-ProfileImage -LiteralPath $image -Wait -WaitTimeout 00:00:05 -ReadApiVersion $Api -PassThru 3>&1 }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 0 -Because 'the upload was made: a failed poll cannot undo it'
        $warnings = @($result.Output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $users = @($result.Output | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        $users | Should -HaveCount 1
        $users[0].ScreenName | Should -Be 'EmulatedUser'
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike 'The upload succeeded, but asking for the new image failed*Get the connected account failed*'
        Get-FaultedRequest $Poll | Should -Not -BeNullOrEmpty -Because 'the poll met its fault'
        Get-Post 'update_profile_image' | Should -HaveCount 1 -Because 'the upload is not repeated'
        Complete-ReliabilityCase $figures "-Wait poll fails: $Case from $Poll"
    }
}

Describe 'Rate-limit messages fit what was chosen' {
    BeforeAll {
        # Looks EmulatedUser up through the read API asked for, its request meeting $Fault; returns the one RateLimited message.
        function Get-RateLimitedMessage([string] $Api, [hashtable] $Fault, [hashtable] $Parameters = @{}) {
            Use-ReadApi $Api
            Add-EmulatorFault $emulator $Fault
            $figures.faultsInjected++
            $result = Invoke-Captured { Get-ProfileUser EmulatedUser -ReadApiVersion $Api @Parameters }
            $result.Errors | Should -HaveCount 1
            (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'RateLimited'
            $result.Errors[0].Exception.Message
        }
    }

    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'does not advise -RateLimitAction Wait when Wait was chosen and the window is too far; a reset <Days> day(s) away shows <Shows> (v<Api> lookup)' -ForEach @(
        foreach ($read in $reads) {
            @{ Days = 2; Shows = 'its date'; Api = $read.Api; Lookup = $read.ByName }
            @{ Days = 30; Shows = 'its date'; Api = $read.Api; Lookup = $read.ByName }
        }
    ) {
        Start-ReliabilityCase $figures "RateLimited with Wait, reset in $Days days, v$Api"
        $seconds = $Days * 86400
        $message = Get-RateLimitedMessage $Api @{ pathPrefix = $Lookup; status = 429; rateLimitReset = $true; rateLimitResetSeconds = $seconds } @{ RateLimitAction = 'Wait'; MaxRateLimitWait = '00:00:05' }
        $message | Should -Not -BeLike '*Use -RateLimitAction Wait*'
        $message | Should -BeLike '*-MaxRateLimitWait*'
        $message | Should -BeLike "*$((Get-Date).AddSeconds($seconds).ToString('yyyy-MM-dd'))*"
        Get-FaultedRequest $Lookup | Should -HaveCount 1
        Complete-ReliabilityCase $figures "RateLimited with Wait, reset in $Days days, v$Api"
    }

    It 'advises -RateLimitAction Wait when it was not chosen, with the time of a reset within the day (v<Api> lookup)' -ForEach @(
        foreach ($read in $reads) { @{ Api = $read.Api; Lookup = $read.ByName } }
    ) {
        Start-ReliabilityCase $figures "RateLimited without Wait, v$Api"
        $message = Get-RateLimitedMessage $Api @{ pathPrefix = $Lookup; status = 429; rateLimitReset = $true; rateLimitResetSeconds = 600 }
        $message | Should -BeLike '*Use -RateLimitAction Wait*'
        $message | Should -Match 'resets at \d\d:\d\d:\d\d\.'
        Get-FaultedRequest $Lookup | Should -HaveCount 1
        Complete-ReliabilityCase $figures "RateLimited without Wait, v$Api"
    }

    It 'says the limit was reached again after a wait, without advising Wait (v<Api> lookup)' -ForEach @(
        foreach ($read in $reads) { @{ Api = $read.Api; Lookup = $read.ByName } }
    ) {
        Start-ReliabilityCase $figures "RateLimited again after waiting, v$Api"
        $message = Get-RateLimitedMessage $Api @{ pathPrefix = $Lookup; status = 429; count = 2; retryAfterSeconds = 1; rateLimitReset = $false } @{ RateLimitAction = 'Wait'; MaxRateLimitWait = '00:00:10' }
        $message | Should -BeLike '*reached again after waiting*'
        $message | Should -Not -BeLike '*Use -RateLimitAction Wait*'
        Get-FaultedRequest $Lookup | Should -HaveCount 2 -Because 'it waited once and asked again'
        Complete-ReliabilityCase $figures "RateLimited again after waiting, v$Api"
    }
}

Describe 'The service''s own text in messages' {
    BeforeDiscovery {
        $texts = @(
            @{ Case = 'ESC sequences (clear screen, window title)'; Text = "`e[2J`e]0;pwned`a gone" }
            @{ Case = 'CR LF forging a line'; Text = "bad`r`nWARNING: your account is locked" }
            @{ Case = 'a C1 CSI and a right-to-left override'; Text = "x`u{9B}31m y`u{202E}gnp.exe" }
        )
        # Where the service's words reach a message: a v1.1 error body, a v2 problem's title and detail, and the detail
        # of a v2 lookup's error item (a user not found).
        $shapes = @(
            @{ Shape = 'a v1.1 error body'; Api = '1.1'; Lookup = '/1.1/users/lookup.json'; Status = 400
                Body = { param($text) @{ errors = @(@{ code = 0; message = $text }) } } }
            @{ Shape = 'a v2 problem''s title and detail'; Api = '2'; Lookup = '/2/users/by/username/'; Status = 400
                Body = { param($text) @{ title = $text; detail = "detail: $text"; type = 'about:blank'; status = 400 } } }
            @{ Shape = 'a v2 lookup''s error item'; Api = '2'; Lookup = '/2/users/by/username/'; Status = 200
                Body = { param($text) @{ errors = @(@{ value = 'EmulatedUser'; detail = $text; title = 'Not Found Error'; resource_type = 'user'; parameter = 'username'
                                resource_id = 'EmulatedUser'; type = 'https://api.x.com/2/problems/resource-not-found' }) } } }
        )
        $textCases = foreach ($shape in $shapes) { foreach ($text in $texts) { $shape + $text } }
    }

    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'escapes <Case> in <Shape>' -ForEach $textCases {
        Start-ReliabilityCase $figures "service text: $Case in $Shape"
        Use-ReadApi $Api
        $body = & $Body $Text | ConvertTo-Json -Compress -Depth 4
        Add-EmulatorFault $emulator @{ pathPrefix = $Lookup; status = $Status; body = $body }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser -ReadApiVersion $Api }
        $result.Errors | Should -HaveCount 1
        $message = $result.Errors[0].Exception.Message
        $message | Should -Not -Match '[\x00-\x1F\x7F-\x9F\u202A-\u202E]' -Because 'no control character of the service reaches the terminal'
        $message | Should -BeLike '*\u00*'
        $message | Should -Match '[^.]\.$'
        Get-FaultedRequest $Lookup | Should -HaveCount 1
        Complete-ReliabilityCase $figures "service text: $Case in $Shape"
    }

    It 'names the operation plainly: <Call> (v<Api>, HTTP <Status>)' -ForEach @(
        foreach ($read in $reads) {
            # v1.1 users/lookup answering 404 without code 17 is a failed request; in v2 a 404 means no such user, so
            # the failed request is a 503 there.
            $status = if ($read.Api -eq '1.1') { 404 } else { 503 }
            @{ Call = 'Get-ProfileUser -UserId 1000001'; Api = $read.Api; Status = $status; Lookup = $read.ById; Run = { Get-ProfileUser -UserId 1000001 -ReadApiVersion $Api }; Like = 'Look up user id 1000001 failed*' }
            @{ Call = 'Get-ProfileUser EmulatedUser'; Api = $read.Api; Status = $status; Lookup = $read.ByName; Run = { Get-ProfileUser EmulatedUser -ReadApiVersion $Api }; Like = 'Look up @EmulatedUser failed*' }
        }
        @{ Call = 'Get-ProfileUser -UserId 1000001'; Api = '2'; Status = 404; Lookup = '/2/users/1000001'; Run = { Get-ProfileUser -UserId 1000001 }; Like = 'No user with id 1000001 was found*' }
        @{ Call = 'Get-ProfileUser EmulatedUser'; Api = '2'; Status = 404; Lookup = '/2/users/by/username/'; Run = { Get-ProfileUser EmulatedUser }; Like = 'No user @EmulatedUser was found*' }
    ) {
        Start-ReliabilityCase $figures "operation wording: $Call, v$Api, HTTP $Status"
        Use-ReadApi $Api
        Add-EmulatorFault $emulator @{ pathPrefix = $Lookup; status = $Status }
        $figures.faultsInjected++
        $result = Invoke-Captured $Run
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].Exception.Message | Should -BeLike $Like
        $result.Errors[0].Exception.Message | Should -Not -BeLike '*user user*'
        Get-FaultedRequest $Lookup | Should -HaveCount 1
        Complete-ReliabilityCase $figures "operation wording: $Call, v$Api, HTTP $Status"
    }
}

Describe 'Answers that are partly unusable' {
    BeforeEach {
        Reset-Emulator $emulator
        Clear-EmulatorRequest $emulator
    }

    # The sizes of users/profile_banner are a v1.1 answer: in v2 the sizes come from profile_banner_url by the URL rule,
    # so there only the URL itself can be unusable (the cases after these).
    It 'skips a banner size with <Case>, with a verbose line, and outputs the rest (v1.1 users/profile_banner)' -ForEach @(
        @{ Case = 'a width beyond a 32-bit number'; Bad = '{"w":99999999999,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'a negative width'; Bad = '{"w":-1500,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'a width of 0'; Bad = '{"w":0,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'a fractional width'; Bad = '{"w":1500.5,"h":500,"url":"https://pbs.twimg.com/profile_banners/1/2/1500x500"}' }
        @{ Case = 'no url'; Bad = '{"w":1500,"h":500}' }
    ) {
        Start-ReliabilityCase $figures "banner size with $Case"
        Use-ReadApi '1.1'
        $body = '{"sizes":{"web":{"w":520,"h":260,"url":"https://pbs.twimg.com/profile_banners/1/2/web"},"1500x500":' + $Bad + '}}'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/profile_banner.json'; status = 200; body = $body }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileBanner -ScreenName EmulatedUser -ReadApiVersion 1.1 -Verbose 4>&1 }
        $result.Errors | Should -HaveCount 0
        $variants = @($result.Output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $variants | Should -HaveCount 1
        $variants[0].Name | Should -Be 'web'
        @($result.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like "*'1500x500' is left out*" }) | Should -HaveCount 1
        Get-FaultedRequest '/1.1/users/profile_banner.json' | Should -HaveCount 1
        Complete-ReliabilityCase $figures "banner size with $Case"
    }

    It 'is an UnexpectedResponse when no banner size is usable (v1.1 users/profile_banner)' {
        Start-ReliabilityCase $figures 'no usable banner size'
        Use-ReadApi '1.1'
        Add-EmulatorFault $emulator @{ pathPrefix = '/1.1/users/profile_banner.json'; status = 200; body = '{"sizes":{"web":{"w":-1,"h":260,"url":"https://pbs.twimg.com/profile_banners/1/2/web"}}}' }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileBanner -ScreenName EmulatedUser -ReadApiVersion 1.1 }
        $result.Errors | Should -HaveCount 1
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'UnexpectedResponse'
        $result.Output | Should -HaveCount 0
        Get-FaultedRequest '/1.1/users/profile_banner.json' | Should -HaveCount 1
        Complete-ReliabilityCase $figures 'no usable banner size'
    }

    It 'Save-ProfileMedia names a profile_banner_url that is not http(s) from a v<Api> lookup instead of saving nothing in silence: <Url>' -ForEach @(
        foreach ($read in $reads) {
            foreach ($url in 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://pbs.twimg.com/profile_banners/1000001/1') {
                @{ Url = $url; Api = $read.Api; Lookup = $read.ByName }
            }
        }
    ) {
        Start-ReliabilityCase $figures "banner URL $Url in a v$Api user"
        $user = Get-ProfileUser EmulatedUser
        Use-ReadApi $Api
        # The user as each API words it: a users/lookup array of v1.1 objects, or a v2 {"data":{...}}.
        $body = if ($Api -eq '1.1') {
            ConvertTo-Json -Compress -InputObject @(@{ id_str = $user.UserId; screen_name = $user.ScreenName; profile_image_url_https = $user.ProfileImageUrlHttps; profile_banner_url = $Url })
        }
        else {
            @{ data = @{ id = $user.UserId; username = $user.ScreenName; profile_image_url = $user.ProfileImageUrlHttps; profile_banner_url = $Url } } | ConvertTo-Json -Compress
        }
        Add-EmulatorFault $emulator @{ pathPrefix = $Lookup; status = 200; body = $body }
        $figures.faultsInjected++
        $destination = Join-Path $folder "banner-$([guid]::NewGuid().ToString('N'))"
        $result = Invoke-Captured { Get-ProfileUser EmulatedUser -ReadApiVersion $Api | Save-ProfileMedia -Destination $destination -ImageSize normal -BannerSize web }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'UrlNotAbsoluteHttp'
        $result.Errors[0].Exception.Message | Should -BeLike '*profile banner URL of @EmulatedUser*'
        $result.Output | Should -HaveCount 1 -Because 'the image is still saved'
        Get-FaultedRequest $Lookup | Should -HaveCount 1
        Complete-ReliabilityCase $figures "banner URL $Url in a v$Api user"
    }

    It 'Get-ProfileBanner -ScreenName over v2 is an UnexpectedResponse naming a profile_banner_url that is not http(s): <Url>' -ForEach @(
        @{ Url = 'javascript:alert(1)' }
        @{ Url = 'file:///etc/passwd' }
        @{ Url = 'ftp://pbs.twimg.com/profile_banners/1000001/1' }
    ) {
        Start-ReliabilityCase $figures "banner URL $Url in Get-ProfileBanner over v2"
        $user = Get-ProfileUser EmulatedUser
        $body = @{ data = @{ id = $user.UserId; username = $user.ScreenName; profile_image_url = $user.ProfileImageUrlHttps; profile_banner_url = $Url } } | ConvertTo-Json -Compress
        Add-EmulatorFault $emulator @{ pathPrefix = '/2/users/by/username/'; status = 200; body = $body }
        $figures.faultsInjected++
        $result = Invoke-Captured { Get-ProfileBanner -ScreenName EmulatedUser }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors | Should -HaveCount 1
        (Get-ErrorIdParts $result.Errors[0]).Id | Should -Be 'UnexpectedResponse'
        $result.Errors[0].Exception.Message | Should -BeLike "*@EmulatedUser*profile_banner_url*'$Url'*"
        $result.Output | Should -HaveCount 0 -Because 'a banner that cannot be named is not a banner'
        Get-FaultedRequest '/2/users/by/username/' | Should -HaveCount 1
        Complete-ReliabilityCase $figures "banner URL $Url in Get-ProfileBanner over v2"
    }
}
