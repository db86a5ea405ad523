BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    Import-Module (Get-StagedModulePath) -Force
}

Describe 'New-SfCertificate' {
    BeforeEach {
        $script:Dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'writes server.key and server.crt into a new folder and describes them' {
        $cert = New-SfCertificate -OutputDirectory $script:Dir -CommonName 'Pester App' -ValidDays 30
        $cert | Should -BeOfType JwtAuth.SfCertificate
        $cert.KeyPath | Should -Be (Join-Path $script:Dir 'server.key')
        $cert.CertificatePath | Should -Be (Join-Path $script:Dir 'server.crt')
        $cert.PfxPath | Should -BeNullOrEmpty
        $cert.Subject | Should -Match 'CN=Pester App'
        $cert.KeySize | Should -Be 2048
        ($cert.NotAfter - $cert.NotBefore).TotalDays | Should -BeGreaterThan 29.9
        Get-Content -Raw $cert.KeyPath | Should -Match '-----BEGIN PRIVATE KEY-----'
        $x509 = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($cert.CertificatePath)
        $x509.Thumbprint | Should -Be $cert.Thumbprint
        $x509.SignatureAlgorithm.FriendlyName | Should -Be 'sha256RSA'
    }

    It 'shows a single result as a list that names every file' {
        $cert = New-SfCertificate -OutputDirectory $script:Dir
        $text = $cert | Out-String -Width 120
        $text | Should -Match "(?m)^Thumbprint\s+: $($cert.Thumbprint)"
        $text | Should -Match "(?m)^KeyPath\s+: $([regex]::Escape($cert.KeyPath))"
        $text | Should -Match "(?m)^CertificatePath\s+: $([regex]::Escape($cert.CertificatePath))"
    }

    It 'resolves a relative directory against the PowerShell location' {
        New-Item -ItemType Directory $script:Dir | Out-Null
        Push-Location $script:Dir
        try { $cert = New-SfCertificate -OutputDirectory 'rel' -BaseName 'hub' } finally { Pop-Location }
        $cert.KeyPath | Should -Be (Join-Path (Join-Path $script:Dir 'rel') 'hub.key')
    }

    It 'makes the key file owner-only' -Skip:$IsWindows {
        $cert = New-SfCertificate -OutputDirectory $script:Dir
        (Get-Item $cert.KeyPath).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'writes a PFX with -PfxPassword and a 4096-bit key with -KeySize' {
        $password = ConvertTo-SecureString 'pfx-pass-1' -AsPlainText -Force
        $cert = New-SfCertificate -OutputDirectory $script:Dir -PfxPassword $password -KeySize 4096
        $cert.PfxPath | Should -Be (Join-Path $script:Dir 'server.pfx')
        $pfx = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($cert.PfxPath, 'pfx-pass-1')
        $pfx.HasPrivateKey | Should -BeTrue
        $pfx.Thumbprint | Should -Be $cert.Thumbprint
        $cert.KeySize | Should -Be 4096
    }

    It 'refuses to overwrite without -Force and leaves the files untouched' {
        $first = New-SfCertificate -OutputDirectory $script:Dir
        $before = Get-Content -Raw $first.KeyPath
        { New-SfCertificate -OutputDirectory $script:Dir -ErrorAction Stop } | Should -Throw -ErrorId 'CertificateFileExists*'
        Get-Content -Raw $first.KeyPath | Should -Be $before
        $second = New-SfCertificate -OutputDirectory $script:Dir -Force
        $second.Thumbprint | Should -Not -Be $first.Thumbprint
    }

    It 'writes nothing with -WhatIf' {
        New-SfCertificate -OutputDirectory $script:Dir -WhatIf | Should -BeNullOrEmpty
        Test-Path (Join-Path $script:Dir 'server.key') | Should -BeFalse
    }

    It 'refuses key sizes under 2048 before doing anything' {
        { New-SfCertificate -OutputDirectory $script:Dir -KeySize 1024 -ErrorAction Stop } | Should -Throw
        Test-Path $script:Dir | Should -BeFalse
    }

    It 'writes a certificate openssl verifies against the key' -Skip:(-not (Get-Command openssl -ErrorAction SilentlyContinue)) {
        $cert = New-SfCertificate -OutputDirectory $script:Dir -KeyFormat Pkcs1
        Get-Content -Raw $cert.KeyPath | Should -Match 'BEGIN RSA PRIVATE KEY'
        $certModulus = & openssl x509 -noout -modulus -in $cert.CertificatePath
        $keyModulus = & openssl rsa -noout -modulus -in $cert.KeyPath
        $certModulus | Should -Be $keyModulus
    }

    It 'refuses -KeyFormat Pkcs1 with -KeyPassword: an encrypted key is PKCS#8, and nothing is written' {
        $password = ConvertTo-SecureString 'key-pass-1' -AsPlainText -Force
        $out = $null; $err = $null
        try { $out = New-SfCertificate -OutputDirectory $script:Dir -KeyFormat Pkcs1 -KeyPassword $password } catch { $err = $_ }
        $out | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'EncryptedPkcs1NotSupported,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'an encrypted key is written as PKCS#8'
        $err.ErrorDetails.RecommendedAction | Should -Match '-KeyFormat Pkcs8'
        $err.ErrorDetails.RecommendedAction | Should -Match '-KeyPassword'
        Test-Path $script:Dir | Should -BeFalse
    }

    It 'refuses an empty -<Parameter> before writing anything' -ForEach @(@{ Parameter = 'KeyPassword' }, @{ Parameter = 'PfxPassword' }) {
        $arguments = @{ OutputDirectory = $script:Dir; $Parameter = [securestring]::new() }
        $out = $null; $err = $null
        try { $out = New-SfCertificate @arguments } catch { $err = $_ }
        $out | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PasswordEmpty,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.ErrorDetails.RecommendedAction | Should -Match "-$Parameter"
        Test-Path $script:Dir | Should -BeFalse
    }

    It 'refuses an empty -OutputDirectory in the binder instead of writing into the current folder' {
        New-Item -ItemType Directory $script:Dir | Out-Null
        Push-Location $script:Dir
        try {
            { New-SfCertificate -OutputDirectory '' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        } finally { Pop-Location }
        @(Get-ChildItem -Force $script:Dir).Count | Should -Be 0
    }

    It 'refuses a folder path with a NUL character with a path error that names the path' {
        $bad = Join-Path $script:Dir "a`0b"
        $err = $null
        try { New-SfCertificate -OutputDirectory $bad -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidPath,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -BeLike "*a`0b"
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Test-Path $script:Dir | Should -BeFalse
    }
}
