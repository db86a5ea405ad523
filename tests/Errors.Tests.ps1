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

Describe 'Every error the cmdlets write carries a RecommendedAction' {
    BeforeAll {
        $script:Missing = Join-Path $TestDrive 'missing.key'
        $script:Garbage = Join-Path $TestDrive 'garbage.key'
        [IO.File]::WriteAllText($script:Garbage, 'not a key')
        $password = ConvertTo-SecureString 'Errors-Pa55!' -AsPlainText -Force
        $script:Encrypted = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'encrypted') -KeyPassword $password
    }
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    # Fits: where the advice must fit the command, what it must name (a command or parameter of this module).
    It '<Expected> from <Name>' -ForEach @(
        @{ Name = 'Get-SfOrgAuth of a name nobody stored'; Expected = 'OrgAuthNotFound'; Fits = 'Get-SfOrgAuth'; Run = { Get-SfOrgAuth nosuch } }
        @{ Name = 'Disconnect-SfOrg of a name nobody stored'; Expected = 'OrgAuthNotFound'; Fits = 'Get-SfOrgAuth'; Run = { Disconnect-SfOrg nosuch -Confirm:$false } }
        @{ Name = 'Get-SfOrgAuth -DefaultOrg with no default'; Expected = 'NoDefaultOrg'; Fits = 'Connect-SfOrgJwt -SetDefault'; Run = { Get-SfOrgAuth -DefaultOrg } }
        @{ Name = 'a corrupt org file'; Expected = 'StoreFileCorrupt'; Fits = 'Connect-SfOrgJwt'; Run = {
                Connect-SfOrgJwt @script:Connect -KeyFile $script:Cert.KeyPath | Out-Null
                [IO.File]::WriteAllText(@(Get-ChildItem (Join-Path $env:JWTAUTH_HOME 'orgs') -Filter '*.json')[0].FullName, '{"version": 1, "username": "trunc')
                Get-SfOrgAuth } }
        @{ Name = 'a key file on the Env: drive'; Expected = 'PathNotFileSystem'; Fits = '-KeyFile'; Run = { Connect-SfOrgJwt @script:Connect -KeyFile 'Env:\jwt.key' } }
        @{ Name = 'an output folder on the Env: drive'; Expected = 'PathNotFileSystem'; Fits = '-OutputDirectory'; Run = { New-SfCertificate -OutputDirectory 'Env:\jwt' } }
        @{ Name = 'a key file on a drive that does not exist'; Expected = 'PathDriveNotFound'; Fits = '-KeyFile'; Run = { Connect-SfOrgJwt @script:Connect -KeyFile 'Q:\x.key' } }
        @{ Name = 'an output folder on a drive that does not exist'; Expected = 'PathDriveNotFound'; Fits = '-OutputDirectory'; Run = { New-SfCertificate -OutputDirectory 'Q:\x' } }
        @{ Name = 'a key file path with a NUL'; Expected = 'InvalidPath'; Fits = $null; Run = { Connect-SfOrgJwt @script:Connect -KeyFile "bad`0.key" } }
        @{ Name = 'a key file that is not there'; Expected = 'KeyFileNotFound'; Fits = $null; Run = { Connect-SfOrgJwt @script:Connect -KeyFile $script:Missing } }
        @{ Name = 'a key file that is no key'; Expected = 'KeyUnreadable'; Fits = $null; Run = { Connect-SfOrgJwt @script:Connect -KeyFile $script:Garbage } }
        @{ Name = 'an encrypted key without -KeyPassword'; Expected = 'KeyPasswordRequired'; Fits = '-KeyPassword'; Run = { Connect-SfOrgJwt @script:Connect -KeyFile $script:Encrypted.KeyPath } }
        @{ Name = 'a login Salesforce refuses for the consumer key'; Expected = 'InvalidClientId'; Fits = $null; Run = { Connect-SfOrgJwt @script:Connect -ClientId 'wrong-key' -KeyFile $script:Cert.KeyPath } }
        @{ Name = 'a login for a user the app is not approved for'; Expected = 'UserNotApproved'; Fits = $null; Run = { Connect-SfOrgJwt @script:Connect -Username 'nobody@example.com' -KeyFile $script:Cert.KeyPath -RetryTimeoutSec 0 } }
        @{ Name = 'Get-SfOrgAuth -Refresh after the stored key file moved'; Expected = 'KeyFileNotFound'; Fits = 'Connect-SfOrgJwt .*-KeyFile'; Run = {
                $key = Join-Path $TestDrive "moving-$([guid]::NewGuid().ToString('N')).key"
                Copy-Item $script:Cert.KeyPath $key
                Connect-SfOrgJwt @script:Connect -KeyFile $key -Alias Moved | Out-Null
                Move-Item $key "$key.moved"
                Get-SfOrgAuth Moved -Refresh } }
    ) {
        $err = $null
        try { $ErrorActionPreference = 'Stop'; & $Run | Out-Null } catch { $err = $_ } finally { $ErrorActionPreference = 'Continue' }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$Expected,JwtAuth.Commands.*"
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        if ($Fits) { $err.ErrorDetails.RecommendedAction | Should -Match $Fits }
    }

    It '<_> carries a RecommendedAction too' -ForEach @('OperationStopped', 'UnexpectedError') {
        # Neither can be provoked from outside on purpose: the module's own mapping is called with the exception each is made from.
        $map = (Get-Command Connect-SfOrgJwt).ImplementingType.Assembly.GetType('JwtAuth.Infrastructure.ErrorRecords', $true).GetMethod('From')
        $exception = if ($_ -eq 'OperationStopped') { [OperationCanceledException]::new() } else { [InvalidOperationException]::new('input text') }
        $record = $map.Invoke($null, @($exception, 'someone@example.com'))
        $record.FullyQualifiedErrorId | Should -Be $_
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $record.ErrorDetails.Message | Should -Not -Match 'input text'
    }
}
