#Requires -Version 7.4
<#
.SYNOPSIS
    Builds the module's external help (MAML) and about topic from the Markdown in docs/en-US.
.DESCRIPTION
    Imports the built module in this process, and for every exported cmdlet reads docs/en-US/<Cmdlet-Name>.md (the
    subset of the platyPS markdown schema described in docs/README.md) and writes <OutputPath>/<Assembly>.dll-Help.xml,
    the command/maml schema Get-Help reads. Parameter metadata (type, position, pipeline input, aliases, parameter sets,
    accepted values) comes from the compiled cmdlet, never from the Markdown. It also copies
    docs/en-US/about_ProfileMedia.md to <OutputPath>/about_ProfileMedia.help.txt.

    Every problem found is reported, and then the script throws (exit code 1 under pwsh -File): an exported cmdlet
    without a Markdown file, a missing or empty section, fewer than two examples, a parameter without a description, a
    described parameter the cmdlet does not have, a declared output type missing from OUTPUTS.

    Run it in a fresh pwsh: it imports the module, which a build session should not keep loaded.
.PARAMETER ModulePath
    The built module to document: its .psd1 (the manifest's exports are documented) or its root .dll (every cmdlet in
    the assembly is documented).
.PARAMETER DocsPath
    The folder with <Cmdlet-Name>.md and about_*.md files; docs/en-US by default.
.PARAMETER OutputPath
    The folder to write the help files to; created when missing. Put its files in the module's en-US folder.
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/New-ProfileMediaHelp.ps1 -ModulePath out/artifacts/bin/ProfileMedia/release_net8.0/ProfileMedia.dll -OutputPath out/artifacts/help/en-US

    What build.ps1 runs after compiling: the help goes to out/artifacts/help/en-US, and from there into the module.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $DocsPath = (Join-Path (Split-Path $PSScriptRoot) 'docs/en-US'),
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$SectionNames = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$RequiredSections = $SectionNames | Where-Object { $_ -ne 'SYNTAX' }   # SYNTAX is generated; a hand-written one is ignored
$MinimumExamples = 2
$AboutTopics = @('about_ProfileMedia')

# Descriptions for the risk-mitigation parameters, used when a cmdlet's Markdown does not describe them itself.
$StandardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

$script:Problems = [System.Collections.Generic.List[string]]::new()
function Add-Problem([string] $File, [string] $Message) {
    $script:Problems.Add("$(if ($File) { "${File}: " })$Message")
}

#region Markdown

# One Markdown file as a list of lines, with the YAML front matter (if any) removed. Keeps line numbers for messages.
function Read-MarkdownLines([string] $Path) {
    $lines = [System.IO.File]::ReadAllLines($Path)
    $start = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        for ($i = 1; $i -lt $lines.Count; $i++) {
            if ($lines[$i].Trim() -eq '---') { $start = $i + 1; break }
        }
    }
    for ($i = $start; $i -lt $lines.Count; $i++) {
        [pscustomobject]@{ Number = $i + 1; Text = $lines[$i].TrimEnd() }
    }
}

# Splits lines at headings of one level ('#', '##' or '###'), ignoring anything that looks like a heading inside a
# fenced code block. Returns the text before the first heading as a block with a $null Title.
function Split-Headings([object[]] $Lines, [int] $Level) {
    $marker = ('#' * $Level) + ' '
    $fenced = $false
    $current = [pscustomobject]@{ Title = $null; Number = 0; Lines = [System.Collections.Generic.List[object]]::new() }
    foreach ($line in $Lines) {
        if ($line.Text -match '^\s*(```|~~~)') { $fenced = -not $fenced }
        if (-not $fenced -and $line.Text.StartsWith($marker)) {
            $current
            $current = [pscustomobject]@{ Title = $line.Text.Substring($marker.Length).Trim(); Number = $line.Number; Lines = [System.Collections.Generic.List[object]]::new() }
        }
        else {
            $current.Lines.Add($line)
        }
    }
    $current
}

