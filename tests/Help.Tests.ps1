# The help that ships in the built module: every cmdlet and parameter documented, the examples run as written, the about
# topic found, and tools/New-ProfileMediaHelp.ps1 refuses incomplete docs. See docs/README.md.
#
# The examples run as a reader would run them after connecting: against the emulator, with the PROFILEMEDIA_*
# environment variables set to its account EmulatedUser and the session connected, each from a fresh folder that holds
# avatar.png, banner.png and user.json, with the emulator reset before each one.

BeforeDiscovery {
    . "$PSScriptRoot/common.ps1"
    # An example that needs the credentials of a real account is listed but not run.
    $skipMarker = '# requires credentials'
    $common = [System.Management.Automation.Cmdlet]::CommonParameters

    $commands = foreach ($command in Get-Command -Module ProfileMedia -CommandType Cmdlet | Sort-Object Name) {
        $help = Get-Help $command.Name -Full
        # A cmdlet declared to output nothing (Set-ProfileBanner, Remove-ProfileBanner) may have examples that show nothing.
        $outputsNothing = -not @($command.OutputType | Where-Object { $_.Type -ne [void] })
        $number = 0
        $examples = @(foreach ($example in @($help.examples.example | Where-Object { $_ })) {
                $number++
                $code = [string] $example.code
                @{
                    Number      = $number
                    Title       = ([string] $example.title).Trim(' -')
                    Code        = $code
                    SkipMarker  = if ($code -match "(?m)^\s*$([regex]::Escape($skipMarker))\s*$") { $skipMarker }
                    # -WhatIf writes its message to the host, not to the pipeline.
                    MayBeSilent = $outputsNothing -or $code -match '-WhatIf\b'
                }
            })
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Keys | Where-Object { -not $common.Contains($_) } | Sort-Object)
            Examples   = $examples
        }
    }
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $repositoryRoot = Split-Path $PSScriptRoot
    $moduleFolder = Split-Path $ModuleManifest
    $common = [System.Management.Automation.Cmdlet]::CommonParameters

    function Get-ParagraphText($Node) {
        # maml paragraphs come back as objects with a Text property, or as plain strings.
        ((@($Node) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n").Trim()
    }

    # The examples' world: the emulator, the environment variables a reader sets for Connect-ProfileMedia, a connection.
    $emulator = Start-ProfileMediaEmulator -ProcessingDelayMs 200
    $account = Get-EmulatorAccount $emulator
    $exampleEnvironment = [ordered]@{
        PROFILEMEDIA_CONSUMER_KEY        = $account.consumerKey
        PROFILEMEDIA_CONSUMER_SECRET     = $account.consumerSecret
        PROFILEMEDIA_ACCESS_TOKEN        = $account.accessToken
        PROFILEMEDIA_ACCESS_TOKEN_SECRET = $account.accessTokenSecret
        PROFILEMEDIA_API_BASE_URI        = $emulator.RootUri.AbsoluteUri
        PROFILEMEDIA_BEARER_TOKEN        = $emulator.BearerToken
    }
    $savedEnvironment = @{}
    foreach ($name in $exampleEnvironment.Keys) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

    # Puts the environment variables and the session's connection back as the examples expect them, whatever the last
    # example changed (it may disconnect, connect with other settings, or change a variable).
    function Initialize-ExampleSession {
        foreach ($entry in $exampleEnvironment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
        Disconnect-ProfileMedia
        Connect-ProfileMedia
    }
    Initialize-ExampleSession

    # Each example runs in a fresh copy of these files, as its current location.
    $examplesRoot = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-help-examples-$([guid]::NewGuid().ToString('n'))")
    $exampleFiles = New-Item -ItemType Directory -Path (Join-Path $examplesRoot 'files')
    $null = New-TestImageFile -Path (Join-Path $exampleFiles 'avatar.png') -Bytes 2048
    $null = New-TestImageFile -Path (Join-Path $exampleFiles 'banner.png') -Bytes 4096
    Copy-Item -LiteralPath (Join-Path $FixturesPath 'users-show.json') -Destination (Join-Path $exampleFiles 'user.json')
}

AfterAll {
    Disconnect-ProfileMedia
    if ($emulator) { Stop-ProfileMediaEmulator $emulator }
    # A variable that was not set is removed again: passing $null to a .NET string parameter would set it to "",
    # which Connect-ProfileMedia rightly calls an empty credential, not a missing one.
    foreach ($entry in $savedEnvironment.GetEnumerator()) {
        if ($null -eq $entry.Value) { Remove-Item "env:$($entry.Key)" -ErrorAction Ignore } else { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
    }
    if ($examplesRoot) { Remove-Item -LiteralPath $examplesRoot -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
    }

    It 'has a synopsis of its own, not the syntax Get-Help makes up without a help file' {
        $synopsis = ([string] $help.Synopsis).Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)"
    }

    It 'has a description' {
        Get-ParagraphText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has a syntax item for each parameter set' {
        @($help.syntax.syntaxItem) | Should -HaveCount $command.ParameterSets.Count
    }

    It 'describes -<_>' -ForEach $Parameters {
        $parameter = @($help.parameters.parameter | Where-Object name -EQ $_)
        $parameter | Should -HaveCount 1 -Because "Get-Help $Name should list -$_"
        Get-ParagraphText $parameter[0].description | Should -Not -BeNullOrEmpty -Because "-$_ of $Name needs a description"
    }

    It 'documents no parameter that the cmdlet does not have' {
        $documented = @($help.parameters.parameter.name | Where-Object { -not $common.Contains($_) })
        $documented | Where-Object { $_ -notin $command.Parameters.Keys } | Should -BeNullOrEmpty
    }

    It 'has inputs and outputs' {
        @($help.inputTypes.inputType.type.name | Where-Object { $_ }) | Should -Not -BeNullOrEmpty
        @($help.returnValues.returnValue.type.name | Where-Object { $_ }) | Should -Not -BeNullOrEmpty
    }

    It 'has at least one related link' {
        @($help.relatedLinks.navigationLink | Where-Object { $_.linkText -or $_.uri }) | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples that run as written' {
        $Examples.Count | Should -BeGreaterOrEqual 2
        @($Examples | Where-Object { -not $_.SkipMarker }).Count | Should -BeGreaterOrEqual 2 -Because 'examples marked "# requires credentials" are not run, and each cmdlet needs two that are'
    }

    It 'runs example <Number> as written: <Title>' -ForEach $Examples {
        if ($SkipMarker) { Set-ItResult -Skipped -Because "it is marked '$SkipMarker'"; return }
        Reset-Emulator $emulator
        Initialize-ExampleSession
        $folder = Join-Path $examplesRoot ([guid]::NewGuid().ToString('n'))
        Copy-Item -LiteralPath $exampleFiles -Destination $folder -Recurse
        $block = [scriptblock]::Create($Code)
        Push-Location -LiteralPath $folder
        try {
            $ErrorActionPreference = 'Stop'
            # A child scope, as a user's prompt would be; Out-String runs the formatting too.
            $output = & $block | Out-String
        }
        finally {
            Pop-Location
        }
        if (-not $MayBeSilent) { $output | Should -Not -BeNullOrEmpty -Because 'an example should show something' }
    }
}

Describe 'The about_ProfileMedia topic' {
    It 'ships in the module''s en-US folder' {
        Join-Path $moduleFolder 'en-US/about_ProfileMedia.help.txt' | Should -Exist
    }

    It 'is found by Get-Help and covers connections, credentials, rate limits, retries, the emulator and the URL rules' {
        $text = Get-Help about_ProfileMedia -ErrorAction Stop | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($term in 'Connect-ProfileMedia', 'Disconnect-ProfileMedia', '-PassThru', '-Connection', 'PROFILEMEDIA_CONSUMER_KEY', 'PROFILEMEDIA_ACCESS_TOKEN_SECRET', 'PROFILEMEDIA_API_BASE_URI',
            'x-rate-limit-reset', '-RateLimitAction', '-MaxRateLimitWait', '-MaxRetries', '-RetryBaseDelay', '-Timeout', 'Authorization',
            'ProfileMedia.Emulator', 'EmulatedUser', 'Logo_400x400_normal.png', 'ipad_retina') {
            $text | Should -BeLike "*$term*" -Because "the about topic should cover $term"
        }
    }
}

Describe 'tools/New-ProfileMediaHelp.ps1' {
    BeforeAll {
        $generator = Join-Path $repositoryRoot 'tools/New-ProfileMediaHelp.ps1'
        $docs = Join-Path $repositoryRoot 'docs/en-US'

        # The generator imports the module, so it runs in a fresh pwsh from the same install (pwsh or `dotnet pwsh`).
        function Invoke-Generator([string] $DocsPath, [string] $OutputPath) {
            $pwsh = [Environment]::ProcessPath
            $arguments = @('-NoProfile', '-NonInteractive', '-File', $generator, '-ModulePath', $ModuleManifest, '-DocsPath', $DocsPath, '-OutputPath', $OutputPath)
            if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
            $text = & $pwsh @arguments *>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
        }

        function New-DocsCopy([scriptblock] $Change) {
            $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
            Copy-Item -LiteralPath $docs -Destination $copy -Recurse
            & $Change $copy
            $copy
        }
    }

    It 'builds from docs/en-US exactly the help the module ships' {
        $result = Invoke-Generator $docs (Join-Path $TestDrive 'fresh')
        $result.ExitCode | Should -Be 0 -Because $result.Text
        foreach ($file in 'ProfileMedia.dll-Help.xml', 'about_ProfileMedia.help.txt') {
            $built = Get-Content -LiteralPath (Join-Path $TestDrive "fresh/$file") -Raw
            $built | Should -BeExactly (Get-Content -LiteralPath (Join-Path $moduleFolder "en-US/$file") -Raw) -Because "en-US/$file should be rebuilt from docs/en-US"
        }
    }

    Context 'with incomplete docs' {
        BeforeAll {
            # Every problem in one copy of the docs: the generator reports them all before it fails.
            $broken = New-DocsCopy {
                param($copy)
                Remove-Item -LiteralPath "$copy/Get-ProfileBanner.md"
                $file = "$copy/Get-ProfileImageVariant.md"
                $text = Get-Content -LiteralPath $file -Raw
                $text = $text -replace '(?s)### -Https\r?\n.*?(?=### )', ''                              # a parameter without description
                $text = $text -replace '### -Size', "### -Colour`nA colour.`n`n### -Size"                  # a parameter that does not exist
                $text = $text -replace '## OUTPUTS', '## OUTPUT'                                           # a missing section
                $text = $text -replace '(?s)### Example 2.*?(?=## PARAMETERS)', ''                         # a single example
                Set-Content -LiteralPath $file -Value $text
            }
            $result = Invoke-Generator $broken (Join-Path $TestDrive 'broken')
        }

        It 'exits with an error and writes no help' {
            $result.ExitCode | Should -Not -Be 0
            Join-Path $TestDrive 'broken/ProfileMedia.dll-Help.xml' | Should -Not -Exist
        }

        It 'reports that <Case>' -ForEach @(
            @{ Case = 'a cmdlet has no Markdown file'; Expected = 'Get-ProfileBanner has no help' }
            @{ Case = 'a parameter has no description'; Expected = 'parameter -Https of Get-ProfileImageVariant has no description' }
            @{ Case = 'a described parameter does not exist'; Expected = 'describes -Colour, which Get-ProfileImageVariant does not have' }
            @{ Case = 'a section is missing'; Expected = "has no '## OUTPUTS' section" }
            @{ Case = 'a cmdlet has too few examples'; Expected = 'has 1 example(s); at least 2 are required' }
        ) {
            $result.Text | Should -BeLike "*$Expected*"
        }
    }
}
