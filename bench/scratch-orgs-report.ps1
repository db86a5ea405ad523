# Turns the lines bench/scratch-orgs-bench.sh collected (RESULT, SF, SFERROR, LOAD) into bench/results/scratch-orgs.md:
# the cmdlet's wall time against the floor an ideal client needs, the mock's timeline, and the Salesforce CLI beside it.
param(
    [Parameter(Mandatory)] [string] $LinesFile,
    [Parameter(Mandatory)] [string] $OutFile,
    [Parameter(Mandatory)] [int] $LatencyMs,
    [Parameter(Mandatory)] [int] $ProvisioningSeconds,
    [Parameter(Mandatory)] [int] $ReplicationSeconds,
    [int] $SfParallel = 1
)
$ErrorActionPreference = 'Stop'
$cpu = (Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^[^:]*:\s*', ''
$Machine = "$cpu, $([Environment]::ProcessorCount) logical cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription.Trim()), .NET $([Environment]::Version), PowerShell $($PSVersionTable.PSVersion)"
$lines = Get-Content $LinesFile
$runs = @($lines | Where-Object { $_ -like 'RESULT *' } | ForEach-Object { $_.Substring(7) | ConvertFrom-Json })
$loads = @($lines | Where-Object { $_ -like 'LOAD *' } | ForEach-Object { $_.Substring(5) })
$sf = @($lines | Where-Object { $_ -like 'SF *' } | ForEach-Object {
        $f = $_.Split(' ', 5); [pscustomobject]@{ Name = $f[1]; Ms = [double] $f[2]; Exit = [int] $f[3]; Text = if ($f.Count -gt 4) { $f[4] } }
    })
$sfError = $lines | Where-Object { $_ -like 'SFERROR lagged *' } | ForEach-Object { $_.Substring(15) -replace '\\n', ' / ' } | Select-Object -First 1

function S([double] $ms) { '{0:0.0} s' -f ($ms / 1000) }
function Median([double[]] $values) { $sorted = @($values | Sort-Object); $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)] }

$latency = $LatencyMs / 1000.0
$floorMs = ($ProvisioningSeconds + $ReplicationSeconds + 3 * $latency) * 1000
$out = [Collections.Generic.List[string]]::new()
$out.Add('# Scratch orgs: `New-SfScratchOrg -Count 50` against the mock (written by `bash bench/run.sh scratch`)')
$out.Add('')
$out.Add("Run $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC on $Machine.")
$out.Add("Load average (1/5/15 min) around each measurement, in order: $($loads -join '; ').")
$out.Add('')
$out.Add("The mock as its own process: $ProvisioningSeconds s provisioning (insert to Active), $LatencyMs ms latency before every request, the new admins replicating $ReplicationSeconds s after Active (until then their token request gets ""user hasn't approved this consumer""). The cmdlet runs in the pinned PowerShell (dotnet + pwsh.dll) with the module from out/JwtAuth; the Dev Hub is connected before the timed call, which is the cmdlet alone: ``New-SfScratchOrg -Count N -AliasPrefix bench -ThrottleLimit T`` (Developer edition, no settings to deploy).")
$out.Add('')
$out.Add("**Floor** = $(S $floorMs): the insert's round ($LatencyMs ms; the signup starts when the mock handles it), $ProvisioningSeconds s provisioning, $ReplicationSeconds s until the admin can log in, then two sequential rounds after the token: the API version (``GET /services/data``, once per instance host) and the Organization row. The token round itself fits inside the replication lag (sent $LatencyMs ms before the admin replicates, it is answered as it replicates), and the status reads are off the path (one round after Active is shorter than the lag). An ideal client with every insert in flight at once; at ThrottleLimit T the fifty inserts go out in ceil(50/T) rounds, so its own floor is (ceil(50/T) - 1) x $LatencyMs ms later. Goal: within 1.25x = $(S ($floorMs * 1.25)).")
$out.Add('')
$out.Add('| run | wall time | ratio to the floor | the mock''s timeline (from the call''s start) | requests | replication wait |')
$out.Add('|---|---|---|---|---|---|')
foreach ($r in $runs) {
    $throttleFloor = $floorMs + ([math]::Ceiling($r.count / $r.throttleLimit) - 1) * $LatencyMs
    $timeline = "first insert +$(S $r.firstInsertMs), last insert +$(S $r.lastInsertMs), first Active +$(S $r.firstActiveMs), last Active +$(S $r.lastActiveMs), last admin replicated +$(S $r.lastReplicatedMs), last token +$(S $r.lastTokenMs), last request answered +$(S $r.lastRequestMs)"
    $requests = "$($r.requests) in all: $($r.inserts) inserts, $($r.statusReads) status reads (one query per round for every pending org), $($r.tokensGranted) tokens granted, $($r.tokensRefused) refused (not replicated yet); on the scratch host besides: $($r.scratchOtherRequests); before the first insert: $($r.requestsBeforeInsert)"
    $replication = "first token try $(S $r.firstTryAfterActiveMedianMs) after Active (median; max $(S $r.firstTryAfterActiveMaxMs)), token answered $(S $r.tokenAfterReplicatedMedianMs) after the admin replicated (median; max $(S $r.tokenAfterReplicatedMaxMs))"
    $ok = if ($r.errors -eq 0) { "$($r.created) created" } else { "$($r.created) created, $($r.errors) errors (first: $($r.firstError))" }
    $out.Add("| -Count $($r.count) -ThrottleLimit $($r.throttleLimit) | **$(S $r.wallMs)** ($ok) | **$('{0:0.00}' -f ($r.wallMs / $floorMs))x** (floor at this throttle $(S $throttleFloor): $('{0:0.00}' -f ($r.wallMs / $throttleFloor))x) | $timeline | $requests | $replication |")
}