function Test-Blank([object[]] $Lines) {
    -not ($Lines | Where-Object { $_.Text.Trim() })
}

# Text for maml:para elements: paragraphs are separated by blank lines; the lines of a paragraph are joined with
# spaces, except list items and fenced code, which keep their line breaks (Get-Help shows a para's line breaks).
function ConvertTo-Paragraphs([object[]] $Lines) {
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $isList = $false
    $fenced = $false
    $flush = {
        if ($buffer.Count) { $paragraphs.Add($(if ($isList) { $buffer -join "`n" } else { $buffer -join ' ' })) }
        $buffer.Clear()
    }
    foreach ($line in $Lines) {
        $text = $line.Text
        if ($text -match '^\s*(```|~~~)') {
            if (-not $fenced) { & $flush; $isList = $true } else { & $flush; $isList = $false }
            $fenced = -not $fenced
            continue
        }
        if ($fenced) { $buffer.Add($text); continue }
        if (-not $text.Trim()) { & $flush; $isList = $false; continue }
        if ($text -match '^\s*([-*+]|\d+\.)\s') {
            if (-not $isList) { & $flush; $isList = $true }
            $buffer.Add($text)
        }
        elseif ($isList -and $text -match '^\s+\S') {
            $buffer[$buffer.Count - 1] += ' ' + $text.Trim()   # a wrapped list item
        }
        else {
            if ($isList) { & $flush; $isList = $false }
            $buffer.Add($text.Trim())
        }
    }
    & $flush
    , $paragraphs.ToArray()
}

# Reads docs/en-US/<Name>.md into sections; records every problem and returns $null if the file cannot be used.
function Read-CommandMarkdown([string] $Path, [string] $Name) {
    $file = Split-Path $Path -Leaf
    $lines = @(Read-MarkdownLines $Path)
    $top = @(Split-Headings $lines 1)
    $titled = @($top | Where-Object Title)
    if ($titled.Count -ne 1 -or $titled[0].Title -cne $Name) {
        Add-Problem $file "expected exactly one '# $Name' heading, found: $(($titled.Title | ForEach-Object { "'# $_'" }) -join ', ')"
        return $null
    }

    $doc = [ordered]@{ Name = $Name; File = $file }
    foreach ($section in Split-Headings $titled[0].Lines 2) {
        if (-not $section.Title) {
            if (-not (Test-Blank $section.Lines)) { Add-Problem $file "text between '# $Name' and the first '## ' section" }
            continue
        }
        if ($section.Title -cnotin $SectionNames) { Add-Problem $file "line $($section.Number): unknown section '## $($section.Title)'; the sections are $($SectionNames -join ', ')"; continue }
        if ($doc.Contains($section.Title)) { Add-Problem $file "line $($section.Number): section '## $($section.Title)' appears twice"; continue }
        $doc[$section.Title] = $section
    }
    foreach ($name in $RequiredSections) {
        if (-not $doc.Contains($name)) { Add-Problem $file "has no '## $name' section" }
        elseif ($name -ne 'NOTES' -and (Test-Blank $doc[$name].Lines)) { Add-Problem $file "section '## $name' is empty" }
    }
    [pscustomobject] $doc
}

