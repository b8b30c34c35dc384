<#
.SYNOPSIS
    Pictures the Pester tests make themselves (no downloaded images): New-TestPicture writes a PNG of any size, of four
    coloured quadrants or of noise, opaque or with a transparent hole; and PNGs that only declare a size (a bomb).
    Plain PNG written by a small C# writer (PNG needs a CRC per chunk, too slow in a PowerShell loop).
#>
if (-not ('ProfileMediaTests.PngWriter' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.IO.Compression;
namespace ProfileMediaTests {
    public static class PngWriter {
        public static byte[] Picture(int width, int height, bool noise, bool hole, int seed) {
            int channels = hole ? 4 : 3;
            var random = new Random(seed);
            var raw = new byte[(width * channels + 1) * height];
            int i = 0;
            for (int y = 0; y < height; y++) {
                raw[i++] = 0;
                for (int x = 0; x < width; x++) {
                    bool left = x < width / 2, top = y < height / 2;
                    byte r = (byte)(top ? (left ? 220 : 20) : (left ? 20 : 230));
                    byte g = (byte)(top ? (left ? 20 : 200) : (left ? 20 : 230));
                    byte b = (byte)(top ? (left ? 20 : 20) : (left ? 220 : 20));
                    if (noise) { r = (byte)random.Next(256); g = (byte)random.Next(256); b = (byte)random.Next(256); }
                    raw[i++] = r; raw[i++] = g; raw[i++] = b;
                    if (hole) { raw[i++] = (byte)(Math.Abs(x - width / 2) < width / 8 && Math.Abs(y - height / 2) < height / 8 ? 0 : 255); }
                }
            }
            var compressed = new MemoryStream();
            using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, true)) { z.Write(raw, 0, raw.Length); }
            return Png(width, height, hole ? (byte)6 : (byte)2, compressed.ToArray());
        }

        // A photo-like PNG: a diagonal colour gradient with sensor-like grain and the Sub filter a real encoder picks,
        // so it compresses as a camera picture does (a flat or pure-noise picture flatters or punishes the decoder).
        public static byte[] Photo(int width, int height, int seed) {
            // Grain from a table larger than deflate's 32 KiB window, read at a new offset each row: as random as fresh
            // numbers to the compressor, at a fraction of their cost (this picture has 36 million pixels).
            var random = new Random(seed);
            var grain = new sbyte[1 << 20];
            for (int k = 0; k < grain.Length; k++) grain[k] = (sbyte)random.Next(-12, 13);
            var ramp = new int[width + height];
            for (int k = 0; k < ramp.Length; k++) ramp[k] = (int)(255L * k / ramp.Length);
            var raw = new byte[(width * 3 + 1) * height];
            int i = 0;
            for (int y = 0; y < height; y++) {
                raw[i++] = 1; // Sub: each byte minus the same channel of the pixel on its left
                int r0 = 0, g0 = 0, b0 = 0, at = (int)((y * 104729L) & (grain.Length - 1));
                for (int x = 0; x < width; x++) {
                    int t = ramp[x + y], n = grain[(at + x) & (grain.Length - 1)];
                    int r = 40 + t * 3 / 4 + n, g = 90 + (t - 128) / 2 + n, b = 160 - t / 2 + n; // 14..243: no clamping needed
                    raw[i++] = (byte)(r - r0); raw[i++] = (byte)(g - g0); raw[i++] = (byte)(b - b0);
                    r0 = r; g0 = g; b0 = b;
                }
            }
            var compressed = new MemoryStream();
            using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, true)) { z.Write(raw, 0, raw.Length); }
            return Png(width, height, 2, compressed.ToArray());
        }

        // A complete PNG that declares width x height but holds one tiny IDAT: what a decompression bomb's header says.
        public static byte[] DeclaredOnly(int width, int height) {
            var compressed = new MemoryStream();
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, true)) { z.Write(new byte[1024], 0, 1024); }
            return Png(width, height, 6, compressed.ToArray());
        }

        private static byte[] Png(int width, int height, byte colorType, byte[] idat) {
            var output = new MemoryStream();
            output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 0, 8);
            var header = new byte[13];
            Big(header, 0, (uint)width); Big(header, 4, (uint)height); header[8] = 8; header[9] = colorType;
            Chunk(output, "IHDR", header);
            Chunk(output, "IDAT", idat);
            Chunk(output, "IEND", new byte[0]);
            return output.ToArray();
        }

        private static void Chunk(Stream output, string type, byte[] data) {
            var typed = new byte[4 + data.Length];
            for (int k = 0; k < 4; k++) typed[k] = (byte)type[k];
            Buffer.BlockCopy(data, 0, typed, 4, data.Length);
            var number = new byte[4];
            Big(number, 0, (uint)data.Length); output.Write(number, 0, 4);
            output.Write(typed, 0, typed.Length);
            Big(number, 0, Crc(typed)); output.Write(number, 0, 4);
        }

        private static void Big(byte[] b, int at, uint v) { b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v; }

        private static readonly uint[] Table = MakeTable();
        private static uint[] MakeTable() {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++) { uint c = n; for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1; table[n] = c; }
            return table;
        }
        private static uint Crc(byte[] data) { uint c = 0xFFFFFFFF; foreach (byte b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8); return ~c; }
    }
}
'@
}

function New-TestPicture {
    <# Writes a PNG picture and returns its FileInfo: quadrants by default, -Noise (hard to compress: a big file), -Hole (transparent middle), -Photo (gradient and grain: a camera picture's size). #>
    param([Parameter(Mandatory)] [string] $Path, [int] $Width = 1200, [int] $Height = 900, [switch] $Noise, [switch] $Hole, [switch] $Photo, [int] $Seed = 14)
    $bytes = if ($Photo) { [ProfileMediaTests.PngWriter]::Photo($Width, $Height, $Seed) } else { [ProfileMediaTests.PngWriter]::Picture($Width, $Height, $Noise, $Hole, $Seed) }
    [IO.File]::WriteAllBytes($Path, $bytes)
    Get-Item -LiteralPath $Path
}

