<#
.SYNOPSIS
    Builds JwtAuth, stages the importable module at out/JwtAuth, and optionally tests it or runs the demo.
.EXAMPLE
    ./build.ps1                 # build and stage out/JwtAuth
.EXAMPLE
    ./build.ps1 -Test           # build, then xunit and the Pester suite
.EXAMPLE
    ./build.ps1 -Demo           # build, then the whole flow against the local mock Salesforce
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $SkipXunit,
    [switch] $Demo,
    # Where -Test writes "<passed> <failed>" for the Pester run (used by .ci/run).
    [string] $ResultFile
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-Native([string] $File, [string[]] $Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

Invoke-Native dotnet @('build', (Join-Path $root 'JwtAuth.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal')
Write-Host "Staged module: $(Join-Path $root 'out/JwtAuth')"

if ($Test) {
    if (-not $SkipXunit) {
        Invoke-Native dotnet @('test', (Join-Path $root 'JwtAuth.sln'), '-c', $Configuration, '--no-build', '--nologo')
    }

    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge ([version]'5.3') | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Host 'Pester 5.3+ not found: installing it for the current user from the PowerShell Gallery.'
        Install-Module Pester -MinimumVersion 5.3 -Scope CurrentUser -Force -SkipPublisherCheck
        $pester = Get-Module -ListAvailable Pester | Sort-Object Version -Descending | Select-Object -First 1
    }
    Import-Module $pester -Force

    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $env:JWTAUTH_CONFIGURATION = $Configuration
    $result = Invoke-Pester -Configuration $config
    if ($ResultFile) { "$($result.PassedCount) $($result.FailedCount)" | Set-Content -Path $ResultFile -Encoding ascii }
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
}

if ($Demo) {
    & (Join-Path $root 'demo/demo.ps1') -Configuration $Configuration
}