function Read-Examples($Doc) {
    $examples = foreach ($block in Split-Headings $Doc.EXAMPLES.Lines 3) {
        if (-not $block.Title) {
            if (-not (Test-Blank $block.Lines)) { Add-Problem $Doc.File "line $($block.Lines[0].Number): text in EXAMPLES before the first '### Example'" }
            continue
        }
        $code = [System.Collections.Generic.List[string]]::new()
        $before = [System.Collections.Generic.List[object]]::new()
        $after = [System.Collections.Generic.List[object]]::new()
        $state = 'before'   # before -> code -> after
        $badFence = $null
        $inOutput = $false
        foreach ($line in $block.Lines) {
            if ($state -eq 'before' -and $line.Text -match '^```(powershell|ps1|ps|pwsh)?\s*$') { $state = 'code'; continue }
            if ($state -eq 'code' -and $line.Text -match '^```\s*$') { $state = 'after'; continue }
            if ($state -eq 'after' -and $line.Text -match '^```(\S*)') {
                # After the code, only sample output may be fenced: ```output or ```text ... ```.
                if (-not $inOutput -and $Matches[1] -notin 'output', 'text') { $badFence = $line }
                $inOutput = -not $inOutput
            }
            switch ($state) {
                'before' { $before.Add($line) }
                'code' { $code.Add($line.Text) }
                'after' { $after.Add($line) }
            }
        }
        $where = "line $($block.Number), '### $($block.Title)'"
        if ($state -ne 'after') { Add-Problem $Doc.File "${where}: an example needs one closed ``````powershell code block"; continue }
        if ($badFence) { Add-Problem $Doc.File "line $($badFence.Number): an example has one code block; a block after it must be ``````output or ``````text"; continue }
        if (-not (Test-Blank $before)) { Add-Problem $Doc.File "${where}: text before the code block; put the explanation after it"; continue }
        $codeText = ($code -join "`n").Trim("`n")
        if (-not $codeText.Trim()) { Add-Problem $Doc.File "${where}: the code block is empty"; continue }
        [pscustomobject]@{ Title = $block.Title; Code = $codeText; Remarks = ConvertTo-Paragraphs $after }
    }
    $examples = @($examples)
    if ($examples.Count -lt $MinimumExamples) { Add-Problem $Doc.File "has $($examples.Count) example(s); at least $MinimumExamples are required" }
    $examples
}

# '### -Name' blocks of PARAMETERS as a name -> paragraphs dictionary ('### CommonParameters' is skipped).
function Read-ParameterDescriptions($Doc) {
    $descriptions = [ordered]@{}
    foreach ($block in Split-Headings $Doc.PARAMETERS.Lines 3) {
        if (-not $block.Title) {
            if (-not (Test-Blank $block.Lines)) { Add-Problem $Doc.File "line $($block.Lines[0].Number): text in PARAMETERS before the first '### -Name'" }
            continue
        }
        if ($block.Title -eq 'CommonParameters') { continue }
        if ($block.Title -notmatch '^-(\w+)$') { Add-Problem $Doc.File "line $($block.Number): '### $($block.Title)' is not a parameter heading ('### -Name')"; continue }
        $name = $Matches[1]
        if ($descriptions.Contains($name)) { Add-Problem $Doc.File "line $($block.Number): parameter -$name is described twice"; continue }
        if ($block.Lines | Where-Object { $_.Text -match '^```\s*yaml' }) {
            Add-Problem $Doc.File "line $($block.Number): -$name has a yaml metadata block; type, position, pipeline input and aliases come from the compiled cmdlet, so leave it out"
        }
        $descriptions[$name] = ConvertTo-Paragraphs $block.Lines
    }
    $descriptions
}

# '### TypeName' blocks of INPUTS or OUTPUTS.
function Read-TypeSection($Doc, [string] $Section) {
    $types = foreach ($block in Split-Headings $Doc.$Section.Lines 3) {
        if (-not $block.Title) {
            if (-not (Test-Blank $block.Lines)) { Add-Problem $Doc.File "line $($block.Lines[0].Number): text in $Section before the first '### TypeName'" }
            continue
        }
        [pscustomobject]@{ Name = $block.Title; Description = ConvertTo-Paragraphs $block.Lines }
    }
    $types = @($types)
    if (-not $types) { Add-Problem $Doc.File "section '## $Section' has no '### TypeName' entry (use '### None' when there is none)" }
    $types
}

