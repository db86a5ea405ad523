# -KeyPassword through the cmdlets: the fix of a missing password names it, and a password the key does not
# need is a warning (the connect or renewal still works) rather than silently ignored.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    Import-Module (Get-StagedModulePath) -Force
    $script:Mock = Start-MockSalesforce
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys') -CommonName 'KeyPassword'
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath
    $script:Connect = @{ ClientId = $script:Scenario.ConsumerKey; Username = $script:Scenario.HubUsername; LoginUrl = $script:Mock.BaseUrl }

    # The same key pair (the one the connected app trusts) as PKCS#1 and as encrypted PKCS#8.
    $script:PasswordText = 'Key-Pa55word!'
    $script:Password = ConvertTo-SecureString $script:PasswordText -AsPlainText -Force
    $rsa = [System.Security.Cryptography.RSA]::Create()
    $rsa.ImportFromPem((Get-Content -Raw $script:Cert.KeyPath))
    $script:Pkcs1Path = Join-Path $TestDrive 'keys/pkcs1.key'
    [IO.File]::WriteAllText($script:Pkcs1Path, $rsa.ExportRSAPrivateKeyPem())
    $script:EncryptedPath = Join-Path $TestDrive 'keys/encrypted.key'
    $pbe = [System.Security.Cryptography.PbeParameters]::new('Aes256Cbc', [System.Security.Cryptography.HashAlgorithmName]::SHA256, 10000)
    [IO.File]::WriteAllText($script:EncryptedPath, $rsa.ExportEncryptedPkcs8PrivateKeyPem($script:PasswordText, $pbe))
}

AfterAll {
    Stop-MockSalesforce $script:Mock
}

Describe '-KeyPassword' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'given for an unencrypted <Format> key is a warning that it was not needed, and the connect works' -ForEach @(
        @{ Format = 'PKCS#8'; Path = { $script:Cert.KeyPath } }
        @{ Format = 'PKCS#1'; Path = { $script:Pkcs1Path } }
    ) {
        $keyPath = & $Path
        $warnings = $null
        $auth = Connect-SfOrgJwt @script:Connect -KeyFile $keyPath -KeyPassword $script:Password -WarningVariable warnings -WarningAction SilentlyContinue
        $auth.Username | Should -Be $script:Scenario.HubUsername
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "The key file $keyPath is not encrypted*-KeyPassword was not needed*"
        "$($warnings[0])" | Should -Not -Match ([regex]::Escape($script:PasswordText))
    }

    It 'that decrypts the key is no warning' {
        $warnings = $null
        $auth = Connect-SfOrgJwt @script:Connect -KeyFile $script:EncryptedPath -KeyPassword $script:Password -WarningVariable warnings
        $auth.Username | Should -Be $script:Scenario.HubUsername
        $warnings.Count | Should -Be 0
    }

    It 'given to Get-SfOrgAuth for a renewal with an unencrypted key is a warning too, and the token is renewed' {
        Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath -Alias plain | Out-Null
        $before = (Get-SfOrgAuth plain -AsPlainText).AccessToken
        $warnings = $null
        $after = Get-SfOrgAuth plain -Refresh -AsPlainText -KeyPassword $script:Password -WarningVariable warnings -WarningAction SilentlyContinue
        $after.AccessToken | Should -Not -Be $before
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "The key file $($script:Cert.KeyPath) is not encrypted*"
    }

    It 'missing for an encrypted key file: the fix of Connect-SfOrgJwt names -KeyPassword' {
        $err = $null
        $out = $null
        # One org named on the command line: its failure is a terminating error.
        try { $out = Connect-SfOrgJwt @script:Connect -KeyFile $script:EncryptedPath } catch { $err = @($_) }
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KeyPasswordRequired,*'
        $err[0].ErrorDetails.RecommendedAction | Should -Match '-KeyPassword'
        $err[0].TargetObject | Should -Be $script:EncryptedPath
    }

    It 'missing when Get-SfOrgAuth renews with an encrypted key file: its fix names -KeyPassword' {
        Connect-SfOrgJwt @script:Connect -KeyFile $script:EncryptedPath -KeyPassword $script:Password -Alias locked | Out-Null
        $err = $null
        Get-SfOrgAuth locked -Refresh -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KeyPasswordRequired,*'
        $err[0].ErrorDetails.RecommendedAction | Should -Match '-KeyPassword'
        $err[0].TargetObject | Should -Be $script:EncryptedPath
    }
}
