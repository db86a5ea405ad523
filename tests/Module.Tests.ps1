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

Describe 'Loading the module in a fresh PowerShell' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    BeforeAll {
        $script:Mock = Start-MockSalesforce
        $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys')
        $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath
        # The folder the module should load its dependencies from in this process: the images for this runtime and platform.
        $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
        $arch = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
        $script:ThisPlatform = "net$([Environment]::Version.Major).0-$os-$arch"

        # Connects one org in a child process and reports where each of our assemblies came from.
        $script:ConnectAndReportLocations = {
            param([string] $ModulePath)
            $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$auth = Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -Username '$($script:Scenario.HubUsername)' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$($script:Mock.BaseUrl)'
'token:' + [bool](Get-SfOrgAuth '$($script:Scenario.HubUsername)' -AsPlainText).AccessToken
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name -eq 'JwtAuth' } |
  ForEach-Object { 'loaded:{0}={1}' -f `$_.GetName().Name, [IO.Path]::GetRelativePath('$(Split-Path $ModulePath)', `$_.Location).Replace('\', '/') }
"@
            Invoke-ChildPwsh -Script $script -Environment @{ JWTAUTH_HOME = (Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))) }
        }

        # A copy of the staged module to break in one way.
        $script:CopyModule = {
            $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            Copy-Item -Recurse (Split-Path $script:ModulePath) $copy
            $copy
        }
    }

    AfterAll {
        Stop-MockSalesforce $script:Mock
    }

    It 'imports without loading the core or Microsoft.PowerShell.Management' {
        # A cache folder of its own: PowerShell replays its JIT startup profile there in the background, and a
        # profile that an earlier process wrote after a connect would load the core on its own.
        $cache = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $result = Invoke-ChildPwsh -Environment @{ XDG_CACHE_HOME = $cache; LOCALAPPDATA = $cache } -Script @"
Import-Module '$script:ModulePath'
'management:' + [bool](Get-Module Microsoft.PowerShell.Management)
'core:' + [bool]([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'JwtAuth.Core' })
'cmdlets:' + (Get-Module JwtAuth).ExportedCmdlets.Count
"@
        $result.Error | Should -BeNullOrEmpty
        $result.Output | Should -Match 'management:False'
        $result.Output | Should -Match 'core:False'
        $exported = (Import-PowerShellDataFile $script:ModulePath).CmdletsToExport
        $exported.Count | Should -BeGreaterThan 0
        $result.Output | Should -Match "cmdlets:$($exported.Count)\b"
    }

    It 'runs the first connect from the ReadyToRun images for this runtime and platform' {
        Join-Path (Split-Path $script:ModulePath) "Core/ReadyToRun/$script:ThisPlatform" | Should -Exist
        $result = & $script:ConnectAndReportLocations $script:ModulePath
        $result.Error | Should -BeNullOrEmpty
        $result.Output | Should -Match 'token:True'
        $loaded = @($result.Output -split "`n" | Where-Object { $_ -like 'loaded:*' })
        $loaded.Count | Should -BeGreaterOrEqual 5 -Because 'the core, Newtonsoft.Json and Microsoft.IdentityModel.* load in the private context'
        foreach ($line in $loaded) { $line | Should -Match "=Core/ReadyToRun/$([regex]::Escape($script:ThisPlatform))/" }
    }

    It 'falls back to the plain assemblies when <Case>' -ForEach @(
        @{ Case = 'the module has no images'; Break = { param($copy, $platform) Remove-Item -Recurse (Join-Path $copy 'Core/ReadyToRun') } }
        @{ Case = "this platform's folder holds images for another one"; Break = {
                param($copy, $platform)
                $folder = Join-Path $copy "Core/ReadyToRun/$platform"
                $other = Get-ChildItem (Join-Path $copy 'Core/ReadyToRun') -Directory | Where-Object Name -ne $platform | Select-Object -First 1
                Remove-Item -Recurse $folder
                Copy-Item -Recurse $other.FullName $folder
            }
        }
    ) {
        $copy = & $script:CopyModule
        & $Break $copy $script:ThisPlatform
        $result = & $script:ConnectAndReportLocations (Join-Path $copy 'JwtAuth.psd1')
        $result.Error | Should -BeNullOrEmpty
        $result.Output | Should -Match 'token:True'
        $loaded = @($result.Output -split "`n" | Where-Object { $_ -like 'loaded:*' })
        $loaded.Count | Should -BeGreaterOrEqual 5
        foreach ($line in $loaded) { $line | Should -Match '=Core/Dependencies/' }
    }

    It 'refuses to import, saying what it runs on, when its binary module does not load' {
        $copy = & $script:CopyModule
        [IO.File]::WriteAllText((Join-Path $copy 'Core/JwtAuth.dll'), 'not an assembly')
        $result = Invoke-ChildPwsh -Script @"
try { Import-Module '$(Join-Path $copy 'JwtAuth.psd1')' -ErrorAction Stop; 'imported' } catch { 'failed:' + `$_ }
'modules:' + @(Get-Module JwtAuth -All).Count
"@
        $result.Output | Should -Match 'failed:JwtAuth runs on Windows PowerShell 5\.1 and PowerShell 7\.4 or newer, and its Core/JwtAuth\.dll did not load'
        $result.Output | Should -Match 'modules:0'
    }

    It 'Remove-Module JwtAuth removes the binary module and its cmdlets' {
        $result = Invoke-ChildPwsh -Script @"
`$PSModuleAutoLoadingPreference = 'None'
Import-Module '$script:ModulePath'
'before:' + @(Get-Module JwtAuth -All).Count
Remove-Module JwtAuth
'after:' + @(Get-Module JwtAuth -All).Count
'cmdlet:' + [bool](Get-Command Connect-SfOrgJwt -ErrorAction SilentlyContinue)
"@
        $result.Error | Should -BeNullOrEmpty
        $result.Output | Should -Match 'before:2'
        $result.Output | Should -Match 'after:0'
        $result.Output | Should -Match 'cmdlet:False'
    }
}
