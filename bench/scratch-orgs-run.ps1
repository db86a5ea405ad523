# One timed `New-SfScratchOrg -Count N` against the standalone mock, run by bench/scratch-orgs-bench.sh in the pinned
# PowerShell. The Dev Hub is connected first (a user has done that before the morning's run); the timed part is the
# cmdlet call alone. Afterwards the mock's request log and ScratchOrgInfo records give its timeline.
# Prints one line: "RESULT <json>" (wall time, the mock's timeline relative to the call's start, request counts).
param(
    [Parameter(Mandatory)] [string] $MockUrl,
    [Parameter(Mandatory)] [string] $ClientId,
    [Parameter(Mandatory)] [string] $KeyFile,
    [Parameter(Mandatory)] [string] $HubUsername,
    [int] $Count = 50,
    [int] $ThrottleLimit = 10
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module JwtAuth

Connect-SfOrgJwt -Username $HubUsername -ClientId $ClientId -KeyFile $KeyFile -LoginUrl $MockUrl -Alias BenchHub -SetDefaultDevHub | Out-Null
Invoke-RestMethod -Method Delete "$MockUrl/__mock/requests" | Out-Null

$started = [DateTimeOffset]::UtcNow
$watch = [Diagnostics.Stopwatch]::StartNew()
$orgs = @(New-SfScratchOrg -DevHub $HubUsername -Count $Count -AliasPrefix bench -ThrottleLimit $ThrottleLimit -ErrorVariable failures -ErrorAction SilentlyContinue)
$wallMs = $watch.Elapsed.TotalMilliseconds

# The control API answers one JSON array, which Invoke-RestMethod writes as one object.
function MockList([string] $path) { @((Invoke-RestMethod "$MockUrl/__mock/$path") | ForEach-Object { $_ }) }
$requests = MockList requests
$records = MockList scratch-orgs
function Since([object] $time) { ([DateTimeOffset] $time - $started).TotalMilliseconds }
function Answered($request) { (Since $request.time) + $request.durationMs }
function Last($values) { ($values | Measure-Object -Maximum).Maximum }
function First($values) { ($values | Measure-Object -Minimum).Minimum }

$scratchHosts = @($records | ForEach-Object { ([Uri] $_.loginUrl).Authority } | Select-Object -Unique)
$inserts = @($requests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/sobjects/ScratchOrgInfo' })
$statusReads = @($requests | Where-Object { $_.path -like '*/query' -and [Uri]::UnescapeDataString(($_.query -replace '\+', ' ')) -match 'FROM ScratchOrgInfo WHERE Id IN' })
$tokens = @($requests | Where-Object { $_.path -eq '/services/oauth2/token' })
$scratchTokens = @($tokens | Where-Object { $_.host -in $scratchHosts })
$granted = @($scratchTokens | Where-Object statusCode -eq 200)
$refused = @($scratchTokens | Where-Object statusCode -ne 200)
$scratchOther = @($requests | Where-Object { $_.host -in $scratchHosts -and $_.path -ne '/services/oauth2/token' })
$beforeInsert = @($requests | Where-Object { [DateTimeOffset] $_.time -lt [DateTimeOffset] (First ($inserts | ForEach-Object { [DateTimeOffset] $_.time })) })

# Per org: how long after its admin could first log in did the token come (the replication retry's slip), and how long
# after it was Active did the client first try.
$lateness = foreach ($record in $records) {
    $own = @($scratchTokens | Where-Object { $_.assertion.claims.sub -eq $record.signupUsername })
    $ok = $own | Where-Object statusCode -eq 200 | Select-Object -First 1
    if ($ok) {
        [pscustomobject]@{
            AfterReplicated = (Answered $ok) - (Since $record.adminReplicatesAt)
            FirstTryAfterActive = (Since ($own | Select-Object -First 1).time) - (Since $record.readyAt)
        }
    }
}

$result = [ordered]@{
    count = $Count
    throttleLimit = $ThrottleLimit
    wallMs = [math]::Round($wallMs)
    created = $orgs.Count
    errors = @($failures).Count
    firstError = if ($failures) { "$($failures[0])" } else { $null }
    firstRequestMs = [math]::Round((First ($requests | ForEach-Object { Since $_.time })))
    firstInsertMs = [math]::Round((First ($records | ForEach-Object { Since $_.createdAt })))
    lastInsertMs = [math]::Round((Last ($records | ForEach-Object { Since $_.createdAt })))
    firstActiveMs = [math]::Round((First ($records | ForEach-Object { Since $_.readyAt })))
    lastActiveMs = [math]::Round((Last ($records | ForEach-Object { Since $_.readyAt })))
    lastReplicatedMs = [math]::Round((Last ($records | ForEach-Object { Since $_.adminReplicatesAt })))
    lastTokenMs = [math]::Round((Last ($granted | ForEach-Object { Answered $_ })))
    lastRequestMs = [math]::Round((Last ($requests | ForEach-Object { Answered $_ })))
    requestsBeforeInsert = ($beforeInsert | ForEach-Object { "$($_.method) $($_.path)" }) -join '; '
    inserts = $inserts.Count
    statusReads = $statusReads.Count
    statusReadTimesMs = ($statusReads | ForEach-Object { [math]::Round((Since $_.time)) }) -join ' '
    tokensGranted = $granted.Count
    tokensRefused = $refused.Count
    scratchOtherRequests = ($scratchOther | Group-Object { "$($_.method) $($_.path)" } | ForEach-Object { "$($_.Count) x $($_.Name)" }) -join '; '
    tokenAfterReplicatedMedianMs = [math]::Round((@($lateness.AfterReplicated | Sort-Object))[[int][math]::Floor($lateness.Count / 2)])
    tokenAfterReplicatedMaxMs = [math]::Round((Last $lateness.AfterReplicated))
    firstTryAfterActiveMedianMs = [math]::Round((@($lateness.FirstTryAfterActive | Sort-Object))[[int][math]::Floor($lateness.Count / 2)])
    firstTryAfterActiveMaxMs = [math]::Round((Last $lateness.FirstTryAfterActive))
    requests = $requests.Count
}
'RESULT ' + ($result | ConvertTo-Json -Compress)
