# Builds the module's MAML help from the compiled cmdlets (parameter sets, mandatory flags, positions, aliases,
# pipeline input, switches, defaults, DontShow) and the prose in tools/help/prose/<Cmdlet>.psd1.
# Build-Help.ps1 writes it to module/en-US; tests/Help.Tests.ps1 fails when the committed file and the cmdlets disagree.
Set-StrictMode -Version Latest

$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

$script:ShouldProcessProse = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Get-HelpParameterModel {
    <# The parameters of a cmdlet as help shows them: no common parameters (WhatIf and Confirm stay), no DontShow ones. #>
    param([System.Management.Automation.CommandInfo] $Command)
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    foreach ($parameter in $Command.Parameters.Values) {
        if ($parameter.Name -in $common) { continue }
        $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        if (@($attributes | Where-Object DontShow).Count -gt 0) { continue }
        $parameter
    }
}

function Get-HelpTypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    $Type.Name
}

function Get-PipelineInputText($Attributes) {
    $kinds = @()
    if (@($Attributes | Where-Object ValueFromPipeline).Count -gt 0) { $kinds += 'ByValue' }
    if (@($Attributes | Where-Object ValueFromPipelineByPropertyName).Count -gt 0) { $kinds += 'ByPropertyName' }
    if ($kinds.Count -eq 0) { return 'False' }
    "True ($($kinds -join ', '))"
}

function Get-DefaultValueText {
    param($Parameter, $Instance, [hashtable] $Prose)
    if ($Prose.ContainsKey('Defaults') -and $Prose.Defaults.ContainsKey($Parameter.Name)) { return [string]$Prose.Defaults[$Parameter.Name] }
    if ($Parameter.SwitchParameter) { return 'False' }
    if ($null -eq $Instance -or $Parameter.Name -in 'WhatIf', 'Confirm') { return 'None' }
    $property = $Instance.GetType().GetProperty($Parameter.Name)
    if ($null -eq $property) { return 'None' }
    $value = $property.GetValue($Instance)
    if ($null -eq $value -or ($value -is [string] -and $value -eq '')) { return 'None' }
    if ($value -is [array]) { return ($value -join ', ') }
    [string]$value
}

function Test-SupportsWildcards($Parameter) {
    @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
}

function Write-Para([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    foreach ($text in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $script:Maml, $text) }
}

function Write-HelpParameter {
    <# One command:parameter element; in a syntax item the set's own flags, in the parameter list the overall ones. #>
    param([System.Xml.XmlWriter] $Writer, $Parameter, [bool] $Required, [string] $Position, [string] $PipelineInput, [string] $Description, [string] $DefaultValue)
    $Writer.WriteStartElement('command', 'parameter', $script:Command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ($Parameter.ParameterType.IsArray).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', (Test-SupportsWildcards $Parameter).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $aliases = if ($Parameter.Aliases.Count -gt 0) { ($Parameter.Aliases | Sort-Object) -join ', ' } else { 'none' }
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $script:Maml, $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $script:Maml)
    Write-Para $Writer $Description
    $Writer.WriteEndElement()
    $typeName = Get-HelpTypeName $Parameter.ParameterType
    if (-not $Parameter.SwitchParameter) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:Command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', ($Parameter.ParameterType.IsArray).ToString().ToLowerInvariant())
        $Writer.WriteString($typeName)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $script:Dev)
    $Writer.WriteElementString('maml', 'name', $script:Maml, $typeName)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $script:Dev, $DefaultValue)
    $Writer.WriteEndElement()
}

function Get-ParameterDescription([string] $Name, [hashtable] $Prose, [string] $CommandName) {
    if ($Prose.Parameters.ContainsKey($Name)) { return [string]$Prose.Parameters[$Name] }
    if ($script:ShouldProcessProse.ContainsKey($Name)) { return $script:ShouldProcessProse[$Name] }
    throw "tools/help/prose/$CommandName.psd1 has no description for -$Name."
}