function Read-Links($Doc) {
    $links = foreach ($line in $Doc.'RELATED LINKS'.Lines) {
        $text = $line.Text.Trim()
        if (-not $text) { continue }
        if ($text -match '^(?:[-*]\s+)?\[([^\]]+)\]\(([^)\s]*)\)$') {
            [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] }
        }
        else {
            Add-Problem $Doc.File "line $($line.Number): a related link must be '[text](uri)' (the uri may be empty), found '$text'"
        }
    }
    $links = @($links)
    if (-not $links) { Add-Problem $Doc.File "section '## RELATED LINKS' has no link" }
    $links
}

#endregion

#region Cmdlet metadata

function Get-FriendlyTypeName([type] $Type, [switch] $Full) {
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType() -Full:$Full) + '[]' }
    if ($Type.IsGenericType) {
        $definition = $Type.GetGenericTypeDefinition()
        $base = $(if ($Full) { $definition.FullName } else { $definition.Name }) -replace '`\d+$'
        $arguments = $Type.GetGenericArguments() | ForEach-Object { Get-FriendlyTypeName $_ -Full:$Full }
        return "$base[$($arguments -join ', ')]"
    }
    if ($Full) { $Type.FullName } else { $Type.Name }
}

function Get-PipelineInput($ParameterInSet) {
    $kinds = @(
        if ($ParameterInSet.ValueFromPipeline) { 'ByValue' }
        if ($ParameterInSet.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
    )
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Get-PositionText($ParameterInSet) {
    if ($ParameterInSet.Position -ge 0) { [string] $ParameterInSet.Position } else { 'named' }
}

# One value, or 'value (SetA), other (SetB)' when a parameter differs between its parameter sets.
function Join-PerSet([object[]] $Entries, [scriptblock] $Value) {
    $values = @($Entries | ForEach-Object { [pscustomobject]@{ SetName = $_.SetName; Value = [string] (& $Value $_.Parameter) } })
    $distinct = @($values.Value | Select-Object -Unique)
    if ($distinct.Count -eq 1) { return $distinct[0] }
    ($values | ForEach-Object { "$($_.Value) ($($_.SetName))" }) -join ', '
}

function Get-ValidValues($Parameter) {
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { @($set.ValidValues) } else { @() }
}

function Test-SupportsWildcards($Parameter) {
    [bool] ($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
}

# The parameters a help file documents: all but the common ones, with their metadata per parameter set.
function Get-DocumentedParameters($Command) {
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    foreach ($parameter in $Command.Parameters.Values) {
        if ($common.Contains($parameter.Name)) { continue }
        $entries = @(foreach ($set in $Command.ParameterSets) {
                $inSet = $set.Parameters | Where-Object Name -EQ $parameter.Name
                if ($inSet) { [pscustomobject]@{ SetName = $set.Name; Parameter = $inSet } }
            })
        [pscustomobject]@{ Name = $parameter.Name; Metadata = $parameter; InSets = $entries }
    }
}

#endregion

#region MAML

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Element([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string] $Text) {
    $Writer.WriteElementString($Prefix, $Name, $ns[$Prefix], $Text)
}

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string[]] $Paragraphs) {
    $Writer.WriteStartElement($Prefix, $Name, $ns[$Prefix])
    foreach ($paragraph in $Paragraphs) { Write-Element $Writer 'maml' 'para' $paragraph }
    $Writer.WriteEndElement()
}

function Write-ParameterValue([System.Xml.XmlWriter] $Writer, [string] $Text, [bool] $Required, [bool] $VariableLength) {
    $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $VariableLength.ToString().ToLowerInvariant())
    $Writer.WriteString($Text)
    $Writer.WriteEndElement()
}

