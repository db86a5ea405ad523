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
    $script:OriginalHome = $env:HOME

    # A new scratch org whose user Salesforce accepts only after -ReplicatesAfterSeconds.
    function script:New-LateScratchUser([double] $ReplicatesAfterSeconds) {
        $user = "late-$([guid]::NewGuid().ToString('N').Substring(0, 6))@example.com"
        Invoke-MockControl -Mock $script:Mock -Path orgs -Body @{ kind = 'Scratch'; name = "Late$user"; devHub = 'Hub' } | Out-Null
        Invoke-MockControl -Mock $script:Mock -Path users -Body @{ username = $user; org = "Late$user"; preAuthorizedFor = @($script:Scenario.ConsumerKey); replicatesAfterSeconds = $ReplicatesAfterSeconds } | Out-Null
        $user
    }

    # A PowerShell instance (this process, the test's store) that connects one scratch user, to stop or to read the streams of.
    function script:New-ConnectInstance([string] $Username, [int] $RetryTimeoutSec) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModulePath'; `$env:JWTAUTH_HOME = '$env:JWTAUTH_HOME'; Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -Username '$Username' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -Audience https://test.salesforce.com -RetryTimeoutSec $RetryTimeoutSec")
        $ps
    }
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

    It 'accepts only CurrentUser and Process for -Scope, and types the output''s Scope as SfAuthScope' {
        { Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Scope SfCli } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        $auth = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url
        $auth.Scope | Should -BeOfType JwtAuth.SfAuthScope
        $auth.Scope | Should -Be ([JwtAuth.SfAuthScope]::CurrentUser)
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
        $late = New-LateScratchUser -ReplicatesAfterSeconds 3600
        $ps = New-ConnectInstance -Username $late -RetryTimeoutSec 3000
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

    It 'ends a failed connect of one org named on the command line in a terminating error, which try/catch catches without -ErrorAction Stop' {
        $ErrorActionPreference = 'Continue'
        $caught = $null
        $out = $null
        $afterwards = $null
        try {
            $out = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username 'nobody@example.com' -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -RetryTimeoutSec 0
            $afterwards = 'the statement after it ran'
        } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'UserNotApproved,*'
        $caught.TargetObject | Should -Be 'nobody@example.com'
        $out | Should -BeNullOrEmpty
        $afterwards | Should -BeNullOrEmpty
    }

    It 'ends a refusal before login of one org named on the command line in a terminating error too' {
        $ErrorActionPreference = 'Continue'
        $caught = $null
        try { Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $script:Scenario.HubUsername -KeyFile '' -LoginUrl $script:Url } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'MissingKeyFile,*'
    }

    It 'stops a pwsh -File script with a non-zero exit code when the README''s $ErrorActionPreference = ''Stop'' is set and the login fails' {
        $script = Join-Path $TestDrive 'task.ps1'
        Set-Content -LiteralPath $script -Value @"
`$ErrorActionPreference = 'Stop'
Import-Module '$script:ModulePath'
Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -Username 'nobody@example.com' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -RetryTimeoutSec 0 -Scope Process
'the task went on'
"@
        $engine = Get-PwshEngine
        $psi = [System.Diagnostics.ProcessStartInfo]::new($engine.FilePath)
        foreach ($a in @($engine.Arguments) + @('-NoProfile', '-NonInteractive', '-File', $script)) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $psi.Environment['JWTAUTH_HOME'] = $env:JWTAUTH_HOME
        $child = [System.Diagnostics.Process]::Start($psi)
        $stdout = $child.StandardOutput.ReadToEndAsync()
        $stderr = $child.StandardError.ReadToEndAsync()
        $child.WaitForExit(300000) | Should -BeTrue
        $child.WaitForExit()

        $child.ExitCode | Should -Not -Be 0
        $stdout.Result | Should -Not -Match 'the task went on'
        $stderr.Result + $stdout.Result | Should -Match 'UserNotApproved|approved'
    }

    It 'sends nothing and writes nothing with -WhatIf, for one org and for many' {
        $env:HOME = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $env:HOME | Out-Null
        try {
            $names = @($script:Scenario.HubUsername) + $script:Scenario.ScratchUsernames[0..1]
            Invoke-MockControl -Mock $script:Mock -Method Delete -Path requests | Out-Null
            $one = Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -Username $names[0] -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias hub -SetDefaultDevHub -SfCli -WhatIf
            $many = $names | Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -WhatIf

            $one | Should -BeNullOrEmpty
            $many | Should -BeNullOrEmpty
            @(Invoke-MockControl -Mock $script:Mock -Method Get -Path requests) | Should -BeNullOrEmpty
            Test-Path $env:JWTAUTH_HOME | Should -BeFalse
            @(Get-ChildItem $env:HOME -Recurse -Force) | Should -HaveCount 0
        } finally {
            $env:HOME = $script:OriginalHome
        }
    }

    It 'connects every piped org with -Confirm:$false even when $ConfirmPreference asks for confirmation of low-impact changes' {
        $names = $script:Scenario.ScratchUsernames[0..1]
        $auths = & {
            $ConfirmPreference = 'Low'
            $names | Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Audience https://test.salesforce.com -Confirm:$false
        }
        @($auths.Username | Sort-Object) | Should -Be @($names | Sort-Object)
    }

    It 'is Low impact, and asks for each org before anything is sent when $ConfirmPreference is Low' {
        (Get-Command Connect-SfOrgJwt).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'Low'
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path requests | Out-Null
        # A host that cannot answer: asking ends the command, so the error shows it asked, and the request log shows when.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$script:ModulePath'; `$ConfirmPreference = 'Low'; '$($script:Scenario.ScratchUsernames[0])', '$($script:Scenario.ScratchUsernames[1])' | Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -Audience https://test.salesforce.com")
            $asked = $null
            try { $out = $ps.Invoke() } catch { $asked = $_.Exception }
            $asked = "$asked $($ps.Streams.Error)"
        } finally { $ps.Dispose() }

        $asked | Should -Match 'prompt|user interaction' -Because 'with $ConfirmPreference = Low a Low-impact cmdlet asks'
        $out | Should -BeNullOrEmpty
        @(Invoke-MockControl -Mock $script:Mock -Method Get -Path requests) | Should -BeNullOrEmpty -Because 'each org is asked about before anything is sent'
        Test-Path $env:JWTAUTH_HOME | Should -BeFalse
    }

    It 'writes every alias of the org it connected, in the order they were set, and the one set last as Alias' {
        $connect = @{ ClientId = $script:Scenario.ConsumerKey; Username = $script:Scenario.HubUsername; KeyFile = $script:Cert.KeyPath; LoginUrl = $script:Url }
        $first = Connect-SfOrgJwt @connect -Alias chub
        $second = Connect-SfOrgJwt @connect -Alias bhub
        $again = Connect-SfOrgJwt @connect -Alias chub
        $plain = Connect-SfOrgJwt @connect

        $first.Aliases | Should -Be @('chub')
        $second.Aliases | Should -Be @('chub', 'bhub')
        $second.Alias | Should -Be 'bhub'
        $again.Aliases | Should -Be @('bhub', 'chub')
        $again.Alias | Should -Be 'chub'
        $plain.Aliases | Should -Be @('bhub', 'chub') -Because 'a connect without -Alias keeps the aliases the org has'
        $plain.Alias | Should -Be 'chub'
    }

    It 'shows a progress bar with the time waited and the bound while one new scratch user replicates' {
        $late = New-LateScratchUser -ReplicatesAfterSeconds 2
        $ps = New-ConnectInstance -Username $late -RetryTimeoutSec 120
        try {
            $out = $ps.Invoke()
            $progress = @($ps.Streams.Progress)
        } finally { $ps.Dispose() }

        $out.Username | Should -Be $late
        $waiting = @($progress | Where-Object { $_.RecordType -eq 'Processing' -and $_.StatusDescription -match 'waited \d+ of 120 s' })
        $waiting.Count | Should -BeGreaterThan 0
        $waiting[0].Activity | Should -Match ([regex]::Escape($late))
        $waiting[0].PercentComplete | Should -BeGreaterOrEqual 0
        @($progress | Where-Object { $_.RecordType -eq 'Completed' -and $_.ActivityId -eq $waiting[0].ActivityId }).Count | Should -BeGreaterThan 0
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
