# ConvertTo-ProfileImage against the built module: files written atomically where -Destination says, the shape, size,
# format and limit of what is written, and the errors for pictures that cannot be prepared. The pixel-level rules
# (orientation, metadata, quality steps) are tested in xunit (tests/ProfileMedia.Imaging.Tests).

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/TestPictures.ps1"
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "pm-convert-$([guid]::NewGuid())")
    $photo = New-TestPicture -Path (Join-Path $folder 'photo.png') -Width 1200 -Height 900
    $noise = New-TestPicture -Path (Join-Path $folder 'noise.png') -Width 1000 -Height 1000 -Noise
    $holed = New-TestPicture -Path (Join-Path $folder 'holed.png') -Width 600 -Height 600 -Hole
    function New-Destination { New-Item -ItemType Directory -Path (Join-Path $folder ([guid]::NewGuid().ToString('n'))) }
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force
}

Describe 'ConvertTo-ProfileImage' {
    It 'writes a 400x400 avatar JPEG named after the source, and says what it did' {
        $out = New-Destination
        $result = ConvertTo-ProfileImage -Path $photo.FullName -Destination $out.FullName

        $result.PSObject.TypeNames[0] | Should -Be 'ProfileMedia.PreparedImage'
        $result.Path | Should -Be (Join-Path $out.FullName 'photo.avatar.jpg')
        $result.Crop | Should -Be '900x900+150+0'
        ($result.SourceWidth, $result.SourceHeight, $result.Width, $result.Height, $result.Format, $result.Quality) | Should -Be @(1200, 900, 400, 400, 'JPEG', 90)
        $header = Get-PictureHeaderSize $result.Path
        ($header.Format, $header.Width, $header.Height) | Should -Be @('JPEG', 400, 400)
        (Get-Item -LiteralPath $result.Path).Length | Should -Be $result.Length
        @(Get-ChildItem -LiteralPath $out.FullName -Force).Name | Should -Be @('photo.avatar.jpg') # no temporary file left
    }

    It 'writes a 1500x500 banner under 5 MB from a picture far over the avatar limit' {
        $noise.Length | Should -BeGreaterThan 716800
        $result = $noise | ConvertTo-ProfileImage -Destination (New-Destination).FullName -Target Banner
        ($result.Width, $result.Height, $result.Crop) | Should -Be @(1000, 333, '1000x333+0+333') # never scaled up
        $result.Length | Should -BeLessOrEqual 5242880
    }

    It 'keeps PNG for a picture with transparency' {
        $result = ConvertTo-ProfileImage -LiteralPath $holed.FullName -Destination (New-Destination).FullName
        $result.Path | Should -BeLike '*holed.avatar.png'
        (Get-PictureHeaderSize $result.Path).Format | Should -Be 'PNG'
    }

    It 'writes to a file name that says the format, and refuses one that does not' {
        $out = New-Destination
        (ConvertTo-ProfileImage $photo.FullName -Destination (Join-Path $out 'me.jpeg')).Path | Should -Be (Join-Path $out.FullName 'me.jpeg')
        ConvertTo-ProfileImage $photo.FullName -Destination (Join-Path $out 'me.png') -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'DestinationFormatMismatch,ProfileMedia.Commands.ConvertToProfileImageCommand'
        Join-Path $out 'me.png' | Should -Not -Exist
    }

    It 'leaves an existing file alone without -Force and replaces it with -Force' {
        $out = New-Destination
        $existing = Join-Path $out 'photo.avatar.jpg'
        Set-Content -LiteralPath $existing -Value 'keep me'
        ConvertTo-ProfileImage $photo.FullName -Destination $out.FullName -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'FileExists,ProfileMedia.Commands.ConvertToProfileImageCommand'
        Get-Content -LiteralPath $existing | Should -Be 'keep me'

        $null = ConvertTo-ProfileImage $photo.FullName -Destination $out.FullName -Force
        (Get-PictureHeaderSize $existing).Width | Should -Be 400
        @(Get-ChildItem -LiteralPath $out.FullName -Force) | Should -HaveCount 1
    }

    It 'writes nothing with -WhatIf' {
        $out = New-Destination
        ConvertTo-ProfileImage $photo.FullName -Destination $out.FullName -WhatIf | Should -BeNullOrEmpty
        @(Get-ChildItem -LiteralPath $out.FullName -Force) | Should -HaveCount 0
    }

    It 'refuses <Case>, naming it, and goes on with the next file' -TestCases @(
        @{ Case = 'a truncated picture'; Make = { $p = Join-Path $folder 'cut.png'; [IO.File]::WriteAllBytes($p, [IO.File]::ReadAllBytes($photo.FullName)[0..9999]); $p }; ErrorId = 'TruncatedImage' }
        @{ Case = 'a decompression bomb'; Make = { (New-DeclaredOnlyPicture -Path (Join-Path $folder 'bomb.png')).FullName }; ErrorId = 'ImageTooManyPixels' }
        @{ Case = 'text named .jpg'; Make = { $p = Join-Path $folder 'text.jpg'; Set-Content -LiteralPath $p -Value 'not a picture'; $p }; ErrorId = 'UnsupportedImageFormat' }
        @{ Case = 'a missing file'; Make = { Join-Path $folder 'missing.png' }; ErrorId = 'ImageFileNotFound' }
        @{ Case = 'a JPEG declaring 10000x9999 that holds 16x16'; Make = { (New-DamagedJpeg -Path (Join-Path $folder 'liar.jpg') -Kind DeclaresMore).FullName }; ErrorId = 'CorruptImage' }
        @{ Case = 'a JPEG with 2 KB of scan data overwritten'; Make = { (New-DamagedJpeg -Path (Join-Path $folder 'scratched.jpg') -Kind Scratched).FullName }; ErrorId = 'CorruptImage' }
        @{ Case = 'a JPEG declaring 65535x65535'; Make = { (New-DamagedJpeg -Path (Join-Path $folder 'huge.jpg') -Kind DeclaresMore -Width 65535 -Height 65535).FullName }; ErrorId = 'ImageTooManyPixels' }
    ) {
        $bad = & $Make
        $out = New-Destination
        $results = @($bad, $photo.FullName | ConvertTo-ProfileImage -Destination $out.FullName -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,ProfileMedia.Commands.ConvertToProfileImageCommand"
        $problems[0].TargetObject | Should -Be $bad
        $results.Path | Should -Be @(Join-Path $out.FullName 'photo.avatar.jpg')
        @(Get-ChildItem -LiteralPath $out.FullName -Force) | Should -HaveCount 1
    }

    It 'says the disk is full, naming the folder, leaves nothing on it, and writes the next picture that fits' {
        $id = if ($IsLinux) { id -u } else { $null }
        if ($id -ne '0') { Set-ItResult -Skipped -Because 'a full disk is a small tmpfs, which needs Linux and root to mount'; return }
        $disk = New-Destination
        $null = mount -t tmpfs -o size=64k tmpfs $disk.FullName 2>&1
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because "a tmpfs could not be mounted here (exit code $LASTEXITCODE)"; return }
        try {
            ConvertTo-ProfileImage $noise.FullName -Destination $disk.FullName -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -Be 'DiskFull,ProfileMedia.Commands.ConvertToProfileImageCommand'
            $problems[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $problems[0].Exception.Message | Should -BeLike "*'$($disk.FullName)*' is full*"
            @(Get-ChildItem -LiteralPath $disk.FullName -Force) | Should -HaveCount 0

            (ConvertTo-ProfileImage $photo.FullName -Destination $disk.FullName).Path | Should -Exist
            @(Get-ChildItem -LiteralPath $disk.FullName -Force).Name | Should -Be @('photo.avatar.jpg')
        }
        finally {
            umount $disk.FullName
        }
    }

    It 'refuses to write over its own source, <Case>, with -Force too' -TestCases @(
        @{ Case = 'named the same'; Source = 'photo.jpg'; Destination = 'photo.jpg' }
        @{ Case = 'through a symbolic link to the source'; Source = 'photo.jpg'; Destination = 'link.jpg' }
        @{ Case = 'from a symbolic link onto its target'; Source = 'link.jpg'; Destination = 'photo.jpg' }
        @{ Case = 'through a hard link'; Source = 'photo.jpg'; Destination = 'hard.jpg' }
        @{ Case = 'through a linked folder'; Source = 'photo.jpg'; Destination = 'again/photo.jpg' }
    ) {
        $out = New-Destination
        $original = Join-Path $out 'photo.jpg'
        Copy-Item -LiteralPath (ConvertTo-ProfileImage $noise.FullName -Destination $out.FullName).Path -Destination $original
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $out 'link.jpg') -Target $original
        $null = New-Item -ItemType HardLink -Path (Join-Path $out 'hard.jpg') -Target $original
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $out 'again') -Target $out.FullName
        $before = (Get-FileHash -LiteralPath $original).Hash

        ConvertTo-ProfileImage -LiteralPath (Join-Path $out $Source) -Destination (Join-Path $out $Destination) -Force -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'DestinationIsSource,ProfileMedia.Commands.ConvertToProfileImageCommand'
        $problems[0].Exception.Message | Should -BeLike "*$Destination*"
        (Get-FileHash -LiteralPath $original).Hash | Should -Be $before
        @(Get-ChildItem -LiteralPath $out.FullName -Force -Filter '.*') | Should -HaveCount 0 # no temporary file left
    }

    It 'refuses <Case> with the same check and id as a plain upload, and goes on with the next file' -TestCases @(
        @{ Case = 'a directory'; Make = { $folder.FullName }; ErrorId = 'ImageFileIsDirectory'; Unix = $false }
        @{ Case = '/dev/zero'; Make = { '/dev/zero' }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
        @{ Case = 'a FIFO'; Make = { $p = Join-Path $folder "fifo-$([guid]::NewGuid().ToString('n'))"; mkfifo $p; $p }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
        @{ Case = 'a /proc file'; Make = { '/proc/self/status' }; ErrorId = 'ImageFileNotRegular'; Unix = $true }
        @{ Case = 'an empty file'; Make = { $p = Join-Path $folder 'empty.jpg'; $null = New-Item -ItemType File -Path $p -Force; $p }; ErrorId = 'ImageFileEmpty'; Unix = $false }
    ) {
        if ($Unix -and -not $IsLinux) { Set-ItResult -Skipped -Because 'devices, FIFOs and /proc as tested here are Linux things'; return }
        $bad = & $Make
        $out = New-Destination
        $results = @(ConvertTo-ProfileImage -LiteralPath $bad -Destination $out.FullName -ErrorVariable problems -ErrorAction SilentlyContinue
            ConvertTo-ProfileImage -LiteralPath $photo.FullName -Destination $out.FullName)
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,ProfileMedia.Commands.ConvertToProfileImageCommand"
        $problems[0].Exception.Message | Should -BeLike "*$bad*"
        $results.Path | Should -Be @(Join-Path $out.FullName 'photo.avatar.jpg')
    }

    It 'refuses -Destination <Destination> (<Why>) as Save-ProfileMedia does, with InvalidDestination, writing nothing' -TestCases @(
        @{ Destination = '\\server\share'; Why = 'UNC-looking on a system without UNC'; UncOnly = $true }
        @{ Destination = 'Env:\'; Why = 'another provider'; UncOnly = $false }
        @{ Destination = '   '; Why = 'white space'; UncOnly = $false }
    ) {
        if ($UncOnly -and $IsWindows) { Set-ItResult -Skipped -Because 'Windows has UNC paths'; return }
        $saveError = { $null | Save-ProfileMedia -Destination $Destination } | Should -Throw -PassThru
        $convertError = { ConvertTo-ProfileImage $photo.FullName -Destination $Destination } | Should -Throw -PassThru
        $convertError.FullyQualifiedErrorId | Should -Be 'InvalidDestination,ProfileMedia.Commands.ConvertToProfileImageCommand'
        $convertError.Exception.Message | Should -Be $saveError.Exception.Message
        Join-Path $PWD 'server' | Should -Not -Exist
    }

    It 'refuses a crop region outside the picture' {
        ConvertTo-ProfileImage $photo.FullName -Destination (New-Destination).FullName -CropRegion 1000, 0, 400, 400 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidCropRegion,ProfileMedia.Commands.ConvertToProfileImageCommand'
        $problems[0].Exception.Message | Should -BeLike '*400x400+1000+0*1200x900*'
    }
}

Describe 'Loading the image library' {
    BeforeAll {
        # A fresh pwsh: this test process has prepared pictures already.
        function Invoke-FreshPwsh([string] $Command) {
            $output = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $Command 2>&1
            ($output | Out-String) | ConvertFrom-Json
        }
        $manifest = "'" + $ModuleManifest.Replace("'", "''") + "'"
        $moduleFolder = (Resolve-Path -LiteralPath (Split-Path $ModuleManifest)).ProviderPath
        $source = "'" + $photo.FullName.Replace("'", "''") + "'"
        $probe = '[pscustomobject]@{ Loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in ''SkiaSharp'', ''ProfileMedia.Imaging'' } | ForEach-Object { [pscustomobject]@{ Name = $_.GetName().Name; Context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().Name; Location = $_.Location } }); Native = @(Get-Content /proc/self/maps -ErrorAction Ignore | Where-Object { $_ -match ''libSkiaSharp'' } | ForEach-Object { ($_ -split ''\s+'', 6)[5] } | Select-Object -Unique) }'
    }

    It 'is not loaded by Import-Module nor by a URL cmdlet, and is loaded into the module''s own context when a picture is prepared' {
        $out = Join-Path $folder ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $out
        $state = Invoke-FreshPwsh "`$ErrorActionPreference = 'Stop'
            Import-Module $manifest
            `$afterImport = $probe
            `$null = Get-ProfileImageVariant 'https://pbs.twimg.com/profile_images/1/x_normal.jpg' -Size bigger
            `$afterUrl = $probe
            `$null = ConvertTo-ProfileImage $source -Destination '$out'
            `$afterFit = $probe
            [pscustomobject]@{ Import = `$afterImport; Url = `$afterUrl; Fit = `$afterFit } | ConvertTo-Json -Depth 5"

        $state.Import.Loaded | Should -BeNullOrEmpty
        $state.Import.Native | Should -BeNullOrEmpty
        $state.Url.Loaded | Should -BeNullOrEmpty
        $state.Fit.Loaded.Name | Sort-Object | Should -Be @('ProfileMedia.Imaging', 'SkiaSharp')
        $state.Fit.Loaded.Context | Should -Be @('ImagingLoadContext', 'ImagingLoadContext')
        $state.Fit.Loaded.Location | ForEach-Object { $_ | Should -BeLike (Join-Path $moduleFolder 'imaging/*') }
        if ($IsLinux) { $state.Fit.Native | Should -Be @(Join-Path $moduleFolder 'imaging/runtimes/linux-x64/native/libSkiaSharp.so') }
    }

    It 'does not clash with another copy of SkiaSharp already loaded by someone else' {
        $other = Join-Path $folder 'OtherModule'
        $null = New-Item -ItemType Directory -Path $other -Force
        Copy-Item -LiteralPath (Join-Path $moduleFolder 'imaging/SkiaSharp.dll') -Destination $other
        $out = Join-Path $folder ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $out
        $state = Invoke-FreshPwsh "`$ErrorActionPreference = 'Stop'
            `$foreign = [Reflection.Assembly]::LoadFrom('$other/SkiaSharp.dll')
            Import-Module $manifest
            `$written = ConvertTo-ProfileImage $source -Destination '$out'
            `$after = $probe
            [pscustomobject]@{ Foreign = `$foreign.Location; Written = `$written.Width; After = `$after } | ConvertTo-Json -Depth 5"

        $state.Written | Should -Be 400
        $skia = @($state.After.Loaded | Where-Object Name -EQ 'SkiaSharp')
        $skia | Should -HaveCount 2
        ($skia | Where-Object Context -EQ 'ImagingLoadContext').Location | Should -BeLike (Join-Path $moduleFolder 'imaging/*')
        ($skia | Where-Object Context -NE 'ImagingLoadContext').Location | Should -Be $state.Foreign
    }
}
