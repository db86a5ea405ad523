# Issue 7 through the cmdlets: sharing orgs with the Salesforce CLI's files (~/.sfdx, ~/.sf) under a temp HOME.
# The real CLI is exercised by tests/interop; here its files are checked, or written by hand as it writes them.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
    $script:Mock = Start-MockSalesforce
    $script:KeyDir = Join-Path $TestDrive 'keys'
    $script:PfxPassword = ConvertTo-SecureString 'pfx-pass' -AsPlainText -Force
    $script:Cert = New-SfCertificate -OutputDirectory $script:KeyDir -PfxPassword $script:PfxPassword
    $script:EncryptedKey = (New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'encrypted') -KeyPassword (ConvertTo-SecureString 'key-pass' -AsPlainText -Force)).KeyPath
    (Get-Content -Raw $script:EncryptedKey) | Should -Match 'BEGIN ENCRYPTED PRIVATE KEY'
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath -ScratchCount 1
    $script:Url = $script:Mock.BaseUrl
    # An org the CLI authorized itself: its instance URL differs from its login URL, so a binding mix-up shows.
    $script:CliUser = "cli-$([guid]::NewGuid().ToString('N').Substring(0, 8))@prod.example.com"
    Invoke-MockControl -Mock $script:Mock -Path orgs -Body @{ kind = 'Production'; name = 'CliProd' } | Out-Null
    Invoke-MockControl -Mock $script:Mock -Path users -Body @{ username = $script:CliUser; org = 'CliProd'; preAuthorizedFor = @($script:Scenario.ConsumerKey) } | Out-Null
    $script:Connect = @{ ClientId = $script:Scenario.ConsumerKey; LoginUrl = $script:Url }
    # The CLI's home is HOME, or USERPROFILE on Windows: both are pointed at a temp folder per test.
    $script:OriginalHome = $env:HOME
    $script:OriginalUserProfile = $env:USERPROFILE

    function script:Get-TokenRequestCount {
        # The control API answers one JSON array; enumerate it before filtering.
        $requests = Invoke-MockControl -Mock $script:Mock -Method Get -Path requests
        @($requests | Where-Object { $_.path -eq '/services/oauth2/token' }).Count
    }
}

AfterAll {
    $env:HOME = $script:OriginalHome
    $env:USERPROFILE = $script:OriginalUserProfile
    Stop-MockSalesforce $script:Mock
}

