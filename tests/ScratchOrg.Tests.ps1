# Issue 12 through the cmdlets: scratch orgs created, found from another store and deleted through a mock Dev Hub.
# The mock runs in real time here: one second of provisioning, users that replicate at once (the waits are xunit's).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
    $script:Mock = Start-MockSalesforce
    $script:Url = $script:Mock.BaseUrl
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys') -CommonName 'Pester scratch' -PfxPassword (ConvertTo-SecureString 'pfx-pass' -AsPlainText -Force)
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath
    $script:ConsumerKey = $script:Scenario.ConsumerKey
    Invoke-MockControl -Mock $script:Mock -Path options -Body @{ scratchOrgProvisioningSeconds = 1; replicationDelaySeconds = 0 } | Out-Null
    $script:OriginalHome = $env:HOME

    function script:New-DevHub {
        # A Dev Hub of its own for each test, so its listings hold only that test's orgs; connected as HubOrg, the default Dev Hub.
        param([switch] $NoConnect)
        $name = 'Hub' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $user = "admin-$($name.ToLowerInvariant())@hub.example.com"
        Invoke-MockControl -Mock $script:Mock -Path orgs -Body @{ kind = 'DevHub'; name = $name } | Out-Null
        Invoke-MockControl -Mock $script:Mock -Path users -Body @{ username = $user; org = $name; preAuthorizedFor = @($script:ConsumerKey) } | Out-Null
        if (-not $NoConnect) {
            Connect-SfOrgJwt -ClientId $script:ConsumerKey -Username $user -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias HubOrg -SetDefaultDevHub -WarningAction SilentlyContinue | Out-Null
        }
        [pscustomobject]@{ Name = $name; Username = $user }
    }

    function script:Get-MockScratchOrgs {
        # The mock's ScratchOrgInfo records of one hub (the control API answers one JSON array).
        param($Hub)
        $hubId = (Get-SfOrgAuth -ErrorAction SilentlyContinue | Where-Object Username -eq $Hub.Username).OrgId
        $all = Invoke-MockControl -Mock $script:Mock -Method Get -Path scratch-orgs
        @($all | Where-Object { $_.hubId -eq $hubId })
    }

    function script:Get-InsertCount {
        $requests = Invoke-MockControl -Mock $script:Mock -Method Get -Path requests
        @($requests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/sobjects/ScratchOrgInfo' }).Count
    }
}

AfterAll {
    $env:HOME = $script:OriginalHome
    Stop-MockSalesforce $script:Mock
}

