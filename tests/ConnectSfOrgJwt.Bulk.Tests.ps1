# Connect-SfOrgJwt with many orgs piped in: a run that ends early leaves nothing running, options meant for one org
# are refused for many, the output is what was stored, and input it cannot read is refused before anything is sent.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
    $script:Mock = Start-MockSalesforce
    $script:Url = $script:Mock.BaseUrl
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys') -CommonName 'Bulk'
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath -ScratchCount 6
    $script:Scratch = $script:Scenario.ScratchUsernames
    $script:Connect = @{
        ClientId = $script:Scenario.ConsumerKey; KeyFile = $script:Cert.KeyPath; LoginUrl = $script:Url
        Audience = 'https://test.salesforce.com'; RetryTimeoutSec = 0
    }
    $script:OriginalHome = $env:HOME
    $script:OriginalUserProfile = $env:USERPROFILE

    function script:Get-TokenRequests {
        # The control API answers one JSON array; enumerate it before filtering.
        $requests = Invoke-MockControl -Mock $script:Mock -Method Get -Path requests
        @($requests | Where-Object path -eq '/services/oauth2/token')
    }

    function script:Get-TokenRequestsFor([string[]] $Usernames) {
        @(Get-TokenRequests | Where-Object { $_.assertion.claims.sub -in $Usernames })
    }

    # Every file of the store and of the Salesforce CLI's home, as one comparable text.
    function script:Get-StoreFingerprint {
        $parts = foreach ($root in @($env:JWTAUTH_HOME, $env:HOME)) {
            if (Test-Path -LiteralPath $root) {
                $map = Get-FolderFingerprint $root
                foreach ($k in $map.Keys) { "$root|$k=$($map[$k])" }
            }
        }
        ($parts | Sort-Object) -join "`n"
    }

    # Polls for a few seconds: a bulk run that left work behind would store or register an org in that time.
    function script:Assert-StoreStaysAsItIs([string] $Fingerprint) {
        $deadline = [DateTime]::UtcNow.AddSeconds(4)
        while ([DateTime]::UtcNow -lt $deadline) {
            $now = Get-StoreFingerprint
            if ($now -ne $Fingerprint) { throw "The store changed after Connect-SfOrgJwt had returned:`n$now" }
            Start-Sleep -Milliseconds 200
        }
    }

    # Every request that has reached the mock (recorded on arrival; not its outcome, which an aborted one may get later),
    # as one comparable text: a run that left work behind would still send one.
    function script:Get-RequestLogFingerprint {
        $requests = Invoke-MockControl -Mock $script:Mock -Method Get -Path requests
        $requests | ForEach-Object {
            $sub = if ($_.path -eq '/services/oauth2/token' -and $_.assertion) { $_.assertion.claims.sub }
            "$($_.path)|$sub"
        } | Out-String
    }

    function script:Assert-NoRequestAfterReturn([string] $Requests) {
        Get-RequestLogFingerprint | Should -Be $Requests -Because 'no request may reach Salesforce after Connect-SfOrgJwt has returned'
    }

    # The orgs with an auth file in the Salesforce CLI's home (HOME), by username.
    function script:Get-SfCliUsernames {
        $sfdx = Join-Path $env:HOME '.sfdx'
        if (-not (Test-Path $sfdx)) { return @() }
        @(Get-ChildItem $sfdx -Filter '*.json' | Where-Object Name -like '*@*' | ForEach-Object { $_.BaseName } | Sort-Object)
    }

    function script:Get-StoredUsernames {
        @(Get-SfOrgAuth | ForEach-Object Username | Sort-Object)
    }
}

AfterAll {
    $env:HOME = $script:OriginalHome
    $env:USERPROFILE = $script:OriginalUserProfile
    Stop-MockSalesforce $script:Mock
}

