<#
.SYNOPSIS
    Shared by every bench/Benchmark<N>.<Name>.ps1 (dot-source it): the result-object shape the driver renders, medians,
    and how to start a fresh pwsh. See bench/README.md for the contract.
#>

# The median of a list of numbers (the mean of the middle two for an even count).
function Get-Median {
    param([Parameter(Mandatory)] [double[]] $Values)
    $sorted = [double[]] ($Values | Sort-Object)
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

<#
One row of a benchmark's table: a figure, optionally against a baseline measured in the same run.
  Figure         what was measured, e.g. 'Get-ProfileImageVariant -Size bigger, 100,000 URLs'
  Value, Unit    the figure (a median), e.g. 812.4 and 'ms'
  Baseline       the baseline's name ($null when the target is absolute), BaselineValue in the same Unit
  Ratio          Value / BaselineValue, computed here; Comparison is how the table shows it (default '1.23x';
                 pass your own text, e.g. '+41 ms', when the target is not a ratio)
  Target         the issue's target as text; Met is $true/$false, or $null when there is no target for this row
  Samples, BaselineSamples   every run behind the medians, for the details section
#>
function New-BenchRow {
    param(
        [Parameter(Mandatory)] [string] $Figure,
        [Parameter(Mandatory)] [AllowNull()] [Nullable[double]] $Value,
        [Parameter(Mandatory)] [string] $Unit,
        [string] $Baseline,
        [Nullable[double]] $BaselineValue,
        [string] $Comparison,
        [string] $Target,
        [Nullable[bool]] $Met,
        [double[]] $Samples = @(),
        [double[]] $BaselineSamples = @()
    )
    $ratio = if ($null -ne $Value -and $BaselineValue) { $Value / $BaselineValue } else { $null }
    if (-not $Comparison -and $null -ne $ratio) {
        # "(Nx faster)" only for a positive ratio: a figure of zero or below (a memory growth that did not happen) has none.
        $Comparison = if ($ratio -gt 0 -and $ratio -lt 1) { '{0:0.###}x ({1:0.#}x faster)' -f $ratio, (1 / $ratio) } else { '{0:0.##}x' -f $ratio }
    }
    [pscustomobject]@{
        Figure          = $Figure
        Value           = $Value
        Unit            = $Unit
        Baseline        = $Baseline
        BaselineValue   = $BaselineValue
        Ratio           = $ratio
        Comparison      = $Comparison
        Target          = $Target
        Met             = $Met
        Samples         = $Samples
        BaselineSamples = $BaselineSamples
    }
}

<#
What every benchmark script returns (one object), and what the driver renders.
  Number, Title   the issue's row number and a short title
  Status          'Measured', 'NotMeasured' (a prerequisite is missing: say which in Note) or 'Error' (set by the runner)
  Rows            New-BenchRow objects
  Note            why a figure misses its target and what would close it; or why nothing was measured
  Details         extra lines (markdown) for the details section: method, inputs, raw numbers
#>
function New-BenchResult {
    param(
        [Parameter(Mandatory)] [int] $Number,
        [Parameter(Mandatory)] [string] $Title,
        [ValidateSet('Measured', 'NotMeasured', 'Error')] [string] $Status = 'Measured',
        [object[]] $Rows = @(),
        [string] $Note = '',
        [string[]] $Details = @()
    )
    [pscustomobject]@{
        PSTypeName = 'ProfileMedia.BenchResult'
        Number     = $Number
        Title      = $Title
        Status     = $Status
        Rows       = @($Rows)
        Note       = $Note
        Details    = @($Details)
    }
}

# The result of a benchmark that cannot run yet, naming what it needs.
function New-NotMeasuredResult {
    param([Parameter(Mandatory)] [int] $Number, [Parameter(Mandatory)] [string] $Title, [Parameter(Mandatory)] [string] $Needs)
    New-BenchResult -Number $Number -Title $Title -Status NotMeasured -Note "not yet measured: needs $Needs"
}

# True when the built module's manifest exports the cmdlet (read from the manifest, without importing it).
function Test-ModuleExports {
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Cmdlet)
    if (-not $ModulePath -or -not (Test-Path -LiteralPath $ModulePath)) { return $false }
    $manifest = Import-PowerShellDataFile -LiteralPath $ModulePath
    return @($manifest['CmdletsToExport']) -contains $Cmdlet
}

