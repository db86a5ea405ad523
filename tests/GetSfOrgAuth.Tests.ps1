BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    Import-Module (Get-StagedModulePath) -Force
    $script:Mock = Start-MockSalesforce
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys')
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath -ScratchCount 4
    $script:Url = $script:Mock.BaseUrl
    $script:Connect = @{ ClientId = $script:Scenario.ConsumerKey; KeyFile = $script:Cert.KeyPath; LoginUrl = $script:Url }
    $script:Scratch = @{ Audience = 'https://test.salesforce.com' }
}

AfterAll {
    Stop-MockSalesforce $script:Mock
}

Describe 'Get-SfOrgAuth' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias HubOrg -SetDefaultDevHub | Out-Null
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.ScratchUsernames[0] -Alias feature1 -SetDefault -Audience https://test.salesforce.com | Out-Null
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'lists every stored org with default marks' {
        $all = Get-SfOrgAuth
        $all.Count | Should -Be 2
        ($all | Where-Object IsDefaultDevHub).Alias | Should -Be 'HubOrg'
        ($all | Where-Object IsDefault).Alias | Should -Be 'feature1'
    }

    It 'matches aliases and usernames, with wildcards' {
        (Get-SfOrgAuth HubOrg).Username | Should -Be $script:Scenario.HubUsername
        (Get-SfOrgAuth $script:Scenario.HubUsername).Alias | Should -Be 'HubOrg'
        (Get-SfOrgAuth 'feat*').Alias | Should -Be 'feature1'
    }

    It 'selects the defaults' {
        (Get-SfOrgAuth -DefaultDevHub).Alias | Should -Be 'HubOrg'
        (Get-SfOrgAuth -DefaultOrg).Alias | Should -Be 'feature1'
    }

    It 'hands out the token as a SecureString, or as text with -AsPlainText' {
        (Get-SfOrgAuth HubOrg).AccessToken | Should -BeOfType System.Security.SecureString
        $plain = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
        $plain | Should -BeOfType string
        $plain.Length | Should -BeGreaterThan 20
    }

    It 'mints a new token with -Refresh' {
        $before = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
        $after = (Get-SfOrgAuth HubOrg -Refresh -AsPlainText).AccessToken
        $after | Should -Not -Be $before
        (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken | Should -Be $after
    }

    It 'renews a token Salesforce no longer accepts' {
        $before = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
        Invoke-MockControl -Mock $script:Mock -Path revoke -Body @{ username = $script:Scenario.HubUsername } | Out-Null
        $after = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
        $after | Should -Not -Be $before
        Invoke-RestMethod "$script:Url/services/oauth2/userinfo" -Headers @{ Authorization = "Bearer $after" } | Should -Not -BeNullOrEmpty
    }

    It 'reports a name that matches nothing as ObjectNotFound' {
        Get-SfOrgAuth nosuchorg -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'OrgAuthNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows no token in the default table and list views' {
        $token = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
        (Get-SfOrgAuth HubOrg -AsPlainText | Format-Table | Out-String) | Should -Not -Match ([regex]::Escape($token))
        (Get-SfOrgAuth HubOrg -AsPlainText | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($token))
    }

    It 'stores no token in plain text' {
        $token = (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken
        Get-ChildItem $env:JWTAUTH_HOME -Recurse -File | ForEach-Object {
            [IO.File]::ReadAllText($_.FullName) | Should -Not -Match ([regex]::Escape($token))
        }
    }

    It 'types the output by how the token is handed out: SfOrgAuth (SecureString) or SfOrgAuthPlainText (string)' {
        $secure = Get-SfOrgAuth HubOrg
        $secure | Should -BeOfType JwtAuth.SfOrgAuth
        $secure.GetType().GetProperty('AccessToken').PropertyType | Should -Be ([System.Security.SecureString])
        $plain = Get-SfOrgAuth HubOrg -AsPlainText
        $plain | Should -BeOfType JwtAuth.SfOrgAuthPlainText
        $plain.GetType().GetProperty('AccessToken').PropertyType | Should -Be ([string])
        @(Get-SfOrgAuth) | ForEach-Object { $_ | Should -BeOfType JwtAuth.SfOrgAuth; $_.HasToken | Should -BeTrue }
        @((Get-Command Get-SfOrgAuth).OutputType.Name) | Should -Be @('JwtAuth.SfOrgAuth', 'JwtAuth.SfOrgAuthPlainText')
    }

    It 'fits the table view in 120 columns without cutting a 30-character username or the 18-character org id' {
        $hub = Get-SfOrgAuth HubOrg
        $hub.Username.Length | Should -BeGreaterOrEqual 30
        $lines = @((Get-SfOrgAuth | Format-Table | Out-String -Width 120) -split "`r?`n")
        # Out-String -Width 120 cuts every line to 120, so the view's own width shows only where the host does not cut it.
        $wide = @((Get-SfOrgAuth | Format-Table | Out-String -Width 400) -split "`r?`n" | ForEach-Object TrimEnd)
        ($wide | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        ($lines | Where-Object { $_ -match [regex]::Escape($hub.Username) }) | Should -Match ([regex]::Escape($hub.OrgId))
        ($lines -join "`n") | Should -Match ([regex]::Escape((Get-SfOrgAuth feature1).Username))
    }

    It 'does not repeat a failed renewal in the verbose stream' {
        $user = "renew-$([guid]::NewGuid().ToString('N').Substring(0, 8))@hub.example.com"
        Invoke-MockControl -Mock $script:Mock -Path users -Body @{ username = $user; org = 'Hub'; preAuthorizedFor = @($script:Scenario.ConsumerKey) } | Out-Null
        Connect-SfOrgJwt @script:Connect -Username $user | Out-Null
        # The admin revokes the app's pre-authorization: the renewal's login fails.
        Invoke-MockControl -Mock $script:Mock -Method Patch -Path "users/$user" -Body @{ preAuthorizedFor = @() } | Out-Null

        $records = @(Get-SfOrgAuth $user -Refresh -Verbose -ErrorVariable errs -ErrorAction SilentlyContinue 4>&1)
        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $errs | Should -HaveCount 1
        $problem = $errs[0].Exception.Problem
        $problem | Should -Not -BeNullOrEmpty
        $verbose.Count | Should -BeGreaterThan 0 -Because 'the renewal itself is still reported'
        $verbose | Where-Object { $_ -like "*$problem*" } | Should -BeNullOrEmpty
    }

    It 'shows every alias of an org in the order they were set, and the one set last as Alias' {
        # HubOrg was set first (BeforeEach); 'bhub' sorts before 'chub', so the last alias is not the alphabetically first.
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias chub | Out-Null
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias bhub | Out-Null
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias chub | Out-Null
        $hub = Get-SfOrgAuth $script:Scenario.HubUsername
        $hub.Aliases | Should -Be @('HubOrg', 'bhub', 'chub')
        $hub.Alias | Should -Be 'chub'
        (Get-SfOrgAuth | Where-Object Username -eq $script:Scenario.HubUsername).Aliases | Should -Be @('HubOrg', 'bhub', 'chub')
        (Get-SfOrgAuth feature1).Aliases | Should -Be @('feature1')
    }

    It 'refuses an empty default with NoDefaultOrg / NoDefaultDevHub whose fix names the Connect-SfOrgJwt switch' {
        Disconnect-SfOrg HubOrg, feature1 -Confirm:$false
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias HubOrg | Out-Null

        Get-SfOrgAuth -DefaultOrg -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NoDefaultOrg*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-SfOrgJwt -SetDefault\b(?!DevHub)'

        Get-SfOrgAuth -DefaultDevHub -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NoDefaultDevHub*'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-SfOrgJwt -SetDefaultDevHub'
    }

    It 'refuses names together with a default switch in the binder, and keeps -SfCli and piped names' {
        { Get-SfOrgAuth feature1 -DefaultDevHub } | Should -Throw -ErrorId 'PositionalParameterNotFound,JwtAuth.Commands.GetSfOrgAuthCommand'
        { Get-SfOrgAuth -Name feature1 -DefaultOrg } | Should -Throw -ErrorId 'AmbiguousParameterSet,JwtAuth.Commands.GetSfOrgAuthCommand'
        { Get-SfOrgAuth -DefaultOrg -DefaultDevHub } | Should -Throw -ErrorId 'AmbiguousParameterSet,JwtAuth.Commands.GetSfOrgAuthCommand'
        $sets = (Get-Command Get-SfOrgAuth).ParameterSets
        ($sets | Where-Object Name -eq SfCli).Parameters.Name | Should -Contain 'Name'
        (('HubOrg', 'feature1' | Get-SfOrgAuth).Username | Sort-Object) | Should -Be (@($script:Scenario.HubUsername, $script:Scenario.ScratchUsernames[0]) | Sort-Object)
        (Get-SfOrgAuth | Get-SfOrgAuth -Refresh).Count | Should -Be 2
    }

    It 'lists in natural order: by alias (scratch2 before scratch10), then orgs without an alias by username' {
        # The usernames sort test-2 < test-3 < test-4, the opposite of the natural order of their aliases.
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $script:Scenario.ScratchUsernames[1] -Alias scratch10 | Out-Null
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $script:Scenario.ScratchUsernames[2] -Alias scratch2 | Out-Null
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $script:Scenario.ScratchUsernames[3] | Out-Null

        $listed = Get-SfOrgAuth | ForEach-Object { if ($_.Alias) { $_.Alias } else { $_.Username } }
        $listed | Should -Be @('feature1', 'HubOrg', 'scratch2', 'scratch10', $script:Scenario.ScratchUsernames[3])
        (Get-SfOrgAuth 'scratch*').Alias | Should -Be @('scratch2', 'scratch10')
        $completions = (TabExpansion2 -inputScript 'Get-SfOrgAuth scr' -cursorColumn 'Get-SfOrgAuth scr'.Length).CompletionMatches.CompletionText
        $completions | Should -Be @('scratch2', 'scratch10')
        $all = (TabExpansion2 -inputScript 'Disconnect-SfOrg ' -cursorColumn 'Disconnect-SfOrg '.Length).CompletionMatches.CompletionText
        $all[0..3] | Should -Be @('feature1', 'HubOrg', 'scratch2', 'scratch10')
    }

    It 'is silent for a wildcard that matches nothing and reports a literal name as OrgAuthNotFound with a fix for Get-SfOrgAuth' {
        Get-SfOrgAuth 'zz*' -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
        Get-SfOrgAuth nosuchorg -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'OrgAuthNotFound,JwtAuth.Commands.GetSfOrgAuthCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nosuchorg'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'Get-SfOrgAuth'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-SfOrgJwt'
        $errs[0].Exception.Message | Should -Match "'nosuchorg'"
    }

    It 'completes org names for -Name' {
        $completions = TabExpansion2 -inputScript 'Get-SfOrgAuth -Name Hub' -cursorColumn 'Get-SfOrgAuth -Name Hub'.Length
        $completions.CompletionMatches.CompletionText | Should -Contain 'HubOrg'
    }

    It 'completes -LoginUrl with the login hosts and the My Domain URLs of stored orgs, -Audience with the login hosts, -Username with stored usernames' {
        # An org stored with a real My Domain instance URL (the mock's orgs live on 127.0.0.1).
        $orgFile = Join-Path $env:JWTAUTH_HOME 'orgs/completion@acme.example.json'
        @{ version = 1; revision = 1; username = 'completion@acme.example'; orgId = '00D000000000001EAA'; orgType = 'Production'
            instanceUrl = 'https://acme-dev.my.salesforce.com'; loginUrl = 'https://acme-dev.my.salesforce.com'; audience = 'https://login.salesforce.com'
            clientId = '3MVG9completion'; key = @{ kind = 'None' } } | ConvertTo-Json | Set-Content -LiteralPath $orgFile
        function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }

        $urls = Complete 'Connect-SfOrgJwt -LoginUrl '
        $urls | Should -Contain 'https://login.salesforce.com'
        $urls | Should -Contain 'https://test.salesforce.com'
        $urls | Should -Contain 'https://acme-dev.my.salesforce.com'
        Complete 'Connect-SfOrgJwt -LoginUrl https://t' | Should -Be @('https://test.salesforce.com')
        Complete 'Connect-SfOrgJwt -Audience ' | Should -Be @('https://login.salesforce.com', 'https://test.salesforce.com')
        $users = Complete 'Connect-SfOrgJwt -Username '
        $users | Should -Contain $script:Scenario.HubUsername
        $users | Should -Contain 'completion@acme.example'
    }

    It 'completes -Username and -LoginUrl in natural order (ci2 before ci10)' {
        foreach ($n in 10, 2) {
            $orgFile = Join-Path $env:JWTAUTH_HOME "orgs/ci$n@acme.example.json"
            @{ version = 1; revision = 1; username = "ci$n@acme.example"; orgId = '00D000000000001EAA'; orgType = 'Production'
                instanceUrl = "https://acme$n.my.salesforce.com"; loginUrl = "https://acme$n.my.salesforce.com"; audience = 'https://login.salesforce.com'
                clientId = '3MVG9completion'; key = @{ kind = 'None' } } | ConvertTo-Json | Set-Content -LiteralPath $orgFile
        }
        function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }

        Complete 'Connect-SfOrgJwt -Username ci' | Should -Be @('ci2@acme.example', 'ci10@acme.example')
        Complete 'Connect-SfOrgJwt -LoginUrl https://acme' | Should -Be @('https://acme2.my.salesforce.com', 'https://acme10.my.salesforce.com')
        Complete 'Get-SfOrgAuth ci' | Should -Be @('ci2@acme.example', 'ci10@acme.example')
    }
}

Describe 'Disconnect-SfOrg' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias HubOrg -SetDefaultDevHub | Out-Null
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'forgets the auth, its alias and default mark' {
        Disconnect-SfOrg HubOrg -Confirm:$false
        Get-SfOrgAuth | Should -BeNullOrEmpty
        Get-SfOrgAuth -DefaultDevHub -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'takes SfOrgAuth objects from the pipeline' {
        Get-SfOrgAuth | Disconnect-SfOrg -Confirm:$false
        Get-SfOrgAuth | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        Disconnect-SfOrg HubOrg -WhatIf
        (Get-SfOrgAuth HubOrg).Alias | Should -Be 'HubOrg'
    }

    It 'reports an unknown org as ObjectNotFound' {
        Disconnect-SfOrg nosuch -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'OrgAuthNotFound*'
    }

    It 'is silent for a wildcard that matches nothing, as Get-SfOrgAuth is' {
        Disconnect-SfOrg 'zz*' -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        (Get-SfOrgAuth HubOrg).Alias | Should -Be 'HubOrg'
    }

    It 'reports a literal name that matches nothing as OrgAuthNotFound with a fix that lists the orgs (<Case>)' -ForEach @(
        @{ Case = 'JwtAuth'; SfCli = $false; Fix = 'Get-SfOrgAuth(?! -SfCli)' }
        @{ Case = '-SfCli'; SfCli = $true; Fix = 'Get-SfOrgAuth -SfCli' }
    ) {
        # The Salesforce CLI's home is HOME (USERPROFILE on Windows): an empty temp folder, so the CLI knows no org either.
        $home_, $profile_ = $env:HOME, $env:USERPROFILE
        $env:HOME = $env:USERPROFILE = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
        try {
            Disconnect-SfOrg nosuch -SfCli:$SfCli -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        } finally { $env:HOME, $env:USERPROFILE = $home_, $profile_ }
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'OrgAuthNotFound,JwtAuth.Commands.DisconnectSfOrgCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nosuch'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match $Fix
        (Get-SfOrgAuth HubOrg).Alias | Should -Be 'HubOrg'
    }

    It 'stops on Ctrl+C while another process holds the store lock, and removes nothing' {
        # What another process's writer holds: store.lock open without sharing (flock on Unix), as the store's own lock tests do.
        $held = [System.IO.File]::Open((Join-Path $env:JWTAUTH_HOME 'store.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-StagedModulePath)'; Disconnect-SfOrg HubOrg -Confirm:`$false")
            $async = $ps.BeginInvoke()
            Wait-Until { $ps.InvocationStateInfo.State -eq 'Running' } -What 'Disconnect-SfOrg to start'
            Start-Sleep -Milliseconds 500
            $null = $ps.BeginStop($null, $null)
            # The store's lock timeout is 60 s: a cmdlet deaf to Ctrl+C is still waiting while the lock is held.
            Wait-Until { $ps.InvocationStateInfo.State -eq 'Stopped' } -TimeoutSeconds 20 -What 'Disconnect-SfOrg to stop while the lock is held'
        } finally {
            $held.Dispose()
        }
        $ps.Dispose()
        (Get-SfOrgAuth HubOrg).Alias | Should -Be 'HubOrg'
        (Get-SfOrgAuth -DefaultDevHub).Alias | Should -Be 'HubOrg'
    }
}
