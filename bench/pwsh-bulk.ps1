# Part 5 of the benchmark, run by JwtAuth.Bench under /usr/bin/time -v: the 50-org run through the cmdlet,
# as the morning script would do it. Two runs in one session: the first pays module, JIT and connection
# start-up; the second reuses the session's HTTP client (warm API-version cache, pooled connections).
# Prints "RESULT <name> <milliseconds> <objects> <errors>" lines.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Csv,
    [Parameter(Mandatory)] [string] $KeyFile,
    [Parameter(Mandatory)] [string] $ClientId,
    [Parameter(Mandatory)] [string] $HomeRoot,
    [int] $ThrottleLimit = 16
)
$ErrorActionPreference = 'Stop'
Import-Module $Module

foreach ($run in 'cold', 'warm') {
    $env:JWTAUTH_HOME = Join-Path $HomeRoot $run
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $orgs = Import-Csv $Csv | Connect-SfOrgJwt -ClientId $ClientId -KeyFile $KeyFile -Audience https://test.salesforce.com `
        -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable failures
    $clock.Stop()
    if ($failures.Count -gt 0) { Write-Host "first failure: $($failures[0])" }
    "RESULT $run $($clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)) $(@($orgs).Count) $($failures.Count)"
}