# A command:parameter element, for a syntax item ($Set given) or for the parameters section (all sets).
function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, [string[]] $Description, [string] $Set) {
    $metadata = $Parameter.Metadata
    $entries = if ($Set) { @($Parameter.InSets | Where-Object SetName -EQ $Set) } else { $Parameter.InSets }
    $isSwitch = $metadata.SwitchParameter
    $type = $metadata.ParameterType
    $validValues = Get-ValidValues $metadata
    $aliases = @($metadata.Aliases)

    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    # Get-Help reads 'required' as a boolean (other text shows as blank), so a parameter that is mandatory in one of its
    # sets only, such as Get-ProfileBanner -ScreenName, is 'true' here; its syntax items tell the sets apart.
    $Writer.WriteAttributeString('required', ([bool] @($entries | Where-Object { $_.Parameter.IsMandatory })).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', (Test-SupportsWildcards $metadata).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Join-PerSet $entries { param($p) Get-PipelineInput $p }))
    $Writer.WriteAttributeString('position', (Join-PerSet $entries { param($p) Get-PositionText $p }))
    $Writer.WriteAttributeString('aliases', $(if ($aliases) { $aliases -join ', ' } else { 'none' }))
    Write-Element $Writer 'maml' 'name' $Parameter.Name
    Write-Paragraphs $Writer 'maml' 'description' $Description
    if ($validValues) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $validValues) { Write-ParameterValue $Writer $value $false $false }
        $Writer.WriteEndElement()
    }
    if (-not $isSwitch -or -not $Set) {
        Write-ParameterValue $Writer (Get-FriendlyTypeName $type) (-not $isSwitch) $type.IsArray
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    Write-Element $Writer 'maml' 'name' (Get-FriendlyTypeName $type -Full)
    Write-Element $Writer 'maml' 'uri' ''
    $Writer.WriteEndElement()
    Write-Element $Writer 'dev' 'defaultValue' $(if ($isSwitch) { 'False' } else { 'None' })
    $Writer.WriteEndElement()
}

# The parameter sets, the default one first.
function Get-SyntaxParameterSets($Command) {
    @($Command.ParameterSets | Sort-Object { -not $_.IsDefault } -Stable)
}

# The order PowerShell itself uses in syntax lines: positional parameters by position, then mandatory, then the rest.
function Get-SyntaxOrder($Parameters, [string] $Set) {
    $Parameters | Where-Object { @($_.InSets | ForEach-Object SetName) -contains $Set } | ForEach-Object {
        $inSet = ($_.InSets | Where-Object SetName -EQ $Set).Parameter
        [pscustomobject]@{
            Parameter = $_
            Key1      = if ($inSet.Position -ge 0) { 0 } elseif ($inSet.IsMandatory) { 1 } else { 2 }
            Key2      = if ($inSet.Position -ge 0) { $inSet.Position } else { 0 }
        }
    } | Sort-Object Key1, Key2 -Stable | ForEach-Object Parameter
}

