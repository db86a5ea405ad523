# Part 6 of the benchmark: the one-shot path timed inside one fresh process (Import-Module JwtAuth, the first
# Connect-SfOrgJwt, the first Get-SfOrgAuth -AsPlainText). Prints "SPLIT <import ms> <connect ms> <token ms>
# <import jit> <connect jit> <token jit>": the milliseconds of each step and how many methods the JIT compiled in it
# (what precompiled code did not cover).
param([string] $Username, [string] $ClientId, [string] $KeyFile, [string] $LoginUrl)
$jit = [System.Runtime.JitInfo]
$clock = [Diagnostics.Stopwatch]::StartNew()
$jit0 = $jit::GetCompiledMethodCount($false)
Import-Module JwtAuth
$import = $clock.Elapsed.TotalMilliseconds
$jit1 = $jit::GetCompiledMethodCount($false)
Connect-SfOrgJwt -Username $Username -ClientId $ClientId -KeyFile $KeyFile -LoginUrl $LoginUrl -Audience https://test.salesforce.com | Out-Null
$connect = $clock.Elapsed.TotalMilliseconds
$jit2 = $jit::GetCompiledMethodCount($false)
$token = (Get-SfOrgAuth $Username -AsPlainText).AccessToken
$read = $clock.Elapsed.TotalMilliseconds
$jit3 = $jit::GetCompiledMethodCount($false)
if (-not $token) { exit 3 }
$c = [cultureinfo]::InvariantCulture
'SPLIT {0} {1} {2} {3} {4} {5}' -f $import.ToString('0.0', $c), ($connect - $import).ToString('0.0', $c), ($read - $connect).ToString('0.0', $c),
    ($jit1 - $jit0), ($jit2 - $jit1), ($jit3 - $jit2)
