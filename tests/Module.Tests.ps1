BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
}

AfterAll {
    Remove-Module JwtAuth -ErrorAction SilentlyContinue
}

Describe 'The staged module' {
    It 'exports exactly the seven cmdlets' {
        $commands = (Get-Module JwtAuth).ExportedCommands.Keys | Sort-Object
        $commands | Should -Be @('Connect-SfOrgJwt', 'Disconnect-SfOrg', 'Get-SfOrgAuth', 'Get-SfScratchOrg', 'New-SfCertificate', 'New-SfScratchOrg', 'Remove-SfScratchOrg')
    }

    It 'declares both editions and Windows PowerShell 5.1 as the minimum' {
        $manifest = Import-PowerShellDataFile $script:ModulePath
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'passes Test-ModuleManifest and carries what a gallery release needs' {
        $info = Test-ModuleManifest -Path $script:ModulePath -ErrorAction Stop
        $info.Name | Should -Be 'JwtAuth'
        $data = (Import-PowerShellDataFile $script:ModulePath).PrivateData.PSData
        $data.Tags | Should -Contain 'Salesforce'
        $data.Tags | Where-Object { $_ -match '\s' } | Should -BeNullOrEmpty -Because 'gallery tags cannot hold spaces'
        $data.LicenseUri | Should -Not -BeNullOrEmpty
        $data.ReleaseNotes | Should -Not -BeNullOrEmpty
        $data.ContainsKey('ProjectUri') | Should -BeFalse -Because 'the project has no public home yet: no invented URL'
        Test-Path (Join-Path $PSScriptRoot '../LICENSE') | Should -BeTrue
        (Get-Content -Raw (Join-Path $PSScriptRoot '../LICENSE')) | Should -Match 'MIT License'
    }

    It 'has full help for <_>' -ForEach @('New-SfCertificate', 'Connect-SfOrgJwt', 'Get-SfOrgAuth', 'Disconnect-SfOrg', 'New-SfScratchOrg', 'Get-SfScratchOrg', 'Remove-SfScratchOrg') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+\s*\[' # not the auto-generated syntax line
        $help.description | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        # Hidden (DontShow) parameters are left out of the help on purpose; Help.Tests.ps1 checks that they are.
        $hidden = @((Get-Command $_).Parameters.Values | Where-Object { @($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count } | ForEach-Object Name)
        foreach ($parameter in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common -and $_ -notin $hidden }) {
            $entry = $help.parameters.parameter | Where-Object name -eq $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "$parameter needs help"
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "$parameter needs a description"
        }
    }

    It 'has the about topic' {
        Get-Help about_JwtAuth | Out-String | Should -Match 'JWT bearer flow'
    }

    It 'loads the core and its dependencies outside the default load context on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $result = Invoke-ChildPwsh -Script @"
Import-Module '$script:ModulePath'
Get-SfOrgAuth -ErrorAction SilentlyContinue | Out-Null
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'JwtAuth.Core', 'Newtonsoft.Json', 'Microsoft.IdentityModel.Tokens' } |
  ForEach-Object { '{0}={1}' -f `$_.GetName().Name, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@ -Environment @{ JWTAUTH_HOME = (Join-Path $TestDrive 'alc-home') }
        $result.Output | Should -Match 'JwtAuth.Core=JwtAuth'
    }
}