Describe 'Connect-SfOrgJwt: a bulk run that ends early' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        # Other suites in this process may have left auths in the process scope, which would shadow what is stored.
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
        # The request log then holds only what this test sent.
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path requests | Out-Null
        $env:HOME = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $env:HOME | Out-Null
        $env:USERPROFILE = $env:HOME
        # Each request takes a while, so logins are in flight when the run ends.
        Invoke-MockControl -Mock $script:Mock -Path options -Body @{ latencyMs = 400 } | Out-Null
    }
    AfterEach {
        Invoke-MockControl -Mock $script:Mock -Path options -Body @{ latencyMs = 0 } | Out-Null
        $env:HOME = $script:OriginalHome
        $env:USERPROFILE = $script:OriginalUserProfile
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'stops at a terminating error under -ErrorAction Stop: nothing is stored afterwards, and every stored org was written' {
        $names = @($script:Scratch[0], $script:Scratch[1], 'nobody@example.com') + $script:Scratch[2..5]
        $written = [System.Collections.Generic.List[object]]::new()
        $err = $null
        try {
            $names | Connect-SfOrgJwt @script:Connect -ThrottleLimit 1 -SfCli -ErrorAction Stop | ForEach-Object { $written.Add($_) }
        } catch { $err = $_ }
        $fingerprint = Get-StoreFingerprint
        $requests = Get-RequestLogFingerprint

        $err.FullyQualifiedErrorId | Should -BeLike 'UserNotApproved,*'
        Assert-StoreStaysAsItIs $fingerprint
        Assert-NoRequestAfterReturn $requests
        Get-StoredUsernames | Should -Be @($written | ForEach-Object Username | Sort-Object)
        Get-SfCliUsernames | Should -Be @(Get-StoredUsernames) -Because 'an org is registered with the CLI exactly when it is stored'
        @(Get-StoredUsernames).Count | Should -BeLessThan 6 -Because 'the orgs after the failed one were never connected'
    }

    It 'stops when Select-Object -First 1 has what it wants: nothing is stored afterwards, and every stored org was written or named in a warning' {
        $first = $script:Scratch | Connect-SfOrgJwt @script:Connect -ThrottleLimit 2 -SfCli -WarningVariable warnings | Select-Object -First 1
        $fingerprint = Get-StoreFingerprint
        $requests = Get-RequestLogFingerprint

        @($first).Count | Should -Be 1
        Assert-StoreStaysAsItIs $fingerprint
        Assert-NoRequestAfterReturn $requests
        $reported = @($first.Username) + @($script:Scratch | Where-Object { $u = $_; $warnings | Where-Object { "$_" -like "*'$u'*" } })
        Get-StoredUsernames | Should -Be @($reported | Sort-Object -Unique)
        Get-SfCliUsernames | Should -Be @(Get-StoredUsernames) -Because 'an org is registered with the CLI exactly when it is stored'
    }

    It 'stops on Ctrl+C while an org waits to be registered with the Salesforce CLI: nothing is stored or registered afterwards' {
        $user = $script:Scratch[0]
        # A live 'sf' holding the lock of this org's CLI auth file (a lock folder touched less than 10 s ago).
        $lock = Join-Path $env:HOME ".sfdx/$user.json.lock"
        New-Item -ItemType Directory $lock -Force | Out-Null
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModulePath'; '$user' | Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -Audience https://test.salesforce.com -SfCli")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        try {
            Wait-Until { @(Get-TokenRequestsFor $user | Where-Object statusCode -eq 200).Count -gt 0 } -What "the token request for $user"
            # Until the org is stored here (what a run that registers after storing does) or long enough for its login to end.
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            while ([DateTime]::UtcNow -lt $deadline -and (Get-StoredUsernames) -notcontains $user) {
                (Get-Item $lock).LastWriteTimeUtc = [DateTime]::UtcNow
                Start-Sleep -Milliseconds 200
            }
            $ps.Stop()
            $fingerprint = Get-StoreFingerprint
            $requests = Get-RequestLogFingerprint
        } finally {
            Remove-Item $lock -Force -ErrorAction SilentlyContinue
        }
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()

        Assert-StoreStaysAsItIs $fingerprint
        Assert-NoRequestAfterReturn $requests
        Get-StoredUsernames | Should -Be @($output | ForEach-Object Username | Sort-Object)
        Test-Path (Join-Path $env:HOME ".sfdx/$user.json") | Should -Be (@($output).Count -gt 0)
    }

    It 'stops on Ctrl+C between two logins: nothing is stored afterwards, and every stored org was written' {
        $ps = [powershell]::Create()
        $names = ($script:Scratch | ForEach-Object { "'$_'" }) -join ','
        $null = $ps.AddScript("Import-Module '$script:ModulePath'; $names | Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -Audience https://test.salesforce.com -ThrottleLimit 1")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        Wait-Until { $output.Count -gt 0 } -What 'the first connected org'
        $ps.Stop()
        $fingerprint = Get-StoreFingerprint
        $requests = Get-RequestLogFingerprint
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()

        Assert-StoreStaysAsItIs $fingerprint
        Assert-NoRequestAfterReturn $requests
        Get-StoredUsernames | Should -Be @($output | ForEach-Object Username | Sort-Object)
    }
}

