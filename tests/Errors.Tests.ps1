BeforeAll {
    . "$PSScriptRoot/common.ps1"

    # Every string literal compiled into an assembly: the user-string heap (what ldstr loads) and the string constants.
    function Get-StringLiteral([string] $Path) {
        $stream = [IO.File]::OpenRead($Path)
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
            $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $handle = [Reflection.Metadata.Ecma335.MetadataTokens]::UserStringHandle(1)
            while (-not $handle.IsNil) {
                $reader.GetUserString($handle)
                $handle = [Reflection.Metadata.Ecma335.MetadataReaderExtensions]::GetNextHandle($reader, $handle)
            }
            $constants = [Reflection.Metadata.Ecma335.MetadataReaderExtensions]::GetTableRowCount($reader, [Reflection.Metadata.Ecma335.TableIndex]::Constant)
            for ($row = 1; $row -le $constants; $row++) {
                $constant = $reader.GetConstant([Reflection.Metadata.Ecma335.MetadataTokens]::ConstantHandle($row))
                if ($constant.TypeCode -eq [Reflection.Metadata.ConstantTypeCode]::String) {
                    $blob = $reader.GetBlobReader($constant.Value)
                    $blob.ReadUTF16($blob.Length)
                }
            }
        }
        finally {
            if ($pe) { $pe.Dispose() }
            $stream.Dispose()
        }
    }

    $script:Module = Get-Module ProfileMedia
    $script:CoreAssembly = [ProfileMedia.ProfileUser].Assembly
    $script:AdviceKind = $CoreAssembly.GetType('ProfileMedia.Core.Errors.AdviceKind', $true)
    $script:AdviceText = [ProfileMedia.Commands.GetProfileUserCommand].Assembly.GetType('ProfileMedia.Errors.AdviceText', $true)
}

Describe 'Core''s messages and the cmdlets'' advice' {
    It 'Core names no cmdlet and no parameter in any string it holds: the cmdlets word what to run' {
        $cmdlets = @(Get-Command -Module ProfileMedia -CommandType Cmdlet)
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $parameters = @($cmdlets.Parameters.Keys + $cmdlets.Parameters.Values.Aliases | Sort-Object -Unique | Where-Object { $_ -notin $common })
        $cmdlets.Count | Should -BeGreaterThan 5
        $parameters | Should -Contain 'RateLimitAction'
        # A cmdlet by name, or a parameter as a user types it: '-Name' after a space, a quote or a bracket.
        $pattern = '(?<![\w-])(' + (($cmdlets.Name | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')(?![\w-])' +
            '|(?<![\w-])-(' + (($parameters | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')\b'
        $literals = @(Get-StringLiteral $CoreAssembly.Location)
        $literals.Count | Should -BeGreaterThan 100 -Because 'the scan reads the strings compiled into Core'
        $naming = @($literals | Where-Object { $_ -cmatch $pattern })
        $naming | Should -BeNullOrEmpty -Because 'Core gives an advice kind, and AdviceText in the cmdlet layer says which cmdlet or parameter'
    }

    It 'words every advice kind in one or more sentences ending in one full stop' {
        $of = $AdviceText.GetMethod('Of', [Reflection.BindingFlags] 'Static, Public, NonPublic')
        foreach ($kind in [Enum]::GetValues($AdviceKind)) {
            if ($kind.ToString() -eq 'None') { continue }
            $text = $of.Invoke($null, @($kind))
            $text | Should -Not -BeNullOrEmpty -Because "$kind has words"
            $text | Should -Match '[^.]\.$' -Because "the words of $kind end in exactly one full stop"
        }
    }

    It 'adds nothing to a problem whose advice kind is None' {
        $append = $AdviceText.GetMethod('Append', [Reflection.BindingFlags] 'Static, Public, NonPublic')
        $append.Invoke($null, @('The value is wrong.', [Enum]::Parse($AdviceKind, 'None'))) | Should -BeExactly 'The value is wrong.'
    }

    It 'words a bare banner URL given for saving with the cmdlet that expands it' {
        $null = 'https://pbs.twimg.com/profile_banners/783214/1611950530' | Save-ProfileMedia -Destination $TestDrive -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BannerUrlWithoutSize,*'
        $problems[0].Exception.Message | Should -BeLike '*is a banner URL without a size. Pipe it through Get-ProfileBanner, which gives one URL per size.'
    }
}
