<#
.SYNOPSIS
    Builds JwtAuth, stages the importable module at out/JwtAuth, and optionally tests it or runs the demo.
.DESCRIPTION
    Run it with the repository's pinned PowerShell (.config/dotnet-tools.json):
        dotnet tool restore && dotnet pwsh ./build.ps1 -Test
    -Test runs xunit over the whole solution and the Pester suite (tests/*.Tests.ps1) against the staged
    module, with the Pester version pinned in tools/TestTools/TestTools.csproj and restored from NuGet.
    It ends with one line "N passed, N failed" summing both.
.EXAMPLE
    ./build.ps1                 # build and stage out/JwtAuth
.EXAMPLE
    ./build.ps1 -Test           # build, then xunit and the Pester suite
.EXAMPLE
    ./build.ps1 -Demo           # build, then the whole flow through the cmdlets against the local mock Salesforce
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $SkipXunit,
    [switch] $SkipPester,
    [switch] $Demo,
    # Only the Pester test files whose name matches (e.g. 'Store'), for a quicker local run.
    [string] $PesterFilter
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-Native([string] $File, [string[]] $Arguments) {
    & $File @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0 -or $line -notmatch '^global-packages:\s*(.+?)\s*$') { throw "dotnet nuget locals did not name the NuGet package folder (it printed: $line)." }
    $Matches[1]
}

function Import-PinnedPester {
    # Pester comes from NuGet, not the PowerShell Gallery: restoring the tools project puts the package
    # in the NuGet cache, and its module sits under tools/.
    $project = [IO.Path]::Combine($root, 'tools', 'TestTools', 'TestTools.csproj')
    Invoke-Native dotnet @('restore', $project, '--nologo', '-v', 'quiet')
    $download = ([xml](Get-Content -Raw $project)).Project.ItemGroup.PackageDownload | Where-Object Include -eq 'Pester'
    $version = $download.Version.Trim('[', ']')
    $manifest = [IO.Path]::Combine((Get-NuGetPackageRoot), 'pester', $version, 'tools', 'Pester.psd1')
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $version was restored but $manifest is missing." }
    Get-Module Pester | Remove-Module -Force
    Import-Module $manifest -Force -Global
    Write-Host "Pester $version from $manifest"
}

function Get-TrxCounts([string] $Folder) {
    $passed = 0; $failed = 0
    foreach ($file in Get-ChildItem -LiteralPath $Folder -Filter *.trx -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -Raw $file.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Files = @(Get-ChildItem -LiteralPath $Folder -Filter *.trx -ErrorAction SilentlyContinue).Count }
}

function Invoke-Xunit {
    $results = [IO.Path]::Combine($root, 'out', 'test-results', 'xunit')
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    & dotnet test ([IO.Path]::Combine($root, 'JwtAuth.sln')) -c $Configuration --no-build --nologo --logger 'trx;LogFilePrefix=xunit' --results-directory $results | Out-Host
    $exitCode = $LASTEXITCODE
    $counts = Get-TrxCounts $results
    # A run that failed without a failed test (a crash, a build error) still counts as a failure.
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }
    if ($counts.Files -eq 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }
    $counts
}

function Invoke-PesterSuite {
    Import-PinnedPester
    $config = New-PesterConfiguration
    $config.Run.Path = [IO.Path]::Combine($root, 'tests')
    if ($PesterFilter) {
        $config.Run.Path = @(Get-ChildItem ([IO.Path]::Combine($root, 'tests')) -Filter '*.Tests.ps1' | Where-Object Name -like "*$PesterFilter*" | ForEach-Object FullName)
    }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $env:JWTAUTH_CONFIGURATION = $Configuration
    $result = Invoke-Pester -Configuration $config
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed }
}

Invoke-Native dotnet @('build', [IO.Path]::Combine($root, 'JwtAuth.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal')
Write-Host "Staged module: $([IO.Path]::Combine($root, 'out', 'JwtAuth'))"

if ($Test) {
    $parts = [ordered]@{}
    if (-not $SkipXunit) { $parts['xunit'] = Invoke-Xunit }
    if (-not $SkipPester) { $parts['Pester'] = Invoke-PesterSuite }
    $passed = 0; $failed = 0
    foreach ($name in $parts.Keys) {
        Write-Host "${name}: $($parts[$name].Passed) passed, $($parts[$name].Failed) failed"
        $passed += $parts[$name].Passed; $failed += $parts[$name].Failed
    }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

if ($Demo) {
    & ([IO.Path]::Combine($root, 'demo', 'demo.ps1')) -Configuration $Configuration
}
