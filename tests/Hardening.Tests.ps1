# Adversarial tests through the cmdlets: bad key files, URLs and identities end in their ErrorIds, faults leave
# the store as it was, and no stream, error, formatted output or stored file ever holds a secret.
BeforeDiscovery {
    # name, how to make the file from the good PEM key (param $pem, $dir), ErrorId the connect must end in
    $script:BadKeys = @(
        @{ Name = 'truncated'; Expected = 'KeyUnreadable'; Make = { param($pem) $pem.Substring(0, [int]($pem.Length / 2)) } }
        @{ Name = 'mismatched END label'; Expected = 'KeyUnreadable'; Make = { param($pem) $pem.Replace('END PRIVATE KEY', 'END RSA PRIVATE KEY') } }
        @{ Name = 'binary garbage'; Expected = 'KeyUnreadable'; Make = { $b = [byte[]]::new(4096); [Random]::new(7).NextBytes($b); $b[0] = 1; , $b } }
        @{ Name = 'multi-megabyte file'; Expected = 'KeyUnreadable'; Make = { param($pem) $pem * 2000 } }
        @{ Name = 'empty file'; Expected = 'KeyUnreadable'; Make = { '' } }
        @{ Name = 'certificate instead of key'; Expected = 'NotAPrivateKey'; Make = { param($pem, $dir) Get-Content -Raw (Join-Path $dir 'server.crt') } }
        @{ Name = 'public key'; Expected = 'NotAPrivateKey'; Make = { $r = [System.Security.Cryptography.RSA]::Create(2048); $r.ExportSubjectPublicKeyInfoPem() } }
        @{ Name = 'EC key'; Expected = 'KeyNotRsa'; Make = { [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256).ExportECPrivateKeyPem() } }
        @{ Name = '1024-bit RSA'; Expected = 'KeyTooSmall'; Make = { [System.Security.Cryptography.RSA]::Create(1024).ExportPkcs8PrivateKeyPem() } }
        @{ Name = 'key not matching the uploaded certificate'; Expected = 'InvalidAssertion'; Make = { [System.Security.Cryptography.RSA]::Create(2048).ExportPkcs8PrivateKeyPem() } }
    )
    # The ones JwtAuth refuses itself (Salesforce refuses the last): a key error, about the file.
    $script:BadKeyFiles = @($script:BadKeys | Where-Object Expected -ne 'InvalidAssertion')
    # login URL, username, client id ('{KEY}' = the app's), ErrorId: all refused before anything is sent
    $script:BadInputs = @(
        @{ Name = 'Lightning domain'; Url = 'https://acme.lightning.force.com'; User = '{USER}'; Client = '{KEY}'; Expected = 'LoginUrlNotLoginDomain' }
        @{ Name = 'plain http to a remote host'; Url = 'http://login.salesforce.com'; User = '{USER}'; Client = '{KEY}'; Expected = 'LoginUrlNotHttps' }
        @{ Name = 'URL with a path and query'; Url = 'https://login.salesforce.com/services/oauth2/token?x=1'; User = '{USER}'; Client = '{KEY}'; Expected = 'LoginUrlHasPath' }
        @{ Name = 'malformed URL'; Url = 'https://'; User = '{USER}'; Client = '{KEY}'; Expected = 'LoginUrlMalformed' }
        @{ Name = 'blank username'; Url = '{MOCK}'; User = '   '; Client = '{KEY}'; Expected = 'MissingUsername' }
        @{ Name = 'username with a space'; Url = '{MOCK}'; User = 'john doe@example.com'; Client = '{KEY}'; Expected = 'InvalidUsername' }
        @{ Name = 'username of 5000 characters'; Url = '{MOCK}'; User = ('u' * 5000) + '@example.com'; Client = '{KEY}'; Expected = 'InvalidUsername' }
        @{ Name = 'blank client id'; Url = '{MOCK}'; User = '{USER}'; Client = ' '; Expected = 'MissingClientId' }
        @{ Name = 'two client ids pasted together'; Url = '{MOCK}'; User = '{USER}'; Client = '3MVG9 two keys'; Expected = 'InvalidClientIdFormat' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    Import-Module (Get-StagedModulePath) -Force
    $script:Mock = Start-MockSalesforce
    $script:Url = $script:Mock.BaseUrl
    $script:KeyDir = Join-Path $TestDrive 'keys'
    $script:KeyPassword = 'Hardening-Pa55!'
    $script:Cert = New-SfCertificate -OutputDirectory $script:KeyDir -CommonName 'Hardening'
    $script:Pem = Get-Content -Raw $script:Cert.KeyPath
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath
    $script:Hub = $script:Scenario.HubUsername
    $script:ClientId = $script:Scenario.ConsumerKey
    # Key material that must never show: the base64 body and its first 40 characters.
    $script:KeyBody = (($script:Pem -split "`n") | Where-Object { $_ -and $_ -notmatch '^-----' }) -join ''

    function New-BadKeyFile([scriptblock] $Make) {
        $content = & $Make $script:Pem $script:KeyDir
        $path = Join-Path $TestDrive ("bad-" + [guid]::NewGuid().ToString('N') + '.key')
        if ($content -is [byte[]]) { [IO.File]::WriteAllBytes($path, $content) } else { [IO.File]::WriteAllText($path, [string]$content) }
        $path
    }

    function Get-TokenRequestCount {
        @((Invoke-MockControl -Mock $script:Mock -Method Get -Path requests) | Where-Object { $_.path -eq '/services/oauth2/token' }).Count
    }

    # A terminating error reaches -ErrorVariable as the exception that carries its ErrorRecord.
    filter ConvertTo-ErrorRecord { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } }

    function Get-FileBytes([string] $Root) {
        $map = @{}
        if (Test-Path $Root) {
            Get-ChildItem -Path $Root -Recurse -File -Force | ForEach-Object {
                $map[$_.FullName] = [Convert]::ToBase64String([IO.File]::ReadAllBytes($_.FullName))
            }
        }
        $map
    }

    function Assert-NoSecret([string] $Text, [string[]] $Secrets, [string] $Where) {
        foreach ($secret in $Secrets) {
            if ([string]::IsNullOrEmpty($secret)) { continue }
            # Not Should -Not -Match: its failure message would print the secret.
            if ($Text.Contains($secret)) { throw "$Where contains a secret ($($secret.Length) chars starting '$($secret.Substring(0, [Math]::Min(3, $secret.Length)))...')" }
        }
    }

    function ConvertTo-ScanText($Items) {
        # Everything a user could see of pipeline output, stream records and errors.
        $parts = foreach ($item in $Items) {
            if ($null -eq $item) { continue }
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                $item | Format-List * -Force | Out-String -Width 4096
                $item.Exception.ToString()
                for ($e = $item.Exception; $null -ne $e; $e = $e.InnerException) { $e.Message }
                "$($item.ErrorDetails) $($item.ErrorDetails.RecommendedAction) $($item.TargetObject)"
            } else {
                $item | Format-List * -Force | Out-String -Width 4096
                $item | Format-Table * | Out-String -Width 4096
                "$item"
            }
        }
        $parts -join "`n"
    }
}

