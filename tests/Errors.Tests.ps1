BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    Import-Module (Get-StagedModulePath) -Force
    $script:Mock = Start-MockSalesforce
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys')
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath
    $script:Connect = @{ ClientId = $script:Scenario.ConsumerKey; LoginUrl = $script:Mock.BaseUrl; Username = $script:Scenario.HubUsername }
}

AfterAll {
    Stop-MockSalesforce $script:Mock
}

Describe 'Errors say what fits the command they came from' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'tells Get-SfOrgAuth -Refresh, after the stored key file moved, to connect again with -KeyFile' {
        $keyCopy = Join-Path $TestDrive "moving-$([guid]::NewGuid().ToString('N')).key"
        Copy-Item $script:Cert.KeyPath $keyCopy
        Connect-SfOrgJwt @script:Connect -KeyFile $keyCopy -Alias Moved | Out-Null
        Move-Item $keyCopy "$keyCopy.moved"

        Get-SfOrgAuth Moved -Refresh -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'KeyFileNotFound*'
        $errs[0].TargetObject | Should -Be $keyCopy
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-SfOrgJwt'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match '-KeyFile <new path>'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($script:Scenario.HubUsername))
    }

    It 'does not repeat a failed login in the verbose stream' {
        $verbose = [System.Collections.Generic.List[string]]::new()
        $failure = $null
        try {
            Connect-SfOrgJwt @script:Connect -ClientId 'wrong-consumer-key' -KeyFile $script:Cert.KeyPath -Verbose -ErrorAction Stop 4>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $verbose.Add($_.Message) } }
        }
        catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $problem = $failure.Exception.Problem
        $problem | Should -Not -BeNullOrEmpty
        $verbose.Count | Should -BeGreaterThan 0 -Because 'the attempt itself is still reported'
        $verbose | Where-Object { $_ -like "*$problem*" } | Should -BeNullOrEmpty
    }
}