Describe 'Sharing orgs with the Salesforce CLI' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $env:HOME = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $env:HOME | Out-Null
        $env:USERPROFILE = $env:HOME
        $script:Sfdx = Join-Path $env:HOME '.sfdx'
        $script:SfConfig = Join-Path $env:HOME '.sf/config.json'
        $script:SfdxConfig = Join-Path $script:Sfdx 'sfdx-config.json'
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
    }
    AfterEach {
        $env:HOME = $script:OriginalHome
        $env:USERPROFILE = $script:OriginalUserProfile
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'registers with -SfCli: an auth file without tokens, the alias and both default marks' {
        $hub = $script:Scenario.HubUsername
        $scratch = $script:Scenario.ScratchUsernames[0]
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $hub -Alias hub -SetDefaultDevHub -SfCli | Out-Null
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $scratch -Audience https://test.salesforce.com -Alias feature -SetDefault -SfCli | Out-Null

        $authFile = Join-Path $script:Sfdx "$hub.json"
        $authFile | Should -Exist
        $auth = Read-JsonFile $authFile
        $auth.username | Should -Be $hub
        $auth.loginUrl | Should -Be $script:Url
        $auth.instanceUrl | Should -Be $script:Url
        $auth.clientId | Should -Be $script:Scenario.ConsumerKey
        $auth.privateKey | Should -Be $script:Cert.KeyPath
        [IO.Path]::IsPathRooted($auth.privateKey) | Should -BeTrue
        $auth.orgId | Should -Be (Get-SfOrgAuth hub).OrgId
        $auth.isDevHub | Should -BeTrue
        (Read-JsonFile (Join-Path $script:Sfdx "$scratch.json")).isDevHub | Should -BeFalse
        $raw = Get-ChildItem $script:Sfdx -Filter '*.json' | ForEach-Object { Get-Content -Raw $_.FullName }
        $raw | Should -Not -Match 'accessToken|refreshToken'

        $aliases = (Read-JsonFile (Join-Path $script:Sfdx 'alias.json')).orgs
        $aliases.hub | Should -Be $hub
        $aliases.feature | Should -Be $scratch
        $sf = Read-JsonFile $script:SfConfig
        $sf.'target-org' | Should -Be 'feature'
        $sf.'target-dev-hub' | Should -Be 'hub'
        $sfdx = Read-JsonFile $script:SfdxConfig
        $sfdx.defaultusername | Should -Be 'feature'
        $sfdx.defaultdevhubusername | Should -Be 'hub'
        # $env:HOME changed inside this process is where the files went, not the account's home.
        if ($script:OriginalHome) { Join-Path $script:OriginalHome ".sfdx/$hub.json" | Should -Not -Exist }
    }

    It 'refuses -SfCli with <Case> before any login, writing nothing anywhere' -ForEach @(
        @{ Case = '-PrivateKey text'; ErrorId = 'SfCliKeyInMemory' }
        @{ Case = 'a -Certificate object'; ErrorId = 'SfCliKeyInMemory' }
        @{ Case = 'a PFX file'; ErrorId = 'SfCliKeyIsPfx' }
        @{ Case = 'an encrypted key file'; ErrorId = 'SfCliKeyEncrypted' }
    ) {
        $key = switch ($Case) {
            '-PrivateKey text' { @{ PrivateKey = (Get-Content -Raw $script:Cert.KeyPath) } }
            'a -Certificate object' { @{ Certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($script:Cert.PfxPath, 'pfx-pass') } }
            'a PFX file' { @{ KeyFile = $script:Cert.PfxPath; KeyPassword = $script:PfxPassword } }
            'an encrypted key file' { @{ KeyFile = $script:EncryptedKey; KeyPassword = (ConvertTo-SecureString 'key-pass' -AsPlainText -Force) } }
        }
        $requestsBefore = Get-TokenRequestCount
        $err = $null
        try {
            Connect-SfOrgJwt @script:Connect @key -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub -SfCli -ErrorAction Stop
        } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.ErrorDetails.RecommendedAction | Should -Match 'openssl'

        Get-TokenRequestCount | Should -Be $requestsBefore -Because 'the check runs before the assertion is sent'
        @(Get-ChildItem $env:HOME -Recurse -Force) | Should -HaveCount 0
        Get-SfOrgAuth | Should -BeNullOrEmpty
        if (Test-Path $env:JWTAUTH_HOME) { Get-ChildItem (Join-Path $env:JWTAUTH_HOME 'orgs') -ErrorAction SilentlyContinue | Should -BeNullOrEmpty }
    }

    It 'stores nothing here when the CLI hand-over is refused after login (-SetDefaultDevHub on a scratch org)' {
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub -SfCli | Out-Null
        $storeBefore = Get-FolderFingerprint $env:JWTAUTH_HOME
        $cliBefore = Get-FolderFingerprint $env:HOME
        $scratch = $script:Scenario.ScratchUsernames[0]
        $err = $null
        try {
            Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $scratch -Audience https://test.salesforce.com -Alias feature -SetDefaultDevHub -SfCli -ErrorAction Stop
        } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'SfCliNotADevHub,*'
        $err.TargetObject | Should -Be $scratch

        Get-SfOrgAuth feature -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-SfOrgAuth -DefaultDevHub).Username | Should -Be $script:Scenario.HubUsername
        $storeAfter = Get-FolderFingerprint $env:JWTAUTH_HOME
        ($storeAfter.Keys -join ',') | Should -Be ($storeBefore.Keys -join ',')
        foreach ($file in $storeBefore.Keys) { $storeAfter[$file] | Should -Be $storeBefore[$file] -Because "$file must be unchanged" }
        $cliAfter = Get-FolderFingerprint $env:HOME
        ($cliAfter.Keys -join ',') | Should -Be ($cliBefore.Keys -join ',')
    }

    It 'lists the CLI''s orgs with Scope SfCli, how each was authorized, and why one cannot be imported' {
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub -SfCli | Out-Null
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = 'web@example.com'; orgId = '00D5g000004Cq9XEAS'; instanceUrl = 'https://acme.my.salesforce.com'
            loginUrl = 'https://login.salesforce.com'; clientId = 'PlatformCLI'; isDevHub = $false; instanceApiVersion = '62.0'
            accessToken = '0123456789abcdef01234567deadbeef:00112233445566778899aabbccddeeff'
            refreshToken = 'fedcba9876543210fedcba98cafebabe:00112233445566778899aabbccddeeff'
        } | Out-Null
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = 'token@example.com'; orgId = '00D5g000004Cq9YEAS'; instanceUrl = 'https://other.my.salesforce.com'
            loginUrl = 'https://login.salesforce.com'
            accessToken = '0123456789abcdef01234567deadbeef:00112233445566778899aabbccddeeff'
        } | Out-Null
        Set-SfCliAliasFile -HomePath $env:HOME -Aliases @{ hub = $script:Scenario.HubUsername; web = 'web@example.com' }

        $orgs = Get-SfOrgAuth -SfCli
        $orgs | Should -HaveCount 3
        $orgs | ForEach-Object { $_.Scope | Should -Be 'SfCli'; $_.AccessToken | Should -BeNullOrEmpty }
        $hub = $orgs | Where-Object Username -eq $script:Scenario.HubUsername
        $hub.AuthMethod | Should -Be 'Jwt'
        $hub.Note | Should -BeNullOrEmpty
        $hub.Alias | Should -Be 'hub'
        $hub.OrgType | Should -Be 'DevHub'
        $hub.IsDefaultDevHub | Should -BeTrue
        $hub.KeyFile | Should -Be $script:Cert.KeyPath
        $web = $orgs | Where-Object Username -eq 'web@example.com'
        $web.AuthMethod | Should -Be 'RefreshToken'
        $web.Alias | Should -Be 'web'
        $web.Note | Should -Match 'web or device login'
        $token = $orgs | Where-Object Username -eq 'token@example.com'
        $token.AuthMethod | Should -Be 'AccessTokenOnly'
        $token.Note | Should -Match 'only an access token'
        (Get-SfOrgAuth -SfCli 'we*').Username | Should -Be 'web@example.com'
    }

    It 'reports a corrupt alias.json as SfCliFileCorrupt naming it, and still lists the CLI''s orgs' {
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:CliUser; orgId = '00D5g000004Cq9ZEAS'; instanceUrl = $script:Url; loginUrl = $script:Url
            clientId = $script:Scenario.ConsumerKey; privateKey = $script:Cert.KeyPath; isDevHub = $false
        } | Out-Null
        $aliasFile = Join-Path $script:Sfdx 'alias.json'
        [IO.File]::WriteAllText($aliasFile, '{"orgs": {')

        $orgs = Get-SfOrgAuth -SfCli -ErrorVariable errs -ErrorAction SilentlyContinue
        $orgs.Username | Should -Be @($script:CliUser)
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SfCliFileCorrupt,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($aliasFile))
    }

    It 'imports every JWT org the CLI knows from the pipeline, binding LoginUrl (not InstanceUrl), KeyFile and Alias' {
        $instanceUrl = $script:Url -replace '127\.0\.0\.1', 'localhost'
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:CliUser; orgId = '00D5g000004Cq9ZEAS'; instanceUrl = $instanceUrl; loginUrl = $script:Url
            clientId = $script:Scenario.ConsumerKey; privateKey = $script:Cert.KeyPath; isDevHub = $false
            accessToken = '0123456789abcdef01234567deadbeef:00112233445566778899aabbccddeeff'
        } | Out-Null
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:Scenario.HubUsername; orgId = '00D5g000004Cq9aEAC'; instanceUrl = $script:Url; loginUrl = $script:Url
            clientId = $script:Scenario.ConsumerKey; privateKey = $script:Cert.KeyPath; isDevHub = $true
        } | Out-Null
        Set-SfCliAliasFile -HomePath $env:HOME -Aliases @{ cliprod = $script:CliUser; clihub = $script:Scenario.HubUsername }

        $imported = Get-SfOrgAuth -SfCli | Connect-SfOrgJwt -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $imported | Should -HaveCount 2
        $prod = Get-SfOrgAuth cliprod -AsPlainText
        $prod.Username | Should -Be $script:CliUser
        $prod.Scope | Should -Be 'CurrentUser'
        $prod.LoginUrl | Should -Be $script:Url
        $prod.KeyFile | Should -Be $script:Cert.KeyPath
        $prod.OrgType | Should -Be 'Production'
        Invoke-RestMethod "$($prod.InstanceUrl)/services/oauth2/userinfo" -Headers @{ Authorization = "Bearer $($prod.AccessToken)" } |
            Select-Object -ExpandProperty preferred_username | Should -Be $script:CliUser
        (Get-SfOrgAuth clihub).OrgType | Should -Be 'DevHub'
    }

    It 'reports each CLI org that cannot be imported as its own error naming the org and why, and imports the rest' {
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:CliUser; orgId = '00D5g000004Cq9ZEAS'; instanceUrl = $script:Url; loginUrl = $script:Url
            clientId = $script:Scenario.ConsumerKey; privateKey = $script:Cert.KeyPath; isDevHub = $false
        } | Out-Null
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = 'web@example.com'; orgId = '00D5g000004Cq9XEAS'; instanceUrl = 'https://acme.my.salesforce.com'
            loginUrl = 'https://login.salesforce.com'; clientId = 'PlatformCLI'; isDevHub = $false
            refreshToken = 'fedcba9876543210fedcba98cafebabe:00112233445566778899aabbccddeeff'
        } | Out-Null
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = 'token@example.com'; orgId = '00D5g000004Cq9YEAS'; instanceUrl = 'https://other.my.salesforce.com'
            accessToken = '0123456789abcdef01234567deadbeef:00112233445566778899aabbccddeeff'
        } | Out-Null
        $requestsBefore = Get-TokenRequestCount

        $imported = Get-SfOrgAuth -SfCli | Connect-SfOrgJwt -ErrorVariable errs -ErrorAction SilentlyContinue
        $imported.Username | Should -Be @($script:CliUser)
        Get-TokenRequestCount | Should -Be ($requestsBefore + 1) -Because 'only the importable org is logged in'
        $errs | Should -HaveCount 2
        foreach ($case in @(@{ User = 'web@example.com'; Why = 'web or device login' }, @{ User = 'token@example.com'; Why = 'only an access token' })) {
            $err = $errs | Where-Object TargetObject -eq $case.User
            $err | Should -HaveCount 1 -Because "$($case.User) gets its own error"
            $err.FullyQualifiedErrorId | Should -BeLike 'SfCliOrgNotImportable,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -Match ([regex]::Escape($case.User))
            $err.Exception.Message | Should -Match $case.Why
        }
        (Get-SfOrgAuth).Username | Should -Be @($script:CliUser)
    }

    It 'connects a CLI org that has no key of its own when the key is given on the command line' {
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:CliUser; orgId = '00D5g000004Cq9ZEAS'; instanceUrl = $script:Url; loginUrl = $script:Url
            clientId = 'PlatformCLI'; isDevHub = $false
            refreshToken = 'fedcba9876543210fedcba98cafebabe:00112233445566778899aabbccddeeff'
        } | Out-Null
        $auth = Get-SfOrgAuth -SfCli | Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -KeyFile $script:Cert.KeyPath
        $auth.Username | Should -Be $script:CliUser
        $auth.LoginUrl | Should -Be $script:Url
        $auth.ClientId | Should -Be $script:Scenario.ConsumerKey
    }

    It 'says which piped org has no key file instead of a binder error (an in-memory key auth piped back in)' {
        Connect-SfOrgJwt @script:Connect -PrivateKey (Get-Content -Raw $script:Cert.KeyPath) -Username $script:Scenario.HubUsername -Alias inmemory | Out-Null
        Get-SfOrgAuth inmemory | Connect-SfOrgJwt -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'MissingKeyFile,*'
        $errs[0].TargetObject | Should -Be $script:Scenario.HubUsername
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($script:Scenario.HubUsername))
        $errs[0].Exception.Message | Should -Match 'KeyFile'
    }

    It 'Disconnect-SfOrg -SfCli removes the auth file, the alias and the default marks on both sides' {
        $hub = $script:Scenario.HubUsername
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $hub -Alias hub -SetDefaultDevHub -SetDefault -SfCli | Out-Null
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:CliUser; orgId = '00D5g000004Cq9ZEAS'; instanceUrl = $script:Url; loginUrl = $script:Url
            clientId = $script:Scenario.ConsumerKey; privateKey = $script:Cert.KeyPath; isDevHub = $false
        } | Out-Null
        $aliasFile = Join-Path $script:Sfdx 'alias.json'
        $aliases = Read-JsonFile $aliasFile
        $aliases.orgs | Add-Member -NotePropertyName cliprod -NotePropertyValue $script:CliUser
        [IO.File]::WriteAllText($aliasFile, ($aliases | ConvertTo-Json -Depth 5))

        Disconnect-SfOrg hub -SfCli -Confirm:$false

        Join-Path $script:Sfdx "$hub.json" | Should -Not -Exist
        $left = (Read-JsonFile $aliasFile).orgs
        @($left.PSObject.Properties | ForEach-Object Name) | Should -Be @('cliprod')
        $sf = Read-JsonFile $script:SfConfig
        @($sf.PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'target-dev-hub'
        @($sf.PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'target-org'
        $sfdx = Read-JsonFile $script:SfdxConfig
        @($sfdx.PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'defaultdevhubusername'
        @($sfdx.PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'defaultusername'
        Get-SfOrgAuth | Should -BeNullOrEmpty
        Get-SfOrgAuth -DefaultDevHub -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-SfOrgAuth -SfCli).Username | Should -Be @($script:CliUser)
    }

    It 'Disconnect-SfOrg -SfCli removes an org only the CLI knows, by its CLI alias' {
        Write-SfCliAuthFile -HomePath $env:HOME -Fields @{
            username = $script:CliUser; orgId = '00D5g000004Cq9ZEAS'; instanceUrl = $script:Url; loginUrl = $script:Url
            clientId = $script:Scenario.ConsumerKey; privateKey = $script:Cert.KeyPath; isDevHub = $false
        } | Out-Null
        Set-SfCliAliasFile -HomePath $env:HOME -Aliases @{ cliprod = $script:CliUser }
        [IO.File]::WriteAllText($script:SfdxConfig, '{ "defaultusername": "cliprod" }')

        Disconnect-SfOrg cliprod -SfCli -Confirm:$false -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        Join-Path $script:Sfdx "$($script:CliUser).json" | Should -Not -Exist
        @((Read-JsonFile (Join-Path $script:Sfdx 'alias.json')).orgs.PSObject.Properties) | Should -HaveCount 0
        @((Read-JsonFile $script:SfdxConfig).PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'defaultusername'
        Get-SfOrgAuth -SfCli | Should -BeNullOrEmpty
    }

    It 'Disconnect-SfOrg without -SfCli leaves the CLI''s files alone' {
        $hub = $script:Scenario.HubUsername
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Username $hub -Alias hub -SetDefaultDevHub -SfCli | Out-Null
        $before = Get-FolderFingerprint $env:HOME
        Disconnect-SfOrg hub -Confirm:$false
        Get-SfOrgAuth | Should -BeNullOrEmpty
        $after = Get-FolderFingerprint $env:HOME
        ($after.Keys -join ',') | Should -Be ($before.Keys -join ',')
        foreach ($file in $before.Keys) { $after[$file] | Should -Be $before[$file] }
        (Get-SfOrgAuth -SfCli hub).Username | Should -Be $hub
    }
}
