BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    Import-Module (Get-StagedModulePath) -Force
    $script:Mock = Start-MockSalesforce
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys')
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath -ScratchCount 2
    $script:Url = $script:Mock.BaseUrl
    $script:Connect = @{ ClientId = $script:Scenario.ConsumerKey; KeyFile = $script:Cert.KeyPath; LoginUrl = $script:Url }
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
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        ($lines | Where-Object { $_ -match [regex]::Escape($hub.Username) }) | Should -Match ([regex]::Escape($hub.OrgId))
        ($lines -join "`n") | Should -Match ([regex]::Escape((Get-SfOrgAuth feature1).Username))
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
}
