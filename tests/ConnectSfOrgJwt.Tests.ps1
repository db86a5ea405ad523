BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
    $script:Mock = Start-MockSalesforce
    $script:KeyDir = Join-Path $TestDrive 'keys'
    $script:PfxPassword = ConvertTo-SecureString 'pfx-pass' -AsPlainText -Force
    $script:Cert = New-SfCertificate -OutputDirectory $script:KeyDir -CommonName 'Pester' -PfxPassword $script:PfxPassword
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath -ScratchCount 6
    $script:Url = $script:Mock.BaseUrl
}

AfterAll {
    Stop-MockSalesforce $script:Mock
}

Describe 'Connect-SfOrgJwt' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'connects a Dev Hub with a key file and stores it' {
        $auth = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias HubOrg -SetDefaultDevHub
        $auth | Should -BeOfType JwtAuth.SfOrgAuth
        $auth.OrgType | Should -Be 'DevHub'
        $auth.OrgId | Should -Match '^00D\w{15}$'
        $auth.UserId | Should -Match '^005\w{15}$'
        $auth.Alias | Should -Be 'HubOrg'
        $auth.IsDefaultDevHub | Should -BeTrue
        $auth.AccessToken | Should -BeOfType System.Security.SecureString
        $auth.KeyFile | Should -Be $script:Cert.KeyPath
        (Get-SfOrgAuth HubOrg).Username | Should -Be $script:Scenario.HubUsername
    }

    It 'resolves a relative -KeyFile against the PowerShell location' {
        Push-Location $script:KeyDir
        try {
            $auth = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile ./server.key -LoginUrl $script:Url
        } finally { Pop-Location }
        $auth.KeyFile | Should -Be $script:Cert.KeyPath
    }

    It 'signs with -PrivateKey text, also base64-encoded, and marks the auth not renewable' {
        $pem = Get-Content -Raw $script:Cert.KeyPath
        $b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pem))
        $auth = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -PrivateKey $b64 -LoginUrl $script:Url
        $auth.OrgType | Should -Be 'DevHub'
        $auth.CanRenew | Should -BeFalse
        $auth.KeyFile | Should -BeNullOrEmpty
    }

    It 'signs with a -Certificate object that has its key' {
        $x509 = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($script:Cert.PfxPath, 'pfx-pass')
        $auth = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -Certificate $x509 -LoginUrl $script:Url
        $auth.OrgType | Should -Be 'DevHub'
    }

    It 'signs with a PFX given as -KeyFile with -KeyPassword' {
        $auth = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.PfxPath -KeyPassword $script:PfxPassword -LoginUrl $script:Url
        $auth.KeyFile | Should -Be $script:Cert.PfxPath
    }

    It 'asks for the password of a PFX given without one' {
        { Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.PfxPath -LoginUrl $script:Url -ErrorAction Stop } |
            Should -Throw -ErrorId 'KeyPassword*'
    }

    It 'connects many scratch orgs from the pipeline, each as it completes' {
        $rows = $script:Scenario.ScratchUsernames | ForEach-Object -Begin { $i = 0 } -Process {
            $i++; [pscustomobject]@{ Username = $_; LoginUrl = $script:Url; Alias = "scratch$i" }
        }
        $auths = $rows | Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -KeyFile $script:Cert.KeyPath -Audience 'https://test.salesforce.com' -ThrottleLimit 4
        $auths.Count | Should -Be $rows.Count
        ($auths | Sort-Object Username).Username | Should -Be ($rows | Sort-Object Username).Username
        $auths | ForEach-Object { $_.OrgType | Should -Be 'Scratch' }
        (Get-SfOrgAuth 'scratch*').Count | Should -Be $rows.Count
    }

    It 'reports one bad org as a non-terminating error and connects the others' {
        $names = @($script:Scenario.ScratchUsernames[0], 'nobody@example.com', $script:Scenario.ScratchUsernames[1])
        $auths = $names | Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Audience 'https://test.salesforce.com' -RetryTimeoutSec 0 -ErrorVariable errs -ErrorAction SilentlyContinue
        $auths.Count | Should -Be 2
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be 'nobody@example.com'
        $errs[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'names the fix for a wrong consumer key, with a stable error id' {
        $err = $null
        try {
            Connect-SfOrgJwt -ClientId 'wrong-key' -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -ErrorAction Stop
        } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidClientId*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Consumer Key'
    }

    It 'refuses a key that does not match the uploaded certificate' {
        $other = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'other') -Force
        { Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $other.KeyPath -LoginUrl $script:Url -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAssertion*'
    }

    It 'reports a missing key file by path' {
        $missing = Join-Path $TestDrive 'nope.key'
        $err = $null
        try { Connect-SfOrgJwt -ClientId x -Username y@example.com -KeyFile $missing -LoginUrl $script:Url -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'KeyFileNotFound*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.Exception.Message | Should -Match ([regex]::Escape($missing))
    }

    It 'refuses plain http to a host that is not loopback' {
        { Connect-SfOrgJwt -ClientId x -Username y@example.com -KeyFile $script:Cert.KeyPath -LoginUrl 'http://login.salesforce.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'LoginUrl*'
    }

    It 'keeps a -Scope Process auth out of the store and out of a new process' {
        Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Scope Process -Alias Ephemeral | Out-Null
        (Get-SfOrgAuth Ephemeral).Scope | Should -Be 'Process'
        $child = Invoke-ChildPwsh -Script "Import-Module '$script:ModulePath'; @(Get-SfOrgAuth).Count" -Environment @{ JWTAUTH_HOME = $env:JWTAUTH_HOME }
        $child.Output.Trim() | Should -Be '0'
    }

    It 'persists a CurrentUser auth for a new process, which gets a working token' {
        Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias Persisted | Out-Null
        $script = "Import-Module '$script:ModulePath'; `$a = Get-SfOrgAuth Persisted -AsPlainText; Invoke-RestMethod `"`$(`$a.InstanceUrl)/services/oauth2/userinfo`" -Headers @{ Authorization = `"Bearer `$(`$a.AccessToken)`" } | Out-Null; 'ok:' + `$a.OrgType"
        $child = Invoke-ChildPwsh -Script $script -Environment @{ JWTAUTH_HOME = $env:JWTAUTH_HOME }
        $child.Error | Should -BeNullOrEmpty
        $child.Output.Trim() | Should -Be 'ok:DevHub'
    }

    It 'works in a session where another module already loaded its own Microsoft.IdentityModel.Tokens' -Skip:(-not ('System.Reflection.Emit.PersistedAssemblyBuilder' -as [type])) {
        $impostor = Join-Path $TestDrive 'conflict/Microsoft.IdentityModel.Tokens.dll'
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1')'
`$other = New-ImpostorAssembly -Path '$impostor' -Name 'Microsoft.IdentityModel.Tokens' -Version '1.0.0.0'
Import-Module '$script:ModulePath'
`$auth = Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -Username '$($script:Scenario.HubUsername)' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url'
'connected:' + `$auth.OrgType
'other:' + `$other.GetName().Version + ':' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$other).Name
# The control: the same IdentityModel in the default context does not survive the impostor.
try { Add-Type -Path '$(Join-Path (Split-Path $script:ModulePath) 'Core/Dependencies/System.IdentityModel.Tokens.Jwt.dll')'; `$null = [System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler]::new(); 'control:no conflict' } catch { 'control:conflict' }
"@
        $child = Invoke-ChildPwsh -Script $script -Environment @{ JWTAUTH_HOME = $env:JWTAUTH_HOME }
        $child.Error | Should -BeNullOrEmpty
        $child.Output | Should -Match 'connected:DevHub'
        $child.Output | Should -Match 'other:1\.0\.0\.0:Default'
        $child.Output | Should -Match 'control:conflict'
    }

    It 'stops a replication wait at once when the pipeline is stopped (Ctrl+C)' {
        $late = "late-$([guid]::NewGuid().ToString('N').Substring(0, 6))@example.com"
        Invoke-MockControl -Mock $script:Mock -Path orgs -Body @{ kind = 'Scratch'; name = "Late$late"; devHub = 'Hub' } | Out-Null
        Invoke-MockControl -Mock $script:Mock -Path users -Body @{ username = $late; org = "Late$late"; preAuthorizedFor = @($script:Scenario.ConsumerKey); replicatesAfterSeconds = 3600 } | Out-Null
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModulePath'; `$env:JWTAUTH_HOME = '$env:JWTAUTH_HOME'; Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -Username '$late' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -Audience https://test.salesforce.com -RetryTimeoutSec 3000")
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not ((Invoke-MockControl -Mock $script:Mock -Path requests -Method Get) | Where-Object { $_.path -like '*/oauth2/token' -and $_.assertion.claims.sub -eq $late })) {
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The connect never reached the token endpoint.' }
            Start-Sleep -Milliseconds 200
        }
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
        (Get-SfOrgAuth $late -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'never writes the token or the assertion to the verbose or debug streams' {
        $out = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias Secret -Verbose -Debug 4>&1 5>&1
        $token = (Get-SfOrgAuth Secret -AsPlainText).AccessToken
        $streams = ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -or $_ -is [System.Management.Automation.DebugRecord] } | Out-String)
        $streams | Should -Not -BeNullOrEmpty
        $streams | Should -Not -Match ([regex]::Escape($token))
        $streams | Should -Not -Match 'eyJ[\w-]+\.eyJ'
        ($out | Where-Object { $_ -is [JwtAuth.SfOrgAuth] } | Format-Table | Out-String) | Should -Not -Match ([regex]::Escape($token))
    }
}