<#
The executable and leading arguments that start a fresh pwsh from the same install as this one, the way build.ps1
does: under `dotnet pwsh` the process is dotnet itself and needs pwsh.dll; a native pwsh starts directly.
#>
function Get-PwshLaunch {
    $process = [Environment]::ProcessPath
    $name = [IO.Path]::GetFileNameWithoutExtension($process)
    if ($name -eq 'dotnet') {
        return [pscustomobject]@{ FilePath = $process; Arguments = @(Join-Path $PSHOME 'pwsh.dll') }
    }
    return [pscustomobject]@{ FilePath = $process; Arguments = @() }
}

<#
Points tools/Emulator.ps1 at the emulator the driver was given (PROFILEMEDIA_EMULATOR, tests/ENVIRONMENT.md) and
returns the path of tools/Emulator.ps1, for the caller to dot-source at script scope (dot-sourced inside a function,
its functions would vanish when the function returns):
    . (Initialize-BenchEmulator -EmulatorPath $EmulatorPath)
#>
function Initialize-BenchEmulator {
    param([Parameter(Mandatory)] [string] $EmulatorPath)
    if (-not (Test-Path -LiteralPath $EmulatorPath -PathType Leaf)) { throw "No emulator at '$EmulatorPath': run build.ps1 Build first." }
    $env:PROFILEMEDIA_EMULATOR = (Resolve-Path -LiteralPath $EmulatorPath).ProviderPath
    return Join-Path (Split-Path $PSScriptRoot) 'tools/Emulator.ps1'
}

<#
Builds bench/ProfileMedia.Benchmarks (Release) into the artifacts path and returns the path of its DLL. It holds
benchmark 2 and the benchmarks' code that needs ProfileMedia.Core's internal types: only an assembly of that name is
granted them (InternalsVisibleTo), so Add-Type code in a benchmark cannot use them.
#>
function Build-BenchmarksProject {
    param([Parameter(Mandatory)] [string] $ArtifactsPath)
    $project = Join-Path $PSScriptRoot 'ProfileMedia.Benchmarks/ProfileMedia.Benchmarks.csproj'
    Write-Host '  building bench/ProfileMedia.Benchmarks (Release)'
    & dotnet build $project -c Release --artifacts-path $ArtifactsPath --nologo --verbosity quiet '-clp:NoSummary' | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building $project failed with exit code $LASTEXITCODE." }
    Join-Path $ArtifactsPath 'bin/ProfileMedia.Benchmarks/release/ProfileMedia.Benchmarks.dll'
}

<#
Builds ProfileMedia.Benchmarks, loads it into this pwsh for the cases that drive the core's internal types in-process
(benchmark 1's minimal cmdlet, benchmark 5's core saver) and returns the path of its DLL (for Add-Type references).
Call it after Import-Module and a first command that loads ProfileMedia.Core: the assembly then binds to the module's
core rather than the copy built beside it. That is checked, so what these cases time is the module's own code.
#>
function Import-BenchmarksAssembly {
    param([Parameter(Mandatory)] [string] $ArtifactsPath)
    $moduleCore = Join-Path (Split-Path (Get-Module ProfileMedia).Path) 'bin/net8.0/ProfileMedia.Core.dll'
    $assembly = [Reflection.Assembly]::LoadFrom((Build-BenchmarksProject -ArtifactsPath $ArtifactsPath))
    $core = [Reflection.Assembly]::Load(($assembly.GetReferencedAssemblies() | Where-Object Name -EQ 'ProfileMedia.Core'))
    $loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ProfileMedia.Core' })
    if ($core.Location -ne $moduleCore -or $loaded.Count -ne 1) {
        throw "ProfileMedia.Benchmarks bound to the core at '$($core.Location)' ($($loaded.Count) loaded), not the module's '$moduleCore'."
    }
    $assembly.Location
}

# The emulator's v1.1 API root: its host root + '1.1/', which Connect-ProfileMedia takes before and after the v2 change
# (there -ApiBaseUri is the host root, and a value ending in /1.1/ means its root).
function Get-BenchApiV1Uri {
    param([Parameter(Mandatory)] [uri] $EmulatorBaseUri)
    [uri]::new([uri]::new($EmulatorBaseUri, '/'), '1.1/')
}

# How many distinct TCP connections the emulator saw in a request log (its entries' connectionId).
function Get-ConnectionCount {
    param([Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Requests)
    @($Requests | ForEach-Object connectionId | Sort-Object -Unique).Count
}
