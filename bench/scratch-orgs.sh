#!/usr/bin/env bash
# The scratch org part: `bash bench/run.sh scratch [options]` (run.sh builds the mock and the module first).
# Runs bench/scratch-orgs-bench.sh inside `unshare -n` (so the CLI's requests to real Salesforce hosts cannot leave the
# machine) and writes bench/results/scratch-orgs.md with bench/scratch-orgs-report.ps1.
# Options: --count 50 --latency-ms 200 --provisioning-seconds 20 --replication-seconds 3 --throttles "10 25 50"
#          --sf-runs 50 (0: no CLI) --sf-parallel 10 --install-sf (install Node + the CLI into the cache first)
#          --out FILE (default bench/results/scratch-orgs.md)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
count=50 latency=200 provisioning=20 replication=3 throttles="10 25 50" sf_runs=50 sf_parallel=10 install_sf=0
out="$repo/bench/results/scratch-orgs.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --latency-ms) latency="$2"; shift 2 ;;
    --provisioning-seconds) provisioning="$2"; shift 2 ;;
    --replication-seconds) replication="$2"; shift 2 ;;
    --throttles) throttles="$2"; shift 2 ;;
    --sf-runs) sf_runs="$2"; shift 2 ;;
    --sf-parallel) sf_parallel="$2"; shift 2 ;;
    --install-sf) install_sf=1; shift ;;
    --out) out="$(realpath -m "$2")"; shift 2 ;;
    *) echo "bench/scratch-orgs.sh: unknown option $1"; sed -n '2,7p' "$0"; exit 2 ;;
  esac
done

cache="${JWTAUTH_INTEROP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jwtauth-interop}"
if [ "$install_sf" = 1 ] && [ "$sf_runs" -gt 0 ]; then bash "$repo/tests/interop/install-sf.sh" > /dev/null || echo "bench/scratch-orgs.sh: install-sf.sh failed; the CLI runs are skipped"; fi
unshare -n true 2> /dev/null || { echo "bench/scratch-orgs.sh: cannot create a network namespace (unshare -n needs root)"; exit 1; }

cd "$repo"
dotnet tool restore > /dev/null
pwsh_dll="$(dotnet pwsh -NoProfile -NonInteractive -Command '[IO.Path]::Combine($PSHOME, "pwsh.dll")' | tail -n 1)"
[ -f "$pwsh_dll" ] || { echo "bench/scratch-orgs.sh: the pinned PowerShell did not start"; exit 1; }
[ -f "$repo/out/JwtAuth/JwtAuth.psd1" ] || { echo "bench/scratch-orgs.sh: out/JwtAuth is missing: build src/JwtAuth -c Release (bench/run.sh does)"; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/jwtauth-scratch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "bench/scratch-orgs.sh: New-SfScratchOrg -Count $count (-ThrottleLimit $throttles), $provisioning s provisioning, $latency ms latency, $replication s replication; $sf_runs sf org create scratch"
BENCH_WORK="$work" BENCH_CACHE="$cache" BENCH_MOCK_DLL="$repo/tests/MockSalesforce/bin/Release/net10.0/MockSalesforce.dll" \
  BENCH_PWSH_DLL="$pwsh_dll" BENCH_MODULES="$repo/out" BENCH_COUNT="$count" BENCH_LATENCY_MS="$latency" \
  BENCH_PROVISIONING_SECONDS="$provisioning" BENCH_REPLICATION_SECONDS="$replication" BENCH_THROTTLES="$throttles" \
  BENCH_SF_RUNS="$sf_runs" BENCH_SF_PARALLEL="$sf_parallel" unshare -n bash "$repo/bench/scratch-orgs-bench.sh"

dotnet "$pwsh_dll" -NoProfile -NonInteractive -File "$repo/bench/scratch-orgs-report.ps1" -LinesFile "$work/lines" -OutFile "$out" \
  -LatencyMs "$latency" -ProvisioningSeconds "$provisioning" -ReplicationSeconds "$replication" -SfParallel "$sf_parallel"
echo "Written to $out"