$out.Add('')
$out.Add('## The Salesforce CLI against the same mock')
$out.Add('')
$version = ($sf | Where-Object Name -eq 'version').Text -replace '_', ' '
$lagged = $sf | Where-Object Name -eq 'lagged'
$single = $sf | Where-Object Name -eq 'single'
$all = $sf | Where-Object Name -eq 'all'
$fifty = @($sf | Where-Object Name -like 'run*')
if (-not $version) {
    $out.Add('Not run: no Salesforce CLI in the bench cache (`bash bench/run.sh scratch --install-sf` installs it).')
}
else {
    $out.Add("$version, inside ``unshare -n`` with the mock; the Dev Hub authorized with ``sf org login jwt`` (the same key and connected app), then ``sf org create scratch --target-dev-hub benchhub --edition developer --wait 10 --json`` from an empty folder, each a new node process. The CLI polls ``GET sobjects/ScratchOrgInfo/{id}`` once a second per org, logs in to the new org by JWT with the hub's key (``SF_AUDIENCE_URL=https://test.salesforce.com``), then reads the Dev Hub flag, the API versions and the Organization row.")
    $out.Add('')
    $out.Add('| run | result | note |')
    $out.Add('|---|---|---|')
    if ($lagged) {
        $out.Add("| one ``sf org create scratch``, admin replicating $ReplicationSeconds s after Active | **exit $($lagged.Exit)** after $(S $lagged.Ms) | $sfError. sfdx-core (``@salesforce/core`` ``authorizeScratchOrg``) tries the JWT login once: ``sf org create scratch`` passes ``retry: 0``, so ``SFDX_JWT_AUTH_RETRY_ATTEMPTS`` is never read (``options.retry ?? env``). The org is Active in the Dev Hub but not authorized locally. |")
    }
    if ($single) { $out.Add("| one ``sf org create scratch``, replication lag 0 (the CLI's best case, from here on) | $(S $single.Ms), exit $($single.Exit) | alone |") }
    if ($all) {
        $okRuns = @($fifty | Where-Object Exit -eq 0)
        $best = @($runs | Sort-Object wallMs | Select-Object -First 1)
        $default = @($runs | Where-Object throttleLimit -eq 10 | Select-Object -First 1)
        $against = if ($default) { "; $('{0:0.0}' -f ($all.Ms / $default[0].wallMs))x the cmdlet's -ThrottleLimit 10 run above (which also waited out the $ReplicationSeconds s lag)" }
        $out.Add("| $($fifty.Count) ``sf org create scratch``, $SfParallel at a time (``xargs -P $SfParallel``), replication lag 0 | **$(S $all.Ms)** for all, $($okRuns.Count) exit 0 | each run median $(S (Median $fifty.Ms)) (min $(S ($fifty.Ms | Measure-Object -Minimum).Minimum), max $(S ($fifty.Ms | Measure-Object -Maximum).Maximum))$against |")
    }
}

$out.Add('')
Set-Content -Path $OutFile -Value $out -Encoding utf8NoBOM
$out