Describe 'Scratch orgs through a Dev Hub' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
    }

    AfterEach {
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path scratch-org-plans | Out-Null
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
        $env:HOME = $script:OriginalHome
    }

    Describe 'New-SfScratchOrg' {
        It 'creates -Count orgs named by -AliasPrefix, each stored as a scratch org of its Dev Hub and written as stored' {
            $hub = New-DevHub
            $orgs = New-SfScratchOrg -Count 3 -AliasPrefix feature

            $orgs | Should -HaveCount 3
            $orgs | ForEach-Object { $_ | Should -BeOfType JwtAuth.SfScratchOrg }
            ($orgs.Alias | Sort-Object) | Should -Be @('feature1', 'feature2', 'feature3')
            $orgs | ForEach-Object {
                $_.Status | Should -Be 'Active'
                $_.DevHub | Should -Be $hub.Username
                $_.OrgId | Should -Match '^00D\w{15}$'
                $_.ScratchOrgInfoId | Should -Match '^2SR\w{15}$'
                $_.ExpirationDate | Should -Be (Get-Date).ToUniversalTime().Date.AddDays(7)
                $_.IsStoredHere | Should -BeTrue
            }
            $stored = Get-SfOrgAuth 'feature*'
            $stored | Should -HaveCount 3
            $stored | ForEach-Object { $_.OrgType | Should -Be 'Scratch'; $_.KeyFile | Should -Be $script:Cert.KeyPath }
            ($stored.Username | Sort-Object) | Should -Be ($orgs.Username | Sort-Object)
            $records = Get-MockScratchOrgs $hub
            $records | Should -HaveCount 3
            $records | ForEach-Object { $_.connectedAppConsumerKey | Should -Be $script:ConsumerKey; $_.createdBy | Should -Be $hub.Username }
        }

        It 'shows the orgs in a default table that fits 120 columns' {
            New-DevHub | Out-Null
            $orgs = New-SfScratchOrg -Count 2 -AliasPrefix wide

            $lines = ($orgs | Out-String -Width 300) -split "`r?`n" | Where-Object { $_.Trim() }
            $lines[0] | Should -Match '^Alias\s+Username\s+Status\s+Expires\s+Jwt\s+OrgId\s+DevHub'
            ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
            ($lines -join "`n") | Should -Match 'wide1\s+\S+@example\.com\s+Active\s+\d{4}-\d{2}-\d{2}\s+True'
        }

        It 'refuses -Alias with -Count 2 before any call' {
            New-DevHub | Out-Null
            $before = Get-InsertCount
            $err = $null
            try { New-SfScratchOrg -Count 2 -Alias feature -ErrorAction Stop } catch { $err = $_ }

            $err.FullyQualifiedErrorId | Should -BeLike 'AliasNeedsOneOrg*'
            $err.ErrorDetails.RecommendedAction | Should -Match '-AliasPrefix feature'
            Get-InsertCount | Should -Be $before
        }

        It 'refuses a -DevHub that is not stored, and a definition file with an upper-case key, before any call' {
            New-DevHub | Out-Null
            $file = Join-Path $TestDrive 'bad-def.json'
            Set-Content $file '{"Edition":"Developer"}'
            $before = Get-InsertCount

            { New-SfScratchOrg -DevHub NoSuchHub -ErrorAction Stop } | Should -Throw -ErrorId 'DevHubNotFound*'
            { New-SfScratchOrg -DefinitionFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'DefinitionFileInvalidCasing*'
            Get-InsertCount | Should -Be $before
        }

        It 'says NoDefaultDevHub when no Dev Hub is named or set as the default' {
            New-DevHub -NoConnect | Out-Null
            { New-SfScratchOrg -ErrorAction Stop } | Should -Throw -ErrorId 'NoDefaultDevHub*'
        }

        It 'creates the other four when one of five fails, with its own non-terminating error naming its record' {
            $hub = New-DevHub
            Invoke-MockControl -Mock $script:Mock -Path scratch-org-plans -Body @{ errorCode = 'C-1016'; count = 1 } | Out-Null

            $orgs = New-SfScratchOrg -Count 5 -AliasPrefix five -ErrorVariable errs -ErrorAction SilentlyContinue

            $orgs | Should -HaveCount 4
            $errs | Should -HaveCount 1
            $failed = Get-MockScratchOrgs $hub | Where-Object status -eq 'Error'
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ScratchOrgSignupFailed*'
            $errs[0].TargetObject | Should -Be $failed.id
            $errs[0].Exception.ErrorCode | Should -Be 'C-1016'
            $errs[0].Exception.Message | Should -Match 'External Client App'
            (Get-SfOrgAuth 'five*') | Should -HaveCount 4
        }

        It 'reads the Dev Hub''s limits first and creates nothing when -Count is more than what remains' {
            $hub = New-DevHub
            Invoke-MockControl -Mock $script:Mock -Method Patch -Path "orgs/$($hub.Name)" -Body @{ activeScratchOrgs = 2 } | Out-Null
            $before = Get-InsertCount

            { New-SfScratchOrg -Count 3 -ErrorAction Stop } | Should -Throw -ErrorId 'ScratchOrgLimitExceeded*'
            Get-InsertCount | Should -Be $before
            Get-MockScratchOrgs $hub | Should -BeNullOrEmpty
        }

        It 'creates nothing under -WhatIf' {
            $hub = New-DevHub
            New-SfScratchOrg -Count 2 -WhatIf | Should -BeNullOrEmpty
            Get-MockScratchOrgs $hub | Should -BeNullOrEmpty
        }

        It 'names the org it waited for in vain, with its ScratchOrgInfo id, when -WaitSec runs out' {
            $hub = New-DevHub
            Invoke-MockControl -Mock $script:Mock -Path scratch-org-plans -Body @{ provisioningSeconds = 600; count = 1 } | Out-Null
            $err = $null
            try { New-SfScratchOrg -WaitSec 2 -ErrorAction Stop } catch { $err = $_ }

            $record = Get-MockScratchOrgs $hub
            $err.FullyQualifiedErrorId | Should -BeLike 'ScratchOrgNotReady*'
            $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
            $err.TargetObject | Should -Be $record.id
            $err.Exception.Message | Should -Match $record.id
            $err.ErrorDetails.RecommendedAction | Should -Match 'Get-SfScratchOrg'
        }

        It 'stops at once on Ctrl+C, stores nothing afterwards and names every org it requested' {
            $hub = New-DevHub
            Invoke-MockControl -Mock $script:Mock -Path scratch-org-plans -Body @{ provisioningSeconds = 3600; count = 2 } | Out-Null
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$script:ModulePath'; `$env:JWTAUTH_HOME = '$env:JWTAUTH_HOME'; New-SfScratchOrg -Count 2 -AliasPrefix stopped")
            $async = $ps.BeginInvoke()
            Wait-Until { @(Get-MockScratchOrgs $hub).Count -eq 2 } -TimeoutSeconds 60 -What 'both inserts'

            $ps.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $warnings = @($ps.Streams.Warning | ForEach-Object Message)
            $ps.Dispose()
            foreach ($record in Get-MockScratchOrgs $hub) {
                $warnings | Where-Object { $_ -match $record.id -and $_ -match "Get-SfScratchOrg -DevHub 'HubOrg' -All" } | Should -HaveCount 1
            }
            Get-SfOrgAuth 'stopped*' | Should -BeNullOrEmpty
            $requests = @(Invoke-MockControl -Mock $script:Mock -Method Get -Path requests).Count
            Start-Sleep -Seconds 2
            @(Invoke-MockControl -Mock $script:Mock -Method Get -Path requests).Count | Should -Be $requests -Because 'no step runs on after the command returned'
        }

        It 'registers each org with the Salesforce CLI under its Dev Hub with -SfCli' {
            $hub = New-DevHub
            $env:HOME = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
            New-Item -ItemType Directory $env:HOME | Out-Null
            $org = New-SfScratchOrg -Alias clifeature -SfCli -WarningVariable warned -WarningAction SilentlyContinue

            $auth = Read-JsonFile (Join-Path $env:HOME ".sfdx/$($org.Username).json")
            $auth.devHubUsername | Should -Be $hub.Username
            $auth.expirationDate | Should -Be $org.ExpirationDate.ToString('yyyy-MM-dd')
            $auth.isScratch | Should -BeTrue
            $auth.privateKey | Should -Be $script:Cert.KeyPath
            $auth.PSObject.Properties.Name | Should -Not -Contain 'accessToken'
            (Read-JsonFile (Join-Path $env:HOME '.sfdx/alias.json')).orgs.clifeature | Should -Be $org.Username
            ($warned -join ' ') | Should -Match 'sf org list'
        }

        It 'stops on Ctrl+C while the Salesforce CLI holds its alias file, storing and registering nothing for the org' {
            $hub = New-DevHub
            $env:HOME = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
            # A live 'sf' holding the lock of alias.json (a lock folder touched less than 10 s ago).
            $lock = Join-Path $env:HOME '.sfdx/alias.json.lock'
            New-Item -ItemType Directory $lock -Force | Out-Null
            Invoke-MockControl -Mock $script:Mock -Method Delete -Path requests | Out-Null
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$script:ModulePath'; New-SfScratchOrg -Alias locked -SfCli -WarningAction SilentlyContinue")
                $async = $ps.BeginInvoke()
                Wait-Until {
                    $requests = Invoke-MockControl -Mock $script:Mock -Method Get -Path requests
                    @($requests | Where-Object { $_.path -eq '/services/oauth2/token' -and $_.statusCode -eq 200 -and $_.assertion.claims.sub -ne $hub.Username }).Count -gt 0
                } -What 'the login to the new scratch org'
                # Long enough for the org to be stored, were the CLI's lock waited for after storing it.
                $deadline = [DateTime]::UtcNow.AddSeconds(3)
                while ([DateTime]::UtcNow -lt $deadline) {
                    (Get-Item $lock).LastWriteTimeUtc = [DateTime]::UtcNow
                    Start-Sleep -Milliseconds 200
                }
                $null = $ps.BeginStop($null, $null)
                # The CLI lock's timeout is 30 s: a wait deaf to Ctrl+C is still going while the lock is held.
                Wait-Until { (Get-Item $lock).LastWriteTimeUtc = [DateTime]::UtcNow; $ps.InvocationStateInfo.State -eq 'Stopped' } -TimeoutSeconds 15 -What 'New-SfScratchOrg to stop while the lock is held'
            } finally {
                Remove-Item $lock -Force -ErrorAction SilentlyContinue
                $ps.Dispose()
            }

            Get-SfOrgAuth locked -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Test-Path (Join-Path $env:HOME '.sfdx/alias.json') | Should -BeFalse
            @(Get-ChildItem (Join-Path $env:HOME '.sfdx') -Filter 'test-*.json') | Should -BeNullOrEmpty
        }

        It 'creates orgs from a Dev Hub connected with -PrivateKey under -Scope Process, keeping them in the process' {
            $hub = New-DevHub -NoConnect
            $result = Invoke-ChildPwsh -Script @"
Import-Module '$script:ModulePath'
Connect-SfOrgJwt -ClientId '$($script:ConsumerKey)' -Username '$($hub.Username)' -PrivateKey (Get-Content -Raw '$($script:Cert.KeyPath)') -LoginUrl '$script:Url' -Alias HubOrg -Scope Process -SetDefaultDevHub | Out-Null
`$org = New-SfScratchOrg -Alias ci1 -ErrorAction Stop
'{0}|{1}|{2}' -f `$org.Username, (Get-SfOrgAuth ci1).Scope, (Get-SfOrgAuth ci1).OrgType
"@ -Environment @{ JWTAUTH_HOME = $env:JWTAUTH_HOME }

            $result.ExitCode | Should -Be 0 -Because $result.Error
            $result.Output.Trim() | Should -Match '^test-\w+@example\.com\|Process\|Scratch$'
            Test-Path (Join-Path $env:JWTAUTH_HOME 'orgs') | Should -BeFalse -Because 'a process-scoped Dev Hub''s orgs leave nothing on disk'
        }
    }

    Describe 'Get-SfScratchOrg' {
        It 'lists the Dev Hub''s active orgs with what Connect-SfOrgJwt needs' {
            $hub = New-DevHub
            $created = New-SfScratchOrg -Count 2 -AliasPrefix listed

            $listed = Get-SfScratchOrg

            ($listed.Alias) | Should -Be @('listed1', 'listed2')
            $listed | ForEach-Object {
                $_.CanConnectByJwt | Should -BeTrue
                $_.ClientId | Should -Be $script:ConsumerKey
                $_.Audience | Should -Be 'https://test.salesforce.com'
                $_.KeyFile | Should -Be $script:Cert.KeyPath
                $_.CreatedBy | Should -Be $hub.Username
            }
            ($listed.ScratchOrgInfoId | Sort-Object) | Should -Be ($created.ScratchOrgInfoId | Sort-Object)
            (Get-SfScratchOrg -Username 'test-*').Count | Should -Be 2
            { Get-SfScratchOrg -Username nobody@example.com -ErrorAction Stop } | Should -Throw -ErrorId 'ScratchOrgNotFound*'
        }

        It 'connects every org on another machine that has only the Dev Hub: Get-SfScratchOrg -DevHub HubOrg | Connect-SfOrgJwt' {
            $hub = New-DevHub
            $created = New-SfScratchOrg -Count 3
            # The other machine: a fresh store with just the Dev Hub connected.
            $env:JWTAUTH_HOME = Join-Path $TestDrive ('other-' + [guid]::NewGuid().ToString('N'))
            Connect-SfOrgJwt -ClientId $script:ConsumerKey -Username $hub.Username -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias HubOrg | Out-Null

            $connected = Get-SfScratchOrg -DevHub HubOrg | Connect-SfOrgJwt

            $connected | Should -HaveCount 3
            $connected | ForEach-Object { $_ | Should -BeOfType JwtAuth.SfOrgAuth; $_.OrgType | Should -Be 'Scratch'; $_.Audience | Should -Be 'https://test.salesforce.com' }
            ($connected.Username | Sort-Object) | Should -Be ($created.Username | Sort-Object)
            (Get-SfOrgAuth) | Should -HaveCount 4
        }

        It 'lists an org made for PlatformCLI as not connectable by JWT, and piped into Connect-SfOrgJwt it gets its own error saying why' {
            $hub = New-DevHub
            New-SfScratchOrg | Out-Null
            $token = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
            Invoke-MockControl -Mock $script:Mock -Path options -Body @{ requireConnectedAppFields = $false } | Out-Null
            try {
                $body = @{ Edition = 'Developer'; Username = "browser-$([guid]::NewGuid().ToString('N').Substring(0, 6))@example.com" } | ConvertTo-Json
                Invoke-RestMethod -Method Post -Uri "$script:Url/services/data/v65.0/sobjects/ScratchOrgInfo" -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' -Body $body | Out-Null
            } finally {
                Invoke-MockControl -Mock $script:Mock -Path options -Body @{ requireConnectedAppFields = $true } | Out-Null
            }
            Wait-Until { @(Get-SfScratchOrg).Count -eq 2 } -TimeoutSeconds 30 -What 'the PlatformCLI org'
            $browserMade = Get-SfScratchOrg | Where-Object ClientId -eq 'PlatformCLI'
            $browserMade.CanConnectByJwt | Should -BeFalse
            $browserMade.CannotConnectReason | Should -Match 'PlatformCLI'
            $env:JWTAUTH_HOME = Join-Path $TestDrive ('other-' + [guid]::NewGuid().ToString('N'))
            Connect-SfOrgJwt -ClientId $script:ConsumerKey -Username $hub.Username -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias HubOrg | Out-Null

            $connected = Get-SfScratchOrg -DevHub HubOrg | Connect-SfOrgJwt -ErrorVariable errs -ErrorAction SilentlyContinue

            $connected | Should -HaveCount 1
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PlatformCliNotJwt*'
            $errs[0].TargetObject | Should -Be $browserMade.Username
            $errs[0].Exception.Message | Should -Match 'sf org login web'
        }

        It 'shows deleted orgs only with -All' {
            New-DevHub | Out-Null
            $org = New-SfScratchOrg -Alias gone
            Remove-SfScratchOrg gone -Confirm:$false

            Get-SfScratchOrg | Should -BeNullOrEmpty
            $all = Get-SfScratchOrg -All
            $all.Username | Should -Be $org.Username
            $all.Status | Should -Be 'Deleted'
            $all.CanConnectByJwt | Should -BeFalse
        }

        It 'hands a Dev Hub''s CertificateThumbprint to Connect-SfOrgJwt, which then signs by thumbprint (the thumbprint parameter set)' {
            # .NET's certificate store on Linux and macOS lives under HOME: a child process with a HOME of its own keeps it apart.
            $hub = New-DevHub -NoConnect
            $childHome = Join-Path $TestDrive ('certhome-' + [guid]::NewGuid().ToString('N'))
            New-Item -ItemType Directory $childHome | Out-Null
            $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$script:ModulePath'
`$pfx = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new('$($script:Cert.PfxPath)', 'pfx-pass', 'PersistKeySet')
`$store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser'); `$store.Open('ReadWrite'); `$store.Add(`$pfx); `$store.Close()
Connect-SfOrgJwt -ClientId '$($script:ConsumerKey)' -Username '$($hub.Username)' -CertificateThumbprint `$pfx.Thumbprint -LoginUrl '$script:Url' -Alias HubOrg -SetDefaultDevHub | Out-Null
New-SfScratchOrg -Count 2 | Out-Null
`$env:JWTAUTH_HOME = '$(Join-Path $TestDrive ('thumb-other-' + [guid]::NewGuid().ToString('N')))'
Connect-SfOrgJwt -ClientId '$($script:ConsumerKey)' -Username '$($hub.Username)' -CertificateThumbprint `$pfx.Thumbprint -LoginUrl '$script:Url' -Alias HubOrg | Out-Null
`$listed = Get-SfScratchOrg -DevHub HubOrg
`$connected = `$listed | Connect-SfOrgJwt
'listed|{0}|{1}' -f (@(`$listed.CertificateThumbprint | Select-Object -Unique) -join ','), (@(`$listed | Where-Object KeyFile).Count)
'connected|{0}|{1}' -f `$connected.Count, (@(`$connected.CertificateThumbprint | Select-Object -Unique) -join ',')
'thumbprint|' + `$pfx.Thumbprint
"@ -Environment @{ HOME = $childHome; JWTAUTH_HOME = $env:JWTAUTH_HOME }

            $result.ExitCode | Should -Be 0 -Because $result.Error
            $lines = $result.Output -split "`r?`n"
            $thumbprint = ($lines | Where-Object { $_ -like 'thumbprint|*' }).Split('|')[1]
            $lines | Should -Contain "listed|$thumbprint|0"
            $lines | Should -Contain "connected|2|$thumbprint"
        }

        It 'binds -CertificateThumbprint by property name when the object brings no key file' {
            $thumbprint = 'AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12'
            $err = $null
            try {
                # A row of a CSV with both key columns, this one signing by thumbprint (Import-Csv gives '' for the empty cell).
                [pscustomobject]@{ KeyFile = ''; CertificateThumbprint = $thumbprint } |
                    Connect-SfOrgJwt -Username nobody@example.com -ClientId $script:ConsumerKey -LoginUrl $script:Url -ErrorAction Stop
            } catch { $err = $_ }

            # The thumbprint set ran: the certificate was looked up (and is not in the store), no key file was asked for.
            $err.FullyQualifiedErrorId | Should -BeLike 'CertificateNotFound*'
            $err.Exception.Message | Should -Match $thumbprint
        }
    }

    Describe 'Remove-SfScratchOrg' {
        It 'deletes nothing under -WhatIf' {
            $hub = New-DevHub
            $org = New-SfScratchOrg -Alias kept

            Remove-SfScratchOrg kept -WhatIf

            (Get-MockScratchOrgs $hub).status | Should -Be 'Active'
            (Get-SfOrgAuth kept).Username | Should -Be $org.Username
        }

        It 'deletes the orgs piped from Get-SfScratchOrg at their Dev Hub and forgets them here' {
            $hub = New-DevHub
            New-SfScratchOrg -Count 2 -AliasPrefix doomed -SetDefault:$false | Out-Null

            Get-SfScratchOrg | Remove-SfScratchOrg -Confirm:$false

            (Get-MockScratchOrgs $hub).status | Should -Be @('Deleted', 'Deleted')
            Get-SfOrgAuth 'doomed*' | Should -BeNullOrEmpty
            Get-SfScratchOrg | Should -BeNullOrEmpty
        }

        It 'takes SfOrgAuth objects from Get-SfOrgAuth and finds each org''s own Dev Hub' {
            $hub = New-DevHub
            New-SfScratchOrg -Count 2 -AliasPrefix piped | Out-Null
            New-DevHub | Out-Null   # another default Dev Hub now

            Get-SfOrgAuth 'piped*' | Remove-SfScratchOrg -Confirm:$false

            (Get-MockScratchOrgs $hub).status | Should -Be @('Deleted', 'Deleted')
            Get-SfOrgAuth 'piped*' | Should -BeNullOrEmpty
        }

        It 'warns about an org that already expired and still forgets its local auth' {
            $hub = New-DevHub
            New-SfScratchOrg -Alias expired | Out-Null
            $record = Get-MockScratchOrgs $hub
            Invoke-MockControl -Mock $script:Mock -Method Patch -Path "scratch-orgs/$($record.id)" -Body @{ expiresInSeconds = -1 } | Out-Null

            Remove-SfScratchOrg expired -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue

            ($warned -join ' ') | Should -Match 'expired'
            Get-SfOrgAuth expired -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }

        It 'refuses to delete an org that is not a scratch org, with a terminating error' {
            New-DevHub | Out-Null
            { Remove-SfScratchOrg HubOrg -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'NotAScratchOrg*'
            (Get-SfOrgAuth HubOrg).OrgType | Should -Be 'DevHub'
        }
    }
}