AfterAll {
    Stop-MockSalesforce $script:Mock
}

Describe 'Hardening: bad key files' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It '<Name> ends in <Expected>, stores nothing and shows no key material' -ForEach $script:BadKeys {
        $path = New-BadKeyFile $Make

        $err = $null
        # One org named on the command line: its failure is a terminating error, caught here; -ErrorVariable holds it too.
        $out = $null
        try { $out = Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $path -LoginUrl $script:Url -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Expected,*"
        $err[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Assert-NoSecret (ConvertTo-ScanText $err) @($script:KeyBody, $script:KeyBody.Substring(0, 40), 'eyJ') 'the error'
        @(Get-ChildItem -Path $env:JWTAUTH_HOME -Recurse -File -Filter '*.json' -ErrorAction SilentlyContinue | Where-Object FullName -like '*orgs*').Count | Should -Be 0
    }

    It 'an encrypted key with the wrong password ends in KeyPasswordIncorrect without echoing the password' {
        $encrypted = Join-Path $TestDrive 'encrypted'
        $made = New-SfCertificate -OutputDirectory $encrypted -KeyPassword (ConvertTo-SecureString $script:KeyPassword -AsPlainText -Force)
        $wrong = ConvertTo-SecureString ('wrong-' + $script:KeyPassword) -AsPlainText -Force
        $err = $null
        try { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $made.KeyPath -KeyPassword $wrong -LoginUrl $script:Url -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KeyPasswordIncorrect,*'
        Assert-NoSecret (ConvertTo-ScanText $err) @($script:KeyPassword) 'the error'
    }

    It '<Name>: the error targets the key file, and its CategoryInfo says so in words' -ForEach $script:BadKeyFiles {
        $path = New-BadKeyFile $Make
        $err = $null
        try { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $path -LoginUrl $script:Url -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)
        $err[0].TargetObject | Should -Be $path
        $err[0].CategoryInfo.TargetName | Should -Be $path
        $err[0].CategoryInfo.TargetType | Should -Be 'key file'
        $err[0].CategoryInfo.Reason | Should -Be $Expected
    }

    It 'a -KeyFile path with a NUL character ends in InvalidPath about that path, not UnexpectedError' {
        $path = Join-Path $TestDrive "bad`0name.key"
        $err = $null
        try { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $path -LoginUrl $script:Url -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPath,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be $path
    }

    It 'an error about -PrivateKey text targets the username, never the text' {
        $certificateText = Get-Content -Raw $script:Cert.CertificatePath
        $err = $null
        try { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -PrivateKey $certificateText -LoginUrl $script:Url -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NotAPrivateKey,*'
        $err[0].TargetObject | Should -Be $script:Hub
        $err[0].CategoryInfo.TargetType | Should -Be 'username'
    }
}

Describe 'Hardening: CategoryInfo reads in words, never .NET type names' {
    BeforeAll {
        $env:JWTAUTH_HOME = Join-Path $TestDrive 'category-store'
        $script:Existing = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'category-certs')
    }
    AfterAll {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It '<Expected> from <Name>' -ForEach @(
        @{ Name = 'a missing key file'; Expected = 'KeyFileNotFound'; Run = { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile (Join-Path $TestDrive 'missing.key') -LoginUrl $script:Url } }
        @{ Name = 'plain http to a remote host'; Expected = 'LoginUrlNotHttps'; Run = { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $script:Cert.KeyPath -LoginUrl 'http://login.salesforce.com' } }
        @{ Name = 'a username with a space'; Expected = 'InvalidUsername'; Run = { Connect-SfOrgJwt -ClientId $script:ClientId -Username 'john doe@example.com' -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url } }
        @{ Name = 'a certificate that exists'; Expected = 'CertificateFileExists'; Run = { New-SfCertificate -OutputDirectory (Split-Path $script:Existing.KeyPath) } }
        @{ Name = 'a base name with a folder in it'; Expected = 'InvalidFileName'; Run = { New-SfCertificate -OutputDirectory $TestDrive -BaseName 'sub/name' } }
        @{ Name = 'a folder on the Env: drive'; Expected = 'PathNotFileSystem'; Run = { New-SfCertificate -OutputDirectory 'Env:\jwt' } }
        @{ Name = 'a folder on a drive that does not exist'; Expected = 'PathDriveNotFound'; Run = { New-SfCertificate -OutputDirectory 'Q:\jwt' } }
        @{ Name = 'a key file on a drive that does not exist'; Expected = 'PathDriveNotFound'; Run = { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile 'Q:\x.key' -LoginUrl $script:Url } }
    ) {
        $err = $null
        try { $ErrorActionPreference = 'Stop'; & $Run | Out-Null } catch { $err = $_ } finally { $ErrorActionPreference = 'Continue' }
        $err.FullyQualifiedErrorId | Should -BeLike "$Expected,*"
        $err.CategoryInfo.Reason | Should -Be $Expected
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $text = $err.CategoryInfo.ToString()
        $text | Should -Match ([regex]::Escape("], $Expected"))
        $text | Should -Not -Match 'Exception|\bString\b|Int32|Object\[\]|System\.'
    }
}

Describe 'Hardening: bad URLs, usernames and client ids' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It '<Name> ends in <Expected> without a token request' -ForEach $script:BadInputs {
        $url = $Url.Replace('{MOCK}', $script:Url)
        $user = $User.Replace('{USER}', $script:Hub)
        $client = $Client.Replace('{KEY}', $script:ClientId)
        $before = Get-TokenRequestCount
        $err = $null
        try { Connect-SfOrgJwt -ClientId $client -Username $user -KeyFile $script:Cert.KeyPath -LoginUrl $url -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Expected,*"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-TokenRequestCount | Should -Be $before
        if ($Expected -eq 'LoginUrlNotLoginDomain') {
            # The user is told which My Domain URL to use instead.
            "$($err[0].ErrorDetails.RecommendedAction) $($err[0].Exception.Message)" | Should -Match ([regex]::Escape('https://acme.my.salesforce.com'))
        }
    }
}

Describe 'Hardening: faults leave the stored auth as it was' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path faults | Out-Null
    }
    AfterEach {
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path faults | Out-Null
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'a truncated token answer on reconnect is ResponseInvalidJson and the store is byte-identical' {
        Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias hub | Out-Null
        $token = (Get-SfOrgAuth hub -AsPlainText).AccessToken
        $before = Get-FileBytes $env:JWTAUTH_HOME
        Invoke-MockControl -Mock $script:Mock -Path faults -Body @{ kind = 'TruncatedJson'; path = '/services/oauth2/token'; forever = $true } | Out-Null

        $err = $null
        try { Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Alias hub -ErrorAction SilentlyContinue -ErrorVariable err } catch { }
        $err = @($err | ConvertTo-ErrorRecord)

        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResponseInvalidJson,*'
        $after = Get-FileBytes $env:JWTAUTH_HOME
        @($after.Keys | Sort-Object) | Should -Be @($before.Keys | Sort-Object)
        foreach ($k in $before.Keys) { $after[$k] | Should -Be $before[$k] -Because "$k must not change" }
        (Get-SfOrgAuth hub -AsPlainText).AccessToken | Should -Be $token
    }

    It 'a connection reset once is retried and the connect succeeds' {
        Invoke-MockControl -Mock $script:Mock -Path faults -Body @{ kind = 'DropConnection'; path = '/services/oauth2/token'; count = 1 } | Out-Null
        $out = Connect-SfOrgJwt -ClientId $script:ClientId -Username $script:Hub -KeyFile $script:Cert.KeyPath -LoginUrl $script:Url -Verbose 4>&1
        @($out | Where-Object { $_ -is [JwtAuth.SfOrgAuth] }).Count | Should -Be 1
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) | Should -Match 'Retry 1 of'
    }
}

Describe 'Hardening: no cmdlet leaks a secret' {
    BeforeAll {
        $script:OldHome = $env:HOME
        $env:HOME = Join-Path $TestDrive 'home'
        New-Item -ItemType Directory -Path $env:HOME | Out-Null
        $env:JWTAUTH_HOME = Join-Path $TestDrive 'hygiene-store'
    }
    AfterAll {
        $env:HOME = $script:OldHome
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'scans every stream, error, formatted output and stored file' {
        $seen = [System.Collections.Generic.List[object]]::new()
        $tokens = [System.Collections.Generic.List[string]]::new()
        $secure = ConvertTo-SecureString $script:KeyPassword -AsPlainText -Force
        $common = @{ ClientId = $script:ClientId; Username = $script:Hub; LoginUrl = $script:Url; Verbose = $true; Debug = $true }
        $Error.Clear()

        # A protected key made by the module itself, then connects that work, with -SfCli into the temp HOME.
        $made = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'hygiene-keys') -KeyPassword $secure -PfxPassword $secure -Verbose -Debug *>&1
        $seen.AddRange(@($made))
        $madeCert = @($made | Where-Object { $_ -is [JwtAuth.SfCertificate] })[0]
        $madeBody = (((Get-Content -Raw $madeCert.KeyPath) -split "`n") | Where-Object { $_ -and $_ -notmatch '^-----' }) -join ''
        $seen.AddRange(@(Connect-SfOrgJwt @common -KeyFile $script:Cert.KeyPath -Alias hub -SetDefault -SfCli *>&1))
        $tokens.Add((Get-SfOrgAuth hub -AsPlainText).AccessToken)
        $seen.AddRange(@(Get-SfOrgAuth -Refresh -Verbose -Debug *>&1))
        $tokens.Add((Get-SfOrgAuth hub -AsPlainText).AccessToken)
        $seen.AddRange(@(Get-SfOrgAuth -SfCli -Verbose -Debug *>&1))
        $seen.AddRange(@(Get-SfOrgAuth hub -Verbose -Debug *>&1))

        # Failures of every layer, as errors in the stream and in $Error.
        $other = Join-Path $TestDrive 'other.key'
        [IO.File]::WriteAllText($other, [System.Security.Cryptography.RSA]::Create(2048).ExportPkcs8PrivateKeyPem())
        # Each is one org named on the command line, so its failure is a terminating error: caught and scanned with the streams.
        $seen.AddRange(@(try { Connect-SfOrgJwt @common -KeyFile $other -ErrorAction Continue *>&1 } catch { $_ }))
        $seen.AddRange(@(try { Connect-SfOrgJwt @common -KeyFile $madeCert.KeyPath -KeyPassword (ConvertTo-SecureString 'nope' -AsPlainText -Force) -ErrorAction Continue *>&1 } catch { $_ }))
        $seen.AddRange(@(try { Connect-SfOrgJwt @common -PrivateKey $script:Pem.Substring(0, 900) -ErrorAction Continue *>&1 } catch { $_ }))
        Invoke-MockControl -Mock $script:Mock -Path faults -Body @{ kind = 'Html'; path = '/services/oauth2/token'; count = 1; statusCode = 200 } | Out-Null
        $seen.AddRange(@(try { Connect-SfOrgJwt @common -KeyFile $script:Cert.KeyPath -ErrorAction Continue *>&1 } catch { $_ }))

        # Key text for this process only, last (it shadows the stored auth from here on).
        $seen.AddRange(@(Connect-SfOrgJwt @common -PrivateKey ($script:Pem -replace "`n", '\n') -Scope Process *>&1))
        $tokens.Add((Get-SfOrgAuth $script:Hub -AsPlainText).AccessToken)
        $seen.AddRange(@(Get-SfOrgAuth -Verbose -Debug *>&1))
        $files = @{}
        Get-ChildItem -Path $env:JWTAUTH_HOME, $env:HOME -Recurse -File -Force | ForEach-Object { $files[$_.FullName] = [IO.File]::ReadAllText($_.FullName) }
        $seen.AddRange(@(Disconnect-SfOrg hub -SfCli -Verbose -Debug *>&1))

        $tokens | Should -Not -Contain $null
        $tokens | Should -Not -Contain ''
        @($seen | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterOrEqual 4
        @($seen | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        $files.Count | Should -BeGreaterThan 2
        @($files.Keys | Where-Object { $_ -like '*.sfdx*' }).Count | Should -BeGreaterThan 0

        $secrets = @($tokens) + @('eyJ', $script:KeyBody, $script:KeyBody.Substring(0, 40), $madeBody, $madeBody.Substring(0, 40), $script:KeyPassword)
        Assert-NoSecret (ConvertTo-ScanText $seen) $secrets 'cmdlet output and streams'
        Assert-NoSecret (ConvertTo-ScanText @($Error)) $secrets '$Error'
        # Files hold base64 ciphertext, where a bare 'eyJ' can occur by chance: look for a JWT header instead.
        $fileSecrets = @($secrets | Where-Object { $_ -ne 'eyJ' }) + @('eyJhbGci', 'eyJ0eXAi')
        foreach ($file in $files.Keys) {
            Assert-NoSecret $files[$file] $fileSecrets "file $file"
        }
    }
}
