BeforeDiscovery {
    $script:Cmdlets = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../JwtAuth.psd1')).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
    Import-Module (Join-Path $PSScriptRoot '../tools/help/JwtAuthHelp.psm1') -Force
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters

    function Get-VisibleParameterNames($Command, $Set) {
        @($Set.Parameters | Where-Object {
                $_.Name -notin $script:Common -and
                -not @($Command.Parameters[$_.Name].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count
            } | ForEach-Object Name)
    }
}

AfterAll {
    Remove-Module JwtAuth, JwtAuthHelp -ErrorAction SilentlyContinue
}

Describe 'The MAML help' {
    It 'is what tools/help/Build-Help.ps1 makes from the compiled cmdlets and the prose' {
        $committed = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../module/en-US/JwtAuth.dll-Help.xml')) -replace "`r`n", "`n"
        $generated = New-JwtAuthMaml -ModuleName JwtAuth
        $committed -eq $generated | Should -BeTrue -Because 'the help must match the cmdlets: run "dotnet pwsh ./tools/help/Build-Help.ps1" after ./build.ps1 and commit module/en-US/JwtAuth.dll-Help.xml'
    }

    It 'is staged beside each edition''s JwtAuth.dll (<_>)' -ForEach @('Core', 'Desktop') {
        $staged = Join-Path (Split-Path $script:ModulePath) "$_/en-US/JwtAuth.dll-Help.xml"
        (Get-FileHash $staged).Hash | Should -Be (Get-FileHash (Join-Path $PSScriptRoot '../module/en-US/JwtAuth.dll-Help.xml')).Hash
    }

    Context '<_>' -ForEach $script:Cmdlets {
        BeforeAll {
            $script:Command = Get-Command $_
            $script:Help = Get-Help $_ -Full
        }

        It 'shows one syntax block per parameter set' {
            @($script:Help.syntax.syntaxItem).Count | Should -Be @($script:Command.ParameterSets).Count
        }

        It 'gives each syntax block the parameters, mandatory flags and positions of its set' {
            $items = @($script:Help.syntax.syntaxItem)
            $sets = @($script:Command.ParameterSets | Sort-Object @{ e = { -not $_.IsDefault } }, Name)
            for ($i = 0; $i -lt $sets.Count; $i++) {
                $expected = Get-VisibleParameterNames $script:Command $sets[$i]
                $shown = @($items[$i].parameter)
                ($shown.name | Sort-Object) | Should -Be ($expected | Sort-Object) -Because "set $($sets[$i].Name)"
                foreach ($p in $shown) {
                    $meta = $sets[$i].Parameters | Where-Object Name -eq $p.name
                    [bool]::Parse($p.required) | Should -Be $meta.IsMandatory -Because "-$($p.name) in set $($sets[$i].Name)"
                    $position = if ($meta.Position -ge 0) { [string]$meta.Position } else { 'named' }
                    $p.position | Should -Be $position -Because "-$($p.name) in set $($sets[$i].Name)"
                }
            }
        }

        It 'shows switches without a value and other parameters with their type' {
            foreach ($p in @($script:Help.syntax.syntaxItem | ForEach-Object { $_.parameter })) {
                $isSwitch = $script:Command.Parameters[$p.name].SwitchParameter
                $hasValue = $null -ne $p.PSObject.Properties['parameterValue'] -and $null -ne $p.parameterValue
                $hasValue | Should -Be (-not $isSwitch) -Because "-$($p.name)"
            }
        }

        It 'lists the real aliases and pipeline input of every parameter, and no hidden one' {
            foreach ($p in @($script:Help.parameters.parameter)) {
                $meta = $script:Command.Parameters[$p.name]
                $meta | Should -Not -BeNullOrEmpty -Because "-$($p.name) must exist"
                $expectedAliases = if ($meta.Aliases.Count) { ($meta.Aliases | Sort-Object) -join ', ' } else { 'none' }
                $p.aliases | Should -Be $expectedAliases -Because "-$($p.name)"
                $attributes = @($meta.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
                @($attributes | Where-Object DontShow).Count | Should -Be 0 -Because "-$($p.name) is hidden and must not be in the help"
                $byValue = @($attributes | Where-Object ValueFromPipeline).Count -gt 0
                $byName = @($attributes | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
                $p.pipelineInput -like '*ByValue*' | Should -Be $byValue -Because "-$($p.name)"
                $p.pipelineInput -like '*ByPropertyName*' | Should -Be $byName -Because "-$($p.name)"
            }
        }
    }
}
