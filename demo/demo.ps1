<#
.SYNOPSIS
    The JwtAuth walkthrough through the cmdlets, against a local mock Salesforce: key and certificate,
    the Dev Hub, a dozen scratch orgs created through it and connected by JWT, the same orgs connected from a
    second store as another machine would, a token for a script, and the orgs deleted.
    Run by ./build.ps1 -Demo (after the build has staged out/JwtAuth). Leaves nothing behind.
#>
[CmdletBinding()]
param([string] $Configuration = 'Release', [int] $ScratchCount = 12)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/JwtAuth.TestHelpers.psm1') -Force
Import-Module (Join-Path $root 'out/JwtAuth/JwtAuth.psd1') -Force

$work = Join-Path ([IO.Path]::GetTempPath()) ("jwtauth-demo-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
$env:JWTAUTH_HOME = Join-Path $work 'store'
$mock = $null
try {
    Write-Host "`n1. New-SfCertificate" -ForegroundColor Cyan
    $cert = New-SfCertificate -OutputDirectory $work -CommonName 'JwtAuth Demo'
    $cert | Format-Table | Out-Host

    Write-Host "2. A mock Salesforce whose Dev Hub app has server.crt under 'Use digital signatures'" -ForegroundColor Cyan
    $mock = Start-MockSalesforce -LatencyMs 100
    $scenario = New-TestScenario -Mock $mock -CertificatePath $cert.CertificatePath
    # Scratch orgs take 5 s to provision here and their admins replicate 3 s later (minutes on the real service).
    Invoke-MockControl -Mock $mock -Path options -Body @{ scratchOrgProvisioningSeconds = 5; replicationDelaySeconds = 3 } | Out-Null
    Write-Host "   $($mock.BaseUrl)"

    Write-Host "`n3. Connect-SfOrgJwt: the Dev Hub" -ForegroundColor Cyan
    Connect-SfOrgJwt -ClientId $scenario.ConsumerKey -Username $scenario.HubUsername -KeyFile $cert.KeyPath `
        -LoginUrl $mock.BaseUrl -Alias HubOrg -SetDefaultDevHub | Format-Table | Out-Host

    Write-Host "4. New-SfScratchOrg: $ScratchCount scratch orgs through the Dev Hub, logged in by JWT as each becomes Active" -ForegroundColor Cyan
    $definition = Join-Path $work 'project-scratch-def.json'
    Set-Content -Path $definition -Value '{ "orgName": "Demo", "edition": "Developer", "features": ["EnableSetPasswordInApi"], "settings": { "lightningExperienceSettings": { "enableS1DesktopEnabled": true } } }'
    $elapsed = Measure-Command {
        $script:scratch = New-SfScratchOrg -DefinitionFile $definition -Count $ScratchCount -AliasPrefix feature -DurationDays 1 -ThrottleLimit $ScratchCount
    }
    $script:scratch | Format-Table | Out-Host
    Write-Host ("   {0} orgs created, connected and given their settings in {1:0.0} s" -f @($script:scratch).Count, $elapsed.TotalSeconds)

    Write-Host "`n5. Another machine (a fresh store): only the Dev Hub connected, then Get-SfScratchOrg | Connect-SfOrgJwt" -ForegroundColor Cyan
    $env:JWTAUTH_HOME = Join-Path $work 'other-machine'
    Connect-SfOrgJwt -ClientId $scenario.ConsumerKey -Username $scenario.HubUsername -KeyFile $cert.KeyPath `
        -LoginUrl $mock.BaseUrl -Alias HubOrg -SetDefaultDevHub | Out-Null
    $connected = @(Get-SfScratchOrg | Connect-SfOrgJwt -ThrottleLimit 16)
    Write-Host ("   {0} scratch orgs connected there with the Dev Hub's app and key, no other argument" -f $connected.Count)
    $env:JWTAUTH_HOME = Join-Path $work 'store'

    Write-Host "`n6. Get-SfOrgAuth: a working token for a script" -ForegroundColor Cyan
    $org = Get-SfOrgAuth feature1 -AsPlainText
    $me = Invoke-RestMethod "$($org.InstanceUrl)/services/oauth2/userinfo" -Headers @{ Authorization = "Bearer $($org.AccessToken)" }
    Write-Host "   userinfo for $($me.preferred_username) answered with feature1's stored token"

    Write-Host "`n7. Remove-SfScratchOrg: deleted at the Dev Hub and forgotten here" -ForegroundColor Cyan
    Get-SfScratchOrg | Remove-SfScratchOrg -Confirm:$false
    Get-SfOrgAuth | Format-Table | Out-Host
}
finally {
    Stop-MockSalesforce $mock
    Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