function Get-SetPosition($SetParameter) {
    if ($SetParameter.Position -ge 0) { [string]$SetParameter.Position } else { 'named' }
}

function Write-TypeEntries {
    <# command:inputTypes or command:returnValues: one entry per type with its description. #>
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $EntryName, $Entries)
    $Writer.WriteStartElement('command', $ListName, $script:Command)
    foreach ($entry in $Entries) {
        $Writer.WriteStartElement('command', $EntryName, $script:Command)
        $Writer.WriteStartElement('dev', 'type', $script:Dev)
        $Writer.WriteElementString('maml', 'name', $script:Maml, $entry.Type)
        $Writer.WriteEndElement()
        $Writer.WriteStartElement('maml', 'description', $script:Maml)
        Write-Para $Writer $entry.Description
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter] $Writer, [System.Management.Automation.CmdletInfo] $Command, [hashtable] $Prose)
    $visible = @(Get-HelpParameterModel $Command)
    $visibleNames = @($visible | ForEach-Object Name)
    $instance = try { [Activator]::CreateInstance($Command.ImplementingType) } catch { $null }

    $Writer.WriteStartElement('command', 'command', $script:Command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:Maml)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $script:Command)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:Dev)

    $Writer.WriteStartElement('command', 'details', $script:Command)
    $Writer.WriteElementString('command', 'name', $script:Command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $script:Command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $script:Command, $Command.Noun)
    $Writer.WriteStartElement('maml', 'description', $script:Maml)
    Write-Para $Writer $Prose.Synopsis
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'description', $script:Maml)
    Write-Para $Writer $Prose.Description
    $Writer.WriteEndElement()

    # One syntax block per parameter set, the default set first, positional parameters first, then mandatory ones.
    $Writer.WriteStartElement('command', 'syntax', $script:Command)
    $sets = @($Command.ParameterSets | Sort-Object @{ e = { -not $_.IsDefault } }, Name)
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:Command)
        $Writer.WriteElementString('maml', 'name', $script:Maml, $Command.Name)
        $members = @($set.Parameters | Where-Object Name -in $visibleNames)
        $ordered = @($members | Sort-Object @{ e = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ e = { -not $_.IsMandatory } }, @{ e = { [array]::IndexOf($visibleNames, $_.Name) } })
        foreach ($member in $ordered) {
            $parameter = $Command.Parameters[$member.Name]
            $pipe = if ($member.ValueFromPipeline -or $member.ValueFromPipelineByPropertyName) {
                $kinds = @(); if ($member.ValueFromPipeline) { $kinds += 'ByValue' }; if ($member.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }; "True ($($kinds -join ', '))"
            } else { 'False' }
            Write-HelpParameter -Writer $Writer -Parameter $parameter -Required $member.IsMandatory -Position (Get-SetPosition $member) -PipelineInput $pipe `
                -Description (Get-ParameterDescription $member.Name $Prose $Command.Name) -DefaultValue (Get-DefaultValueText $parameter $instance $Prose)
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Each parameter once: required only where it is mandatory in every set it belongs to.
    $Writer.WriteStartElement('command', 'parameters', $script:Command)
    foreach ($parameter in $visible) {
        $inSets = @($Command.ParameterSets | ForEach-Object { $_.Parameters | Where-Object Name -eq $parameter.Name })
        $required = $inSets.Count -gt 0 -and @($inSets | Where-Object { -not $_.IsMandatory }).Count -eq 0
        $positions = @($inSets | ForEach-Object { Get-SetPosition $_ } | Select-Object -Unique)
        $position = if ($positions.Count -eq 1) { $positions[0] } else { 'named' }
        $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        Write-HelpParameter -Writer $Writer -Parameter $parameter -Required $required -Position $position -PipelineInput (Get-PipelineInputText $attributes) `
            -Description (Get-ParameterDescription $parameter.Name $Prose $Command.Name) -DefaultValue (Get-DefaultValueText $parameter $instance $Prose)
    }
    $Writer.WriteEndElement()

    Write-TypeEntries $Writer 'inputTypes' 'inputType' $Prose.Inputs
    Write-TypeEntries $Writer 'returnValues' 'returnValue' $Prose.Outputs

    $Writer.WriteStartElement('command', 'examples', $script:Command)
    $number = 0
    foreach ($example in $Prose.Examples) {
        $number++
        $Writer.WriteStartElement('command', 'example', $script:Command)
        $Writer.WriteElementString('maml', 'title', $script:Maml, "-------------------------- Example ${number}: $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $script:Dev, ($example.Code -replace "`r`n", "`n"))
        $Writer.WriteStartElement('dev', 'remarks', $script:Dev)
        Write-Para $Writer $example.Remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $script:Command)
    foreach ($link in $Prose.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:Maml)
        $Writer.WriteElementString('maml', 'linkText', $script:Maml, $link)
        $Writer.WriteElementString('maml', 'uri', $script:Maml, '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Test-ProseMatchesCommand {
    <# Prose that names a parameter the cmdlet lacks, or outputs the cmdlet does not declare, is an error, not silently dropped. #>
    param([System.Management.Automation.CmdletInfo] $Command, [hashtable] $Prose)
    $names = @(Get-HelpParameterModel $Command | ForEach-Object Name)
    foreach ($key in $Prose.Parameters.Keys) {
        if ($key -notin $names) { throw "tools/help/prose/$($Command.Name).psd1 describes -$key, which $($Command.Name) does not have (or hides)." }
    }
    $declared = @($Command.OutputType | ForEach-Object Name)
    foreach ($output in $Prose.Outputs) {
        if ($output.Type -ne 'None' -and $output.Type -notin $declared) {
            throw "tools/help/prose/$($Command.Name).psd1 lists output $($output.Type), which $($Command.Name) does not declare with [OutputType] (it declares: $($declared -join ', '))."
        }
    }
}

function New-JwtAuthMaml {
    <# The MAML text for every cmdlet of the loaded module -ModuleName, from its compiled metadata and the prose in -ProseFolder. #>
    param([string] $ModuleName = 'JwtAuth', [string] $ProseFolder = [IO.Path]::Combine($PSScriptRoot, 'prose'))
    $commands = @(Get-Command -Module $ModuleName -CommandType Cmdlet | Sort-Object Name)
    if ($commands.Count -eq 0) { throw "Module $ModuleName is not loaded or exports no cmdlets." }
    $proseFiles = @(Get-ChildItem -LiteralPath $ProseFolder -Filter *.psd1 | ForEach-Object { $_.BaseName })
    foreach ($file in $proseFiles) {
        if ($file -notin $commands.Name) { throw "tools/help/prose/$file.psd1 describes a cmdlet the module does not export." }
    }
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $buffer = [System.IO.StringWriter]::new()
    $writer = [System.Xml.XmlWriter]::Create($buffer, $settings)
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        $prosePath = [IO.Path]::Combine($ProseFolder, "$($command.Name).psd1")
        if (-not (Test-Path -LiteralPath $prosePath)) { throw "$($command.Name) has no help prose: add tools/help/prose/$($command.Name).psd1." }
        $prose = Import-PowerShellDataFile -LiteralPath $prosePath
        Test-ProseMatchesCommand $command $prose
        Write-CommandHelp -Writer $writer -Command $command -Prose $prose
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
    $writer.Flush()
    # StringWriter reports UTF-16 in the declaration; the file is written as UTF-8.
    ($buffer.ToString() -replace '^<\?xml version="1.0" encoding="utf-16"\?>', '<?xml version="1.0" encoding="utf-8"?>') + "`n"
}

Export-ModuleMember -Function New-JwtAuthMaml
