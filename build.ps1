#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the ProfileMedia module.
.DESCRIPTION
    Run through the pinned PowerShell: `dotnet tool restore`, then `dotnet pwsh ./build.ps1 <Task>`.
    Build    assembles an importable module into out/ProfileMedia/<version>/ from an explicit list of files.
    Test     builds, runs xunit, then Pester in a fresh pwsh against the built module; the last line is the total.
    Demo     builds, then runs a tour of the module in a fresh pwsh.
    Package  builds, then makes the Gallery's .nupkg with Publish-PSResource into the local repository out/repository.
    Bench    builds, then runs every benchmark in bench/ and writes bench/RESULTS.md (never fails on time).
    ReliabilityReport  runs Test with the full fuzz count and copies its report over the committed tests/RELIABILITY.md
             (Test alone writes the report to out/test-results/RELIABILITY.md and leaves every tracked file as it was).
    Clean    removes out/.
    -PesterHost powershell runs Test's Pester stage in Windows PowerShell 5.1 (powershell.exe) instead of the pinned pwsh:
    the tests tagged WindowsPowerShell, against the module's net472 build (the CI workflow's 5.1 leg; it needs Windows).
    The PROFILEMEDIA_* environment variables it sets for the tests, and the ones it passes through, are listed in
    tests/ENVIRONMENT.md.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench', 'ReliabilityReport', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [ValidateSet('pwsh', 'powershell')]
    [string] $PesterHost = 'pwsh'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

$root = $PSScriptRoot
$version = (Import-PowerShellDataFile -LiteralPath "$root/ProfileMedia.psd1").ModuleVersion
$out = Join-Path $root 'out'
$artifacts = Join-Path $out 'artifacts'
$moduleDir = Join-Path $out "ProfileMedia/$version"
$repository = Join-Path $out 'repository'
$config = $Configuration.ToLowerInvariant()
$emulatorDll = Join-Path $artifacts "bin/ProfileMedia.Emulator/$config/ProfileMedia.Emulator.dll"
$testResults = Join-Path $out 'test-results'
# The fuzz tests run PROFILEMEDIA_FUZZ_CASES cases per target (a small default for the inner loop); CI and the
# committed reliability report use the full million.
$fullFuzzCases = 1000000

# Everything that ships, and nothing else: a file missing here fails the build, and so does an assembly in the build
# output that is not listed (a dependency would otherwise be silently left out of the module, or shipped by accident).
# Two builds of the cmdlets and the core (Directory.Build.props says why these two), which ProfileMedia.psm1 chooses
# between at import: bin/net8.0 for PowerShell 7.4+, bin/net472 for Windows PowerShell 5.1.
$moduleFiles = [ordered]@{
    'ProfileMedia.psd1'            = "$root/ProfileMedia.psd1"
    'ProfileMedia.psm1'            = "$root/module/ProfileMedia.psm1"
    'ProfileMedia.Format.ps1xml'   = "$root/module/ProfileMedia.Format.ps1xml"
    'ProfileMedia.Types.ps1xml'    = "$root/module/ProfileMedia.Types.ps1xml"
    'en-US/ProfileMedia.dll-Help.xml'   = "$artifacts/help/en-US/ProfileMedia.dll-Help.xml"
    'en-US/about_ProfileMedia.help.txt' = "$artifacts/help/en-US/about_ProfileMedia.help.txt"
}
$frameworks = 'net8.0', 'net472'
foreach ($framework in $frameworks) {
    foreach ($assembly in 'ProfileMedia.dll', 'ProfileMedia.Core.dll') {
        $moduleFiles["bin/$framework/$assembly"] = "$artifacts/bin/ProfileMedia/${config}_$framework/$assembly"
    }
}
# Image preparation (PowerShell 7 only) ships in bin/net8.0/imaging/, loaded into the module's own AssemblyLoadContext
# only when a picture is prepared: the imaging assembly, SkiaSharp, and libSkiaSharp for every platform the module
# supports (a missing one fails the build; the packages' other native builds are left out).
$imaging = "$artifacts/bin/ProfileMedia.Imaging/$config"
$moduleFiles['bin/net8.0/imaging/ProfileMedia.Imaging.dll'] = "$imaging/ProfileMedia.Imaging.dll"
$moduleFiles['bin/net8.0/imaging/SkiaSharp.dll'] = "$imaging/SkiaSharp.dll"
foreach ($native in 'win-x64/native/libSkiaSharp.dll', 'win-arm64/native/libSkiaSharp.dll', 'linux-x64/native/libSkiaSharp.so',
    'linux-arm64/native/libSkiaSharp.so', 'osx/native/libSkiaSharp.dylib') {
    $moduleFiles["bin/net8.0/imaging/runtimes/$native"] = "$imaging/runtimes/$native"
}

