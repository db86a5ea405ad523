# Issue 4 through the cmdlets: what Connect-SfOrgJwt leaves in the store ($env:JWTAUTH_HOME) and what
# Get-SfOrgAuth finds there, across processes, after failures, and with damaged files.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'JwtAuth.TestHelpers.psm1') -Force
    $script:ModulePath = Get-StagedModulePath
    Import-Module $script:ModulePath -Force
    $script:Mock = Start-MockSalesforce
    $script:Cert = New-SfCertificate -OutputDirectory (Join-Path $TestDrive 'keys')
    $script:Scenario = New-TestScenario -Mock $script:Mock -CertificatePath $script:Cert.CertificatePath -ScratchCount 7
    $script:Url = $script:Mock.BaseUrl
    $script:Connect = @{ ClientId = $script:Scenario.ConsumerKey; KeyFile = $script:Cert.KeyPath; LoginUrl = $script:Url }
    $script:Scratch = @{ Audience = 'https://test.salesforce.com' }
}

AfterAll {
    Stop-MockSalesforce $script:Mock
}

Describe 'The org auth store through the cmdlets' {
    BeforeEach {
        $env:JWTAUTH_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Get-SfOrgAuth | Where-Object Scope -eq Process | Disconnect-SfOrg -Confirm:$false
    }
    AfterEach {
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path faults | Out-Null
        Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    }

    It 'hands alias, default mark and key file to a new process, and takes back what that process connects' {
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub | Out-Null
        $scratchUser = $script:Scenario.ScratchUsernames[0]
        $script = @"
Import-Module '$script:ModulePath'
`$hub = Get-SfOrgAuth -DefaultDevHub
Connect-SfOrgJwt -ClientId `$hub.ClientId -KeyFile `$hub.KeyFile -LoginUrl `$hub.LoginUrl -Username '$scratchUser' -Audience https://test.salesforce.com -Alias child -SetDefault | Out-Null
'{0}|{1}|{2}|{3}' -f `$hub.Username, `$hub.Alias, `$hub.KeyFile, `$hub.CanRenew
"@
        $child = Invoke-ChildPwsh -Script $script -Environment @{ JWTAUTH_HOME = $env:JWTAUTH_HOME }
        $child.Error | Should -BeNullOrEmpty
        $child.Output.Trim() | Should -Be "$($script:Scenario.HubUsername)|hub|$($script:Cert.KeyPath)|True"

        $fromChild = Get-SfOrgAuth -DefaultOrg
        $fromChild.Username | Should -Be $scratchUser
        $fromChild.Alias | Should -Be 'child'
        $fromChild.OrgType | Should -Be 'Scratch'
        (Get-SfOrgAuth).Count | Should -Be 2
    }

    It 'keeps all eight orgs, aliases and the default when eight processes connect at the same moment' {
        $users = @($script:Scenario.HubUsername) + $script:Scenario.ScratchUsernames
        $users.Count | Should -Be 8
        $sync = Join-Path $TestDrive ("sync-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $sync | Out-Null
        $go = Join-Path $sync 'go'
        $children = for ($i = 0; $i -lt 8; $i++) {
            $options = if ($i -eq 0) { '-SetDefaultDevHub' } else { "-Audience https://test.salesforce.com$(if ($i -eq 3) { ' -SetDefault' })" }
            # Each child imports the module, says it is ready, then waits (bounded) for the common start signal.
            $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$script:ModulePath'
New-Item -ItemType File '$sync/ready-$i' | Out-Null
`$deadline = [DateTime]::UtcNow.AddSeconds(300)
while (-not (Test-Path '$go')) { if ([DateTime]::UtcNow -gt `$deadline) { throw 'no start signal' }; Start-Sleep -Milliseconds 20 }
`$a = Connect-SfOrgJwt -ClientId '$($script:Scenario.ConsumerKey)' -KeyFile '$($script:Cert.KeyPath)' -LoginUrl '$script:Url' -Username '$($users[$i])' -Alias 'org$i' $options
'connected:' + `$a.Username
"@
            Start-ChildPwsh -Script $script -Environment @{ JWTAUTH_HOME = $env:JWTAUTH_HOME }
        }
        try {
            Wait-Until -TimeoutSeconds 300 -What 'eight child processes to load the module' -Condition {
                @(Get-ChildItem $sync -Filter 'ready-*').Count -eq 8 -or @($children | Where-Object { $_.Process.HasExited }).Count -gt 0
            }
            New-Item -ItemType File $go | Out-Null
            $results = foreach ($c in $children) { Wait-ChildPwsh -Child $c -TimeoutSeconds 300 }
        } finally {
            foreach ($c in $children) { if (-not $c.Process.HasExited) { $c.Process.Kill($true) } }
        }

        for ($i = 0; $i -lt 8; $i++) {
            $results[$i].Error | Should -BeNullOrEmpty -Because "child $i connects $($users[$i])"
            $results[$i].Output.Trim() | Should -Be "connected:$($users[$i])"
        }
        $all = Get-SfOrgAuth -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $all.Count | Should -Be 8
        for ($i = 0; $i -lt 8; $i++) {
            ($all | Where-Object Username -eq $users[$i]).Alias | Should -Be "org$i"
        }
        ($all | Where-Object IsDefaultDevHub).Username | Should -Be $users[0]
        ($all | Where-Object IsDefault).Username | Should -Be $users[3]
        Get-ChildItem $env:JWTAUTH_HOME -Recurse -Force -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'leaves the previous auth byte for byte when a reconnect is refused (<Case>)' -ForEach @(
        @{ Case = 'wrong -ClientId'; ClientId = 'not-the-consumer-key'; Fault = $null; ErrorId = 'InvalidClientId*' }
        @{ Case = '503 until the retries give up'; ClientId = $null; Fault = @{ kind = 'Status'; statusCode = 503; path = '/services/oauth2/token'; count = 10 }; ErrorId = 'TokenEndpointUnavailable*' }
    ) {
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub | Out-Null
        $token = (Get-SfOrgAuth hub -AsPlainText).AccessToken
        $before = Get-FolderFingerprint $env:JWTAUTH_HOME
        if ($Fault) { Invoke-MockControl -Mock $script:Mock -Path faults -Body $Fault | Out-Null }

        $connect = $script:Connect.Clone()
        if ($ClientId) { $connect.ClientId = $ClientId }
        $err = $null
        try { Connect-SfOrgJwt @connect -Username $script:Scenario.HubUsername -Alias other -SetDefault -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike $ErrorId
        if ($Fault) { $err.Exception.Message | Should -Match '503' }

        $after = Get-FolderFingerprint $env:JWTAUTH_HOME
        ($after.Keys -join ',') | Should -Be ($before.Keys -join ',')
        foreach ($file in $before.Keys) { $after[$file] | Should -Be $before[$file] -Because "$file must be unchanged" }
        Invoke-MockControl -Mock $script:Mock -Method Delete -Path faults | Out-Null
        $kept = Get-SfOrgAuth hub -AsPlainText
        $kept.AccessToken | Should -Be $token
        $kept.IsDefaultDevHub | Should -BeTrue
        $kept.IsDefault | Should -BeFalse
        Get-SfOrgAuth other -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'moves an alias to the org that is connected with it last' {
        $first, $second = $script:Scenario.ScratchUsernames[0], $script:Scenario.ScratchUsernames[1]
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $first -Alias feature | Out-Null
        (Get-SfOrgAuth feature).Username | Should -Be $first
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $second -Alias feature | Out-Null
        (Get-SfOrgAuth feature).Username | Should -Be $second
        (Get-SfOrgAuth $first).Alias | Should -BeNullOrEmpty
        $settings = Get-Content -Raw (Join-Path $env:JWTAUTH_HOME 'settings.json') | ConvertFrom-Json
        $settings.aliases.feature | Should -Be $second
        @($settings.aliases.PSObject.Properties).Count | Should -Be 1
    }

    It 'warns, naming both usernames, when an alias moves to another org, and not when it stays' {
        $first, $second = $script:Scenario.ScratchUsernames[0], $script:Scenario.ScratchUsernames[1]
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $first -Alias feature -WarningVariable warned | Out-Null
        $warned | Should -BeNullOrEmpty
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $second -Alias feature -WarningVariable warned | Out-Null
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be "Alias 'feature' moved from $first to $second."
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $second -Alias feature -WarningVariable warned | Out-Null
        $warned | Should -BeNullOrEmpty
        (Get-SfOrgAuth feature).Username | Should -Be $second
    }

    It 'gives a corrupt org file and a corrupt settings.json a RecommendedAction that says what to do with the file' {
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias hub | Out-Null
        $orgFile = @(Get-ChildItem (Join-Path $env:JWTAUTH_HOME 'orgs') -Filter '*.json')[0].FullName
        [IO.File]::WriteAllText($orgFile, '{"version": 1, "username": "trunc')
        $settings = Join-Path $env:JWTAUTH_HOME 'settings.json'
        [IO.File]::WriteAllText($settings, 'not json at all')

        $null = Get-SfOrgAuth -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 2
        $orgError = $errs | Where-Object TargetObject -eq $orgFile
        $orgError.FullyQualifiedErrorId | Should -BeLike 'StoreFileCorrupt*'
        $orgError.ErrorDetails.RecommendedAction | Should -Match 'Connect-SfOrgJwt'
        $orgError.ErrorDetails.RecommendedAction | Should -Match 'delete'
        $settingsError = $errs | Where-Object TargetObject -eq $settings
        $settingsError.FullyQualifiedErrorId | Should -BeLike 'StoreFileCorrupt*'
        $settingsError.ErrorDetails.RecommendedAction | Should -Match 'Delete'
        $settingsError.ErrorDetails.RecommendedAction | Should -Match 'alias'
    }

    It 'reports a corrupt org file as a non-terminating StoreFileCorrupt error naming it, and lists the others' {
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias hub | Out-Null
        Connect-SfOrgJwt @script:Connect @script:Scratch -Username $script:Scenario.ScratchUsernames[0] -Alias feature | Out-Null
        $file = Get-ChildItem (Join-Path $env:JWTAUTH_HOME 'orgs') -Filter '*.json' |
            Where-Object { (Get-Content -Raw $_.FullName) -match [regex]::Escape($script:Scenario.HubUsername) }
        $file | Should -HaveCount 1
        [IO.File]::WriteAllText($file.FullName, '{"version": 1, "username": "trunc')

        $listed = Get-SfOrgAuth -ErrorVariable errs -ErrorAction SilentlyContinue
        $listed.Alias | Should -Be @('feature')
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'StoreFileCorrupt*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($file.FullName))

        # Reconnecting the org repairs its file.
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -ErrorAction Stop | Out-Null
        $repaired = Get-SfOrgAuth -ErrorVariable after
        $after | Should -BeNullOrEmpty
        ($repaired.Alias | Sort-Object) | Should -Be @('feature', 'hub')
    }

    It 'reports a corrupt settings.json, still lists the orgs, and refuses only the changes that need it' {
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub | Out-Null
        $settings = Join-Path $env:JWTAUTH_HOME 'settings.json'
        [IO.File]::WriteAllText($settings, 'not json at all')

        $listed = Get-SfOrgAuth -ErrorVariable errs -ErrorAction SilentlyContinue
        $listed.Username | Should -Be @($script:Scenario.HubUsername)
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'StoreFileCorrupt*'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($settings))

        $err = $null
        try { Connect-SfOrgJwt @script:Connect @script:Scratch -Username $script:Scenario.ScratchUsernames[0] -Alias feature -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'StoreFileCorrupt*'
        [IO.File]::ReadAllText($settings) | Should -Be 'not json at all'
        (Get-SfOrgAuth -ErrorAction SilentlyContinue).Username | Should -Be @($script:Scenario.HubUsername) -Because 'a refused connect stores nothing'
        # A reconnect that touches no alias or default mark still works.
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -ErrorAction Stop | Out-Null
        [IO.File]::ReadAllText($settings) | Should -Be 'not json at all'
    }

    It 'creates the store owner-only: 0700 folders, 0600 files' -Skip:$IsWindows {
        Connect-SfOrgJwt @script:Connect -Username $script:Scenario.HubUsername -Alias hub -SetDefaultDevHub | Out-Null
        Get-UnixMode $env:JWTAUTH_HOME | Should -Be '700'
        $folders = Get-ChildItem $env:JWTAUTH_HOME -Recurse -Directory -Force
        $files = Get-ChildItem $env:JWTAUTH_HOME -Recurse -File -Force
        $folders.Name | Should -Contain 'orgs'
        $files.Name | Should -Contain 'settings.json'
        $files.Name | Should -Contain 'key.bin'
        foreach ($d in $folders) { Get-UnixMode $d.FullName | Should -Be '700' -Because $d.FullName }
        foreach ($f in $files) { Get-UnixMode $f.FullName | Should -Be '600' -Because $f.FullName }
    }

    It 'keeps a -PrivateKey auth usable but says renewal needs Connect-SfOrgJwt again' {
        $pem = Get-Content -Raw $script:Cert.KeyPath
        Connect-SfOrgJwt -ClientId $script:Scenario.ConsumerKey -LoginUrl $script:Url -PrivateKey $pem -Username $script:Scenario.HubUsername -Alias inmemory | Out-Null

        $plain = Get-SfOrgAuth
        $plain.Username | Should -Be $script:Scenario.HubUsername
        $plain.CanRenew | Should -BeFalse
        $plain.Note | Should -Match 'Connect-SfOrgJwt'

        Get-SfOrgAuth inmemory -Refresh -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AuthNotRenewable*'
        $errs[0].Exception.Message | Should -Match 'Connect-SfOrgJwt'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($script:Scenario.HubUsername))
        (Get-SfOrgAuth).CanRenew | Should -BeFalse
    }
}