function Write-CommandHelp([System.Xml.XmlWriter] $Writer, $Command, $Help) {
    $Writer.WriteStartElement('command', 'command', $ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $ns.command)
    Write-Element $Writer 'command' 'name' $Command.Name
    Write-Element $Writer 'command' 'verb' $Command.Verb
    Write-Element $Writer 'command' 'noun' $Command.Noun
    Write-Paragraphs $Writer 'maml' 'description' $Help.Synopsis
    $Writer.WriteEndElement()

    Write-Paragraphs $Writer 'maml' 'description' $Help.Description

    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in Get-SyntaxParameterSets $Command) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        Write-Element $Writer 'maml' 'name' $Command.Name
        foreach ($parameter in Get-SyntaxOrder $Help.Parameters $set.Name) {
            Write-Parameter $Writer $parameter $Help.Descriptions[$parameter.Name] $set.Name
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $Help.Parameters | Sort-Object Name) {
        Write-Parameter $Writer $parameter $Help.Descriptions[$parameter.Name] $null
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@('inputTypes', 'inputType', $Help.Inputs), @('returnValues', 'returnValue', $Help.Outputs))) {
        $Writer.WriteStartElement('command', $kind[0], $ns.command)
        foreach ($type in $kind[2]) {
            $Writer.WriteStartElement('command', $kind[1], $ns.command)
            $Writer.WriteStartElement('dev', 'type', $ns.dev)
            Write-Element $Writer 'maml' 'name' $type.Name
            $Writer.WriteEndElement()
            Write-Paragraphs $Writer 'maml' 'description' $type.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
    $Writer.WriteStartElement('maml', 'alert', $ns.maml)
    foreach ($paragraph in $Help.Notes) { Write-Element $Writer 'maml' 'para' $paragraph }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    $number = 0
    foreach ($example in $Help.Examples) {
        $number++
        $title = if ($example.Title -match '^Example\s+\d+') { $example.Title } else { "Example ${number}: $($example.Title)" }
        $Writer.WriteStartElement('command', 'example', $ns.command)
        Write-Element $Writer 'maml' 'title' "---------- $title ----------"
        Write-Element $Writer 'dev' 'code' $example.Code
        Write-Paragraphs $Writer 'dev' 'remarks' (@($example.Remarks) + '')   # the empty para separates examples in Get-Help
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        Write-Element $Writer 'maml' 'linkText' $link.Text
        Write-Element $Writer 'maml' 'uri' $link.Uri
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

# Reads and checks one cmdlet's Markdown against the cmdlet. Every section that is there is checked, so that one run
# reports all the problems of a file; returns $null when any required section is missing.
function Get-CommandHelp($Command, [string] $MarkdownPath) {
    $doc = Read-CommandMarkdown $MarkdownPath $Command.Name
    if (-not $doc) { return $null }
    $has = { param([string] $Section) [bool] $doc.PSObject.Properties[$Section] }

    $parameters = @(Get-DocumentedParameters $Command)
    $descriptions = [ordered]@{}
    if (& $has 'PARAMETERS') {
        $descriptions = Read-ParameterDescriptions $doc
        foreach ($parameter in $parameters) {
            if ($descriptions.Contains($parameter.Name)) {
                if (-not @($descriptions[$parameter.Name] | Where-Object { $_.Trim() }).Count) { Add-Problem $doc.File "parameter -$($parameter.Name) has an empty description" }
            }
            elseif ($StandardDescriptions.ContainsKey($parameter.Name)) { $descriptions[$parameter.Name] = @($StandardDescriptions[$parameter.Name]) }
            else { Add-Problem $doc.File "parameter -$($parameter.Name) of $($Command.Name) has no description ('### -$($parameter.Name)' under '## PARAMETERS')" }
        }
        foreach ($name in @($descriptions.Keys)) {
            if ($name -notin $parameters.Name) { Add-Problem $doc.File "describes -$name, which $($Command.Name) does not have" }
            elseif ($name -cnotin $parameters.Name) { Add-Problem $doc.File "describes -$name; the parameter is spelt -$($parameters.Name | Where-Object { $_ -eq $name })" }
        }
    }

    $outputs = @()
    if (& $has 'OUTPUTS') {
        $outputs = Read-TypeSection $doc 'OUTPUTS'
        foreach ($declared in $Command.OutputType) {
            $names = @($declared.Name, $declared.Type.FullName, $declared.Type.Name) | Where-Object { $_ }
            if ($declared.Type -eq [void]) { $names = @($names) + 'None' }   # [OutputType(typeof(void))] is written '### None'
            if (-not ($outputs | Where-Object { $_.Name -in $names })) { Add-Problem $doc.File "OUTPUTS does not list $($declared.Name), which $($Command.Name) declares as its output type" }
        }
    }

    $help = [pscustomobject]@{
        Synopsis     = if (& $has 'SYNOPSIS') { ConvertTo-Paragraphs $doc.SYNOPSIS.Lines }
        Description  = if (& $has 'DESCRIPTION') { ConvertTo-Paragraphs $doc.DESCRIPTION.Lines }
        Examples     = if (& $has 'EXAMPLES') { @(Read-Examples $doc) }
        Parameters   = $parameters
        Descriptions = $descriptions
        Inputs       = if (& $has 'INPUTS') { Read-TypeSection $doc 'INPUTS' }
        Outputs      = $outputs
        Notes        = if (& $has 'NOTES') { ConvertTo-Paragraphs $doc.NOTES.Lines }
        Links        = if (& $has 'RELATED LINKS') { Read-Links $doc }
    }
    if ($RequiredSections | Where-Object { -not (& $has $_) }) { return $null }
    $help
}

# --- main ---

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).ProviderPath
$module = Import-Module -Name $ModulePath -Force -PassThru -ErrorAction Stop | Select-Object -First 1
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
if (-not $commands) { throw "The module at '$ModulePath' exports no cmdlet." }
Write-Verbose "Documenting $($commands.Count) cmdlet(s) of $($module.Name) $($module.Version): $($commands.Name -join ', ')"

$helpByFile = [ordered]@{}
foreach ($command in $commands) {
    $markdown = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $markdown -PathType Leaf)) {
        Add-Problem $null "$($command.Name) has no help: create $markdown (see docs/README.md)"
        continue
    }
    $help = Get-CommandHelp $command $markdown
    if ($help) {
        $helpFile = $command.HelpFile
        if (-not $helpFile) { $helpFile = "$([System.IO.Path]::GetFileName($command.ImplementingType.Assembly.Location))-Help.xml" }
        if (-not $helpByFile.Contains($helpFile)) { $helpByFile[$helpFile] = [System.Collections.Generic.List[object]]::new() }
        $helpByFile[$helpFile].Add([pscustomobject]@{ Command = $command; Help = $help })
    }
}

foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File) {
    $name = $file.BaseName
    if ($name -notlike 'about_*' -and $name -notin $commands.Name) {
        Write-Warning "$($file.Name) documents no cmdlet that $($module.Name) exports; it is left out of the help."
    }
}

$aboutSources = foreach ($topic in $AboutTopics) {
    $source = Join-Path $DocsPath "$topic.md"
    if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { Add-Problem $null "the about topic $topic is missing: create $source"; continue }
    $text = [System.IO.File]::ReadAllText($source)
    foreach ($heading in 'TOPIC', 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if ($text -notmatch "(?m)^$heading\s*$") { Add-Problem "$topic.md" "has no '$heading' line (about topics are plain text: see docs/README.md)" }
    }
    [pscustomobject]@{ Topic = $topic; Source = $source }
}

if ($script:Problems.Count) {
    # One line per problem (an exception message would be re-wrapped into one paragraph), then fail.
    $script:Problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    throw "The help cannot be built: $($script:Problems.Count) problem(s) in $DocsPath, listed above."
}

$OutputPath = (New-Item -ItemType Directory -Path $OutputPath -Force).FullName   # XmlWriter needs a full path
$settings = [System.Xml.XmlWriterSettings]@{
    Indent          = $true
    IndentChars     = '  '
    NewLineChars    = "`n"
    Encoding        = [System.Text.UTF8Encoding]::new($false)
    CheckCharacters = $true
}
foreach ($entry in $helpByFile.GetEnumerator()) {
    $target = Join-Path $OutputPath $entry.Key
    $writer = [System.Xml.XmlWriter]::Create($target, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($item in $entry.Value) { Write-CommandHelp $writer $item.Command $item.Help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    $null = [xml] (Get-Content -LiteralPath $target -Raw)   # must read back as XML
    Write-Host "Wrote $target ($($entry.Value.Count) cmdlet(s))"
}
foreach ($about in $aboutSources) {
    $target = Join-Path $OutputPath "$($about.Topic).help.txt"
    Copy-Item -LiteralPath $about.Source -Destination $target -Force
    Write-Host "Wrote $target"
}