# The xunit projects, each named for what it tests (STYLE.md): the core with its client transport, the emulator, and the
# image preparation.
$xunitProjects = 'ProfileMedia.Core.Tests', 'ProfileMedia.Emulator.Tests', 'ProfileMedia.Imaging.Tests'

function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

# A fresh pwsh from the same pinned install, so tests and the demo load the built module into a clean process.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script, [string[]] $Arguments = @())
    & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $Script @Arguments | Out-Host
    return $LASTEXITCODE
}

# Windows PowerShell 5.1, for the Pester stage of the CI leg that tests the net472 build.
function Invoke-WindowsPowerShell {
    param([Parameter(Mandatory)] [string] $Script, [string[]] $Arguments = @())
    & powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $Script @Arguments | Out-Host
    return $LASTEXITCODE
}

# Packaging registers a repository: with the per-user folders redirected into out/, never in the user's own settings.
. (Join-Path $root 'tools/IsolatedProfile.ps1')
function Invoke-IsolatedPwsh {
    param([Parameter(Mandatory)] [string] $Script, [string[]] $Arguments = @())
    Invoke-WithIsolatedProfile -HomePath (Join-Path $out 'isolated-home') -ScriptBlock { Invoke-FreshPwsh -Script $Script -Arguments $Arguments }
}

function Build-Module {
    Write-Host "== Build ProfileMedia $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Native dotnet restore (Join-Path $root 'tools/Pester.csproj') --verbosity quiet
    Invoke-Native dotnet build (Join-Path $root 'ProfileMedia.sln') -c $Configuration --artifacts-path $artifacts --nologo --verbosity quiet '-clp:NoSummary'

    # Help is generated from docs/en-US (platyPS is not available here); the generator fails on any undocumented
    # cmdlet or parameter. It runs in a fresh pwsh so this session never loads the module.
    $helpCode = Invoke-FreshPwsh -Script (Join-Path $root 'tools/New-ProfileMediaHelp.ps1') -Arguments @(
        '-ModulePath', $moduleFiles['bin/net8.0/ProfileMedia.dll'], '-DocsPath', (Join-Path $root 'docs/en-US'), '-OutputPath', (Join-Path $artifacts 'help/en-US'))
    if ($helpCode -ne 0) { throw "The help could not be built from docs/en-US (exit code $helpCode)." }

    $listed = @($moduleFiles.Values | Where-Object { $_ -like '*.dll' } | ForEach-Object { [IO.Path]::GetFullPath($_) })
    $built = @($frameworks | ForEach-Object { Split-Path $moduleFiles["bin/$_/ProfileMedia.dll"] }) + $imaging
    $unlisted = @(Get-ChildItem -LiteralPath $built -Filter '*.dll' | Where-Object FullName -NotIn $listed)
    if ($unlisted) { throw "Assemblies in the build output are not in the module's file list: $($unlisted.FullName -join ', ')." }

    if (Test-Path -LiteralPath $moduleDir) { Remove-Item -LiteralPath $moduleDir -Recurse -Force }
    foreach ($entry in $moduleFiles.GetEnumerator()) {
        if (-not (Test-Path -LiteralPath $entry.Value -PathType Leaf)) { throw "Module file '$($entry.Key)' is missing: expected at $($entry.Value)." }
        $target = Join-Path $moduleDir $entry.Key
        New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
        Copy-Item -LiteralPath $entry.Value -Destination $target
    }
    Write-Host "Module assembled in $moduleDir"
}

function Get-XunitCounts([string] $TrxPath) {
    [xml] $trx = Get-Content -LiteralPath $TrxPath -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    # The trx counters leave skipped tests out (notExecuted stays 0): count the results marked NotExecuted, and say
    # why each was skipped, so a skip is seen and never mistaken for a pass.
    $skipped = @($trx.TestRun.Results.UnitTestResult | Where-Object outcome -EQ 'NotExecuted')
    foreach ($test in $skipped) { Write-Host "skipped: $($test.testName): $($test.Output.ErrorInfo.Message)" -ForegroundColor Yellow }
    [pscustomobject]@{
        Passed  = [int] $counters.passed
        Failed  = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
        Skipped = $skipped.Count
    }
}

# The environment every test process gets (tests/ENVIRONMENT.md): the module, the emulator and the package repository
# as this build made them, for this -Configuration.
function Set-TestEnvironment {
    $env:PROFILEMEDIA_MODULE = Join-Path $moduleDir 'ProfileMedia.psd1'
    $env:PROFILEMEDIA_EMULATOR = $emulatorDll
    $env:PROFILEMEDIA_REPOSITORY = $repository
}