Describe 'Connect-SfOrgJwt: options for one org, and the output' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        # Other suites in this process may have left auths in the process scope, which would shadow what is stored.
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
        # The request log then holds only what this test sent.
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path requests | Out-Null
    }
    AfterEach {
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'refuses -<Option> given on the command line for more than one piped org, before any login' -ForEach @(
        @{ Option = 'Alias'; Arguments = @{ Alias = 'same' } }
        @{ Option = 'SetDefault'; Arguments = @{ SetDefault = $true } }
        @{ Option = 'SetDefaultDevHub'; Arguments = @{ SetDefaultDevHub = $true } }
    ) {
        $ErrorActionPreference = 'Continue'
        $names = $script:Scratch[0..1]
        $err = $null
        $out = $null
        try { $out = $names | Connect-SfOrgJwt @script:Connect @Arguments } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'PerOrgOptionForManyOrgs,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($err.Exception.Message) $($err.ErrorDetails.RecommendedAction)" | Should -Match "-$Option"
        $err.ErrorDetails.RecommendedAction | Should -Match 'Alias column'
        $out | Should -BeNullOrEmpty
        Get-TokenRequestsFor $names | Should -BeNullOrEmpty
        Get-StoredUsernames | Should -BeNullOrEmpty
    }

    It 'keeps -Alias and -SetDefault for one org, named or piped, and a per-row Alias column for many' {
        (Connect-SfOrgJwt @script:Connect -Username $script:Scratch[0] -Alias one -SetDefault).Alias | Should -Be 'one'
        ($script:Scratch[1] | Connect-SfOrgJwt @script:Connect -Alias two).Alias | Should -Be 'two'
        $rows = @([pscustomobject]@{ Username = $script:Scratch[2]; Alias = 'three' }, [pscustomobject]@{ Username = $script:Scratch[3]; Alias = 'four' })
        ($rows | Connect-SfOrgJwt @script:Connect | Sort-Object Alias).Alias | Should -Be @('four', 'three')
        (Get-SfOrgAuth -DefaultOrg).Username | Should -Be $script:Scratch[0]
    }

    It 'writes what was stored: two rows asking for one alias are refused before login, and each output matches the store' {
        $rows = @(
            [pscustomobject]@{ Username = $script:Scratch[0]; Alias = 'same' }
            [pscustomobject]@{ Username = $script:Scratch[1]; Alias = 'same' }
            [pscustomobject]@{ Username = $script:Scratch[2]; Alias = 'other' }
        )
        $out = $rows | Connect-SfOrgJwt @script:Connect -ErrorVariable errs -ErrorAction SilentlyContinue

        foreach ($org in @($out)) {
            $stored = Get-SfOrgAuth | Where-Object Username -eq $org.Username
            $org.Alias | Should -Be $stored.Alias -Because "the output for $($org.Username) must say what was stored"
            ($org.Aliases -join ',') | Should -Be ($stored.Aliases -join ',')
            $org.IsDefault | Should -Be $stored.IsDefault
        }
        @($out).Count | Should -Be 1
        $out.Username | Should -Be $script:Scratch[2]
        @($errs | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object -Unique) | Should -Be 'DuplicateAlias'
        @($errs | ForEach-Object TargetObject | Sort-Object) | Should -Be @($script:Scratch[0..1] | Sort-Object)
        Get-TokenRequestsFor $script:Scratch[0..1] | Should -BeNullOrEmpty
    }

    It 'writes each org as stored after the whole save: aliases and the default mark it had before the run stay in its output' {
        Connect-SfOrgJwt @script:Connect -Username $script:Scratch[0] -Alias old -SetDefault | Out-Null
        $rows = @(
            [pscustomobject]@{ Username = $script:Scratch[0]; Alias = 'new' }
            [pscustomobject]@{ Username = $script:Scratch[1]; Alias = 'second' }
        )
        $out = @($rows | Connect-SfOrgJwt @script:Connect)

        $again = $out | Where-Object Username -eq $script:Scratch[0]
        $again.Alias | Should -Be 'new' -Because 'the alias set last is the Alias'
        $again.Aliases | Should -Be @('old', 'new') -Because 'the alias stored before the run stays, which the request alone does not know'
        $again.IsDefault | Should -BeTrue -Because 'the default mark was set before the run, and this row did not ask for it'
        ($out | Where-Object Username -eq $script:Scratch[1]).IsDefault | Should -BeFalse
        foreach ($org in $out) {
            $stored = Get-SfOrgAuth $org.Username
            ($org.Aliases -join ',') | Should -Be ($stored.Aliases -join ',')
            $org.Alias | Should -Be $stored.Alias
            $org.IsDefault | Should -Be $stored.IsDefault
            $org.IsDefaultDevHub | Should -Be $stored.IsDefaultDevHub
        }
    }

    It 'fails only the piped row whose key file is on a drive that does not exist (PathDriveNotFound) and connects the others' {
        $rows = @(
            [pscustomobject]@{ Username = $script:Scratch[0]; KeyFile = 'Q:\nowhere\server.key' }
            [pscustomobject]@{ Username = $script:Scratch[1]; KeyFile = $script:Cert.KeyPath }
        )
        $connect = $script:Connect.Clone()
        $connect.Remove('KeyFile')
        $out = $rows | Connect-SfOrgJwt @connect -ErrorVariable errs -ErrorAction SilentlyContinue

        $out.Username | Should -Be $script:Scratch[1]
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PathDriveNotFound,*'
        $errs[0].TargetObject | Should -Be 'Q:\nowhere\server.key'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match '-KeyFile'
        Get-TokenRequestsFor $script:Scratch[0] | Should -BeNullOrEmpty
    }

    It 'refuses an input object without a Username property, naming the properties it has, without a request (<Case>)' -ForEach @(
        @{ Case = 'object'; Make = { param($u, $url) [pscustomobject]@{ User = $u; LoginUrl = $url } }; Names = 'User, LoginUrl' }
        @{ Case = 'hashtable'; Make = { param($u, $url) @{ Username = $u } }; Names = 'Username' }
    ) {
        $user = $script:Scratch[4]
        $rows = @((& $Make $user $script:Url), [pscustomobject]@{ Username = $script:Scratch[5] })
        $out = $rows | Connect-SfOrgJwt @script:Connect -ErrorVariable errs -ErrorAction SilentlyContinue

        $out.Username | Should -Be $script:Scratch[5]
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectHasNoUsername,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($Names))
        $errs[0].CategoryInfo.TargetName | Should -Be $Names -Because 'the target names the properties, never their values'
        Get-TokenRequestsFor @($user, 'System.Collections.Hashtable') | Should -BeNullOrEmpty
        @(Get-TokenRequests | Where-Object { $_.assertion.claims.sub -like '@{*' }) | Should -BeNullOrEmpty
    }

    It 'refuses -SetDefaultDevHub for an org that is not a Dev Hub (NotADevHub) and stores nothing for it' {
        $ErrorActionPreference = 'Continue'
        $err = $null
        try { Connect-SfOrgJwt @script:Connect -Username $script:Scratch[0] -Alias notahub -SetDefaultDevHub } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'NotADevHub,*'
        $err.TargetObject | Should -Be $script:Scratch[0]
        $err.ErrorDetails.RecommendedAction | Should -Match 'SetDefaultDevHub'
        Get-StoredUsernames | Should -BeNullOrEmpty
        if (Test-Path $env:JWTAUTH_HOME) { Get-ChildItem (Join-Path $env:JWTAUTH_HOME 'orgs') -ErrorAction SilentlyContinue | Should -BeNullOrEmpty }
    }
}
