# The memory bound ConvertTo-ProfileImage's help states for a picture decoded whole (issue 17: a 36 MP PNG under the
# 40 MP limit peaked at 542 MB in 0.2.0): the decoded bitmap (4 bytes a pixel), plus the file, plus 64 MiB for the first
# scaling step, over what the process held before. Measured in a fresh PowerShell of its own, so that nothing this test
# run holds counts, from the kernel's own high-water mark of resident memory (VmHWM), which only Linux gives this way.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/TestPictures.ps1"
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-memory-$([guid]::NewGuid())")
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force
}

Describe 'ConvertTo-ProfileImage memory' {
    It 'prepares a 36-megapixel PNG within the memory the help states (bitmap + file + 64 MiB)' -Skip:(-not $IsLinux) {
        $width, $height = 7350, 4900
        $big = New-TestPicture -Path (Join-Path $folder 'photo-36mp.png') -Width $width -Height $height -Photo
        $small = New-TestPicture -Path (Join-Path $folder 'warm-up.png') -Width 600 -Height 400
        $child = Join-Path $folder 'Measure-Convert.ps1'
        Set-Content -LiteralPath $child -Value @'
param([string] $Manifest, [string] $Small, [string] $Big, [string] $Destination)
$ErrorActionPreference = 'Stop'
function Get-StatusBytes([string] $Name) { 1KB * [long](((Get-Content -LiteralPath /proc/self/status) -match "^${Name}:")[0] -replace '\D', '') }
Import-Module $Manifest
# A small picture first: loading the image library and compiling the fitting code is the runtime, not this picture.
$null = ConvertTo-ProfileImage -Path $Small -Destination $Destination
[GC]::Collect()
# Start the high-water mark afresh at what is resident now (Linux 4.0 and later), so start-up peaks do not count.
[IO.File]::WriteAllText('/proc/self/clear_refs', '5')
$before = Get-StatusBytes VmRSS
$result = ConvertTo-ProfileImage -Path $Big -Destination $Destination
[pscustomobject]@{ Before = $before; Peak = (Get-StatusBytes VmHWM); Width = $result.Width; Height = $result.Height } | ConvertTo-Json -Compress
'@
        # The same PowerShell as this run, started afresh: pwsh itself, or dotnet with pwsh.dll as the local tool runs it.
        $runtime = [Environment]::ProcessPath
        [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($runtime) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
        $output = & $runtime @prefix -NoProfile -NonInteractive -File $child -Manifest (Resolve-Path $script:ModuleManifest).Path `
            -Small $small.FullName -Big $big.FullName -Destination $folder.FullName
        $LASTEXITCODE | Should -Be 0 -Because "the child said: $output"
        $measured = $output | Select-Object -Last 1 | ConvertFrom-Json

        ($measured.Width, $measured.Height) | Should -Be @(400, 400)
        $bitmap = 4L * $width * $height
        $bound = $measured.Before + $bitmap + $big.Length + 64MB
        $measured.Peak | Should -BeLessOrEqual $bound -Because (
            'the help bounds it: {0:0} MiB resident before + bitmap {1:0} MiB + file {2:0} MiB + 64 MiB = {3:0} MiB; the peak was {4:0} MiB' -f
            ($measured.Before / 1MB), ($bitmap / 1MB), ($big.Length / 1MB), ($bound / 1MB), ($measured.Peak / 1MB))
        Write-Host ('    36 MP PNG ({0:0} MiB file): {1:0} MiB resident before, peak {2:0} MiB, bound {3:0} MiB' -f
            ($big.Length / 1MB), ($measured.Before / 1MB), ($measured.Peak / 1MB), ($bound / 1MB))
    }
}