function Test-Module {
    if (Test-Path -LiteralPath $testResults) { Remove-Item -LiteralPath $testResults -Recurse -Force }
    # The reliability suites leave their figures here; out/test-results/RELIABILITY.md is written from them at the end.
    $env:PROFILEMEDIA_RELIABILITY_DIR = New-Item -ItemType Directory -Path (Join-Path $testResults 'reliability') -Force
    Set-TestEnvironment
    $fuzzCases = if ($env:PROFILEMEDIA_FUZZ_CASES) { $env:PROFILEMEDIA_FUZZ_CASES } else { 'the default' }
    Write-Host "Fuzzing with $fuzzCases cases per target (PROFILEMEDIA_FUZZ_CASES; CI runs $fullFuzzCases)."

    # One run per test project, each with its own trx: a project that wrote no trx (it did not build or crashed)
    # counts as a failure instead of vanishing from the total.
    $xunit = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($project in $xunitProjects) {
        Write-Host "== xunit: $project" -ForegroundColor Cyan
        $trxPath = Join-Path $testResults "$project.trx"
        & dotnet test (Join-Path $root "tests/$project/$project.csproj") -c $Configuration --artifacts-path $artifacts --no-build --nologo `
            --logger "trx;LogFileName=$trxPath" --logger 'console;verbosity=minimal' --results-directory $testResults
        $counts = if (Test-Path -LiteralPath $trxPath) { Get-XunitCounts $trxPath } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
        $xunit.Passed += $counts.Passed
        $xunit.Failed += $counts.Failed
        $xunit.Skipped += $counts.Skipped
    }

    Write-Host "== Pester (fresh $PesterHost, built module)" -ForegroundColor Cyan
    $pesterResult = Join-Path $testResults 'pester.json'
    $runner = if ($PesterHost -eq 'powershell') { 'Invoke-WindowsPowerShell' } else { 'Invoke-FreshPwsh' }
    $null = & $runner -Script (Join-Path $root 'tools/RunPester.ps1') -Arguments @($pesterResult)
    $pester = if (Test-Path -LiteralPath $pesterResult) { Get-Content -LiteralPath $pesterResult -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Containers = @() } }

    $null = Invoke-FreshPwsh -Script (Join-Path $root 'tools/Write-ReliabilityReport.ps1') -Arguments @(
        '-FiguresPath', $env:PROFILEMEDIA_RELIABILITY_DIR, '-PesterResultPath', $pesterResult, '-OutputPath', (Join-Path $testResults 'RELIABILITY.md'))

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped; Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    Write-Output "total: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

# The committed tests/RELIABILITY.md changes only here, on purpose: a full Test with the full fuzz count, then a copy.
function Update-ReliabilityReport {
    if (-not $env:PROFILEMEDIA_FUZZ_CASES) { $env:PROFILEMEDIA_FUZZ_CASES = $fullFuzzCases }
    Test-Module
    Copy-Item -LiteralPath (Join-Path $testResults 'RELIABILITY.md') -Destination (Join-Path $root 'tests/RELIABILITY.md')
    Write-Host 'Updated tests/RELIABILITY.md from this run.'
}

function Publish-ModuleLocally {
    Write-Host "== Package ProfileMedia $version" -ForegroundColor Cyan
    $code = Invoke-IsolatedPwsh -Script (Join-Path $root 'tools/Package.ps1') -Arguments @('-ModuleDirectory', $moduleDir, '-RepositoryPath', $repository)
    if ($code -ne 0) { throw "Packaging failed with exit code $code." }
}

function Measure-Module {
    & (Join-Path $root 'bench/Invoke-Benchmarks.ps1') -ModulePath (Join-Path $moduleDir 'ProfileMedia.psd1') -ArtifactsPath (Join-Path $out 'bench') `
        -EmulatorPath $emulatorDll
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Show-ModuleDemo {
    Set-TestEnvironment
    # The demo's output reaches this script through a pipe, so it cannot see where ours goes: tell it.
    $code = Invoke-FreshPwsh -Script (Join-Path $root 'tools/Demo.ps1') -Arguments @("-PlainText:`$$([Console]::IsOutputRedirected)")
    if ($code -ne 0) { exit $code }
}

foreach ($name in $Task) {
    switch ($name) {
        'Clean' { if (Test-Path -LiteralPath $out) { Remove-Item -LiteralPath $out -Recurse -Force }; Write-Host 'Removed out/' }
        'Build' { Build-Module }
        'Test' { Build-Module; Publish-ModuleLocally; Test-Module }
        'Package' { Build-Module; Publish-ModuleLocally }
        'Bench' { Build-Module; Measure-Module }
        'Demo' { Build-Module; Show-ModuleDemo }
        'ReliabilityReport' { Build-Module; Publish-ModuleLocally; Update-ReliabilityReport }
    }
}