function New-DeclaredOnlyPicture {
    <# Writes a small, complete PNG whose header declares -Width x -Height (a decompression bomb's header). #>
    param([Parameter(Mandatory)] [string] $Path, [int] $Width = 30000, [int] $Height = 30000)
    [IO.File]::WriteAllBytes($Path, [ProfileMediaTests.PngWriter]::DeclaredOnly($Width, $Height))
    Get-Item -LiteralPath $Path
}

function New-DamagedJpeg {
    <#
    Writes a structurally whole JPEG (every segment, EOI at the end) whose scan data is wrong, made from a JPEG the module
    itself prepared: -Kind DeclaresMore (the header says -Width x -Height, the data holds a 16x16 picture) or Scratched
    (2 KB of the scan data overwritten with random bytes, no 0xFF among them, so no marker appears).
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [ValidateSet('DeclaresMore', 'Scratched')] [string] $Kind, [int] $Width = 10000, [int] $Height = 9999)
    $work = Join-Path ([IO.Path]::GetTempPath()) "pm-jpeg-$([guid]::NewGuid().ToString('n'))"
    $null = New-Item -ItemType Directory -Path $work
    try {
        $side = if ($Kind -eq 'DeclaresMore') { 16 } else { 1000 }
        $source = New-TestPicture -Path (Join-Path $work 'source.png') -Width $side -Height $side -Noise
        $jpeg = [IO.File]::ReadAllBytes((ConvertTo-ProfileImage -LiteralPath $source.FullName -Destination $work).Path)
    }
    finally { Remove-Item -LiteralPath $work -Recurse -Force }
    $i = 2
    while ($jpeg[$i + 1] -ne 0xDA) {
        if ($Kind -eq 'DeclaresMore' -and $jpeg[$i + 1] -eq 0xC0) {
            $jpeg[$i + 5] = $Height -shr 8; $jpeg[$i + 6] = $Height -band 0xFF; $jpeg[$i + 7] = $Width -shr 8; $jpeg[$i + 8] = $Width -band 0xFF
        }
        $i += 2 + ([int] $jpeg[$i + 2] -shl 8) + $jpeg[$i + 3]
    }
    if ($Kind -eq 'Scratched') {
        $scan = $i + 2 + ([int] $jpeg[$i + 2] -shl 8) + $jpeg[$i + 3]
        $random = [Random]::new(17)
        for ($k = $scan + 2000; $k -lt $scan + 4000; $k++) { $jpeg[$k] = $random.Next(0, 255) }
    }
    [IO.File]::WriteAllBytes($Path, $jpeg)
    Get-Item -LiteralPath $Path
}

function Get-PictureHeaderSize {
    <# Width and height from a PNG's IHDR or a JPEG's first start-of-frame, read from the file's bytes. #>
    param([Parameter(Mandatory)] [string] $Path)
    $b = [int[]] [IO.File]::ReadAllBytes($Path) # ints: -shl on a byte stays a byte
    if ($b[0] -eq 0x89) { return [pscustomobject]@{ Format = 'PNG'; Width = ($b[16] -shl 24) + ($b[17] -shl 16) + ($b[18] -shl 8) + $b[19]; Height = ($b[20] -shl 24) + ($b[21] -shl 16) + ($b[22] -shl 8) + $b[23] } }
    $i = 2
    while ($i + 9 -lt $b.Length) {
        $marker = $b[$i + 1]
        if ($marker -ge 0xC0 -and $marker -le 0xCF -and $marker -notin 0xC4, 0xC8, 0xCC) {
            return [pscustomobject]@{ Format = 'JPEG'; Width = ($b[$i + 7] -shl 8) + $b[$i + 8]; Height = ($b[$i + 5] -shl 8) + $b[$i + 6] }
        }
        $i += 2 + ($b[$i + 2] -shl 8) + $b[$i + 3]
    }
    throw "No dimensions found in '$Path'."
}

function Get-EmulatorUpload {
    <# The pictures the emulator's upload endpoints accepted, with their header dimensions (GET /_emulator/uploads). #>
    param([Parameter(Mandatory)] $Emulator)
    $uploads = Invoke-RestMethod -Uri ([uri]::new($Emulator.ControlUri, 'uploads'))
    $uploads
}

function Get-WhatIfText {
    <# Runs -Command and returns what it wrote to the host: -WhatIf writes there, and a transcript reads it back. #>
    param([Parameter(Mandatory)] [scriptblock] $Command)
    $transcript = Join-Path ([IO.Path]::GetTempPath()) "pm-whatif-$([guid]::NewGuid().ToString('n')).txt"
    $null = Start-Transcript -LiteralPath $transcript
    try { & $Command } finally { $null = Stop-Transcript }
    try { Get-Content -LiteralPath $transcript -Raw } finally { Remove-Item -LiteralPath $transcript -Force }
}

function ConvertFrom-FitPlan {
    <# The "scale to WxH, FORMAT ..., N bytes" of a -Fit plan, as numbers. #>
    param([Parameter(Mandatory)] [string] $Text)
    if ($Text -notmatch 'scale to (\d+)x(\d+), (JPEG|PNG)[^,]*, ([\d,]+) bytes') { throw "No plan in: $Text" }
    [pscustomobject]@{ Width = [int] $Matches[1]; Height = [int] $Matches[2]; Format = $Matches[3]; Bytes = [int] ($Matches[4] -replace ',') }
}
