<#
.SYNOPSIS
    The JwtAuth walkthrough through the cmdlets, against a local mock Salesforce: key and certificate,
    the Dev Hub, scratch orgs in bulk through the Dev Hub's connected app, and a token for a script.
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
    $scenario = New-TestScenario -Mock $mock -CertificatePath $cert.CertificatePath -ScratchCount $ScratchCount
    Write-Host "   $($mock.BaseUrl)"

    Write-Host "`n3. Connect-SfOrgJwt: the Dev Hub" -ForegroundColor Cyan
    Connect-SfOrgJwt -ClientId $scenario.ConsumerKey -Username $scenario.HubUsername -KeyFile $cert.KeyPath `
        -LoginUrl $mock.BaseUrl -Alias HubOrg -SetDefaultDevHub | Format-Table | Out-Host

    Write-Host "4. Connect-SfOrgJwt: $ScratchCount scratch orgs from the pipeline, 16 at once" -ForegroundColor Cyan
    $elapsed = Measure-Command {
        $i = 0
        $script:scratch = $scenario.ScratchUsernames | ForEach-Object { $i++; [pscustomobject]@{ Username = $_; Alias = "scratch$i"; LoginUrl = $mock.BaseUrl } } |
            Connect-SfOrgJwt -ClientId $scenario.ConsumerKey -KeyFile $cert.KeyPath -Audience https://test.salesforce.com -ThrottleLimit 16
    }
    $script:scratch | Format-Table | Out-Host
    Write-Host ("   {0} orgs in {1:0.0} s" -f @($script:scratch).Count, $elapsed.TotalSeconds)

    Write-Host "`n5. Get-SfOrgAuth: a working token for a script" -ForegroundColor Cyan
    $hub = Get-SfOrgAuth -DefaultDevHub -AsPlainText
    $me = Invoke-RestMethod "$($hub.InstanceUrl)/services/oauth2/userinfo" -Headers @{ Authorization = "Bearer $($hub.AccessToken)" }
    Write-Host "   userinfo for $($me.preferred_username) answered with HubOrg's stored token"

    Write-Host "`n6. Disconnect-SfOrg" -ForegroundColor Cyan
    Get-SfOrgAuth 'scratch*' | Disconnect-SfOrg -Confirm:$false
    Get-SfOrgAuth | Format-Table | Out-Host
}
finally {
    Stop-MockSalesforce $mock
    Remove-Item Env:JWTAUTH_HOME -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
