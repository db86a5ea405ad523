# Part 6 of the benchmark: the one-shot path timed inside one fresh process (Import-Module JwtAuth, the first
# Connect-SfOrgJwt, the first Get-SfOrgAuth -AsPlainText). Prints "SPLIT <import ms> <connect ms> <token ms>".
param([string] $Username, [string] $ClientId, [string] $KeyFile, [string] $LoginUrl)
$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Module JwtAuth
$import = $clock.Elapsed.TotalMilliseconds
Connect-SfOrgJwt -Username $Username -ClientId $ClientId -KeyFile $KeyFile -LoginUrl $LoginUrl -Audience https://test.salesforce.com | Out-Null
$connect = $clock.Elapsed.TotalMilliseconds
$token = (Get-SfOrgAuth $Username -AsPlainText).AccessToken
$read = $clock.Elapsed.TotalMilliseconds
if (-not $token) { exit 3 }
$c = [cultureinfo]::InvariantCulture
'SPLIT {0} {1} {2}' -f $import.ToString('0.0', $c), ($connect - $import).ToString('0.0', $c), ($read - $connect).ToString('0.0', $c)
