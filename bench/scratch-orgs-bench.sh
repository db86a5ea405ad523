#!/usr/bin/env bash
# The scratch org part of the benchmark (issue 12's speed requirement), run by bench/run.sh inside `unshare -n`
# (namespace-common.sh): `New-SfScratchOrg -Count N` through the real cmdlet in the pinned PowerShell against the mock as
# its own process (provisioning, latency on every request, replication lag for the new admins), once per throttle limit,
# each against a fresh mock; then `sf org create scratch` against the same kind of mock Dev Hub, authorized through
# `sf org login jwt`, when the CLI is in BENCH_CACHE. Prints "RESULT <json>", "SF <name> <wall ms> <exit code>" and
# "LOAD <1/5/15-min load averages>" lines into BENCH_WORK/lines; anything else is log.
# Environment (beyond namespace-common.sh): BENCH_PWSH_DLL, BENCH_MODULES (folder holding JwtAuth/), BENCH_COUNT,
# BENCH_LATENCY_MS, BENCH_PROVISIONING_SECONDS, BENCH_REPLICATION_SECONDS, BENCH_THROTTLES (space-separated),
# BENCH_SF_RUNS (how many `sf org create scratch`; 0 skips the CLI), BENCH_SF_PARALLEL (how many at a time).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
client_id="3MVG9bench.scratch.jwtauth.test"
hub_user="hub@scratch.bench.jwtauth.test"
export BENCH_SETUP="$BENCH_WORK/setup.json"
lines="$BENCH_WORK/lines"
: > "$lines"
load() { echo "LOAD $(cut -d' ' -f1-3 /proc/loadavg)" >> "$lines"; }

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$BENCH_WORK/server.key" -out "$BENCH_WORK/server.crt" -days 2 \
  -subj "/CN=JwtAuth scratch bench" > /dev/null 2>&1 || { echo "scratch-orgs-bench: openssl failed"; exit 1; }
cat > "$BENCH_SETUP" <<JSON
{
  "options": { "scratchOrgProvisioningSeconds": $BENCH_PROVISIONING_SECONDS, "replicationDelaySeconds": $BENCH_REPLICATION_SECONDS },
  "apps":  [ { "consumerKey": "$client_id", "certificatePath": "server.crt" } ],
  "orgs":  [ { "kind": "DevHub", "name": "Hub", "activeScratchOrgs": 1000, "dailyScratchOrgs": 1000 } ],
  "users": [ { "username": "$hub_user", "org": "Hub", "preAuthorizedFor": [ "$client_id" ] } ]
}
JSON

. "$here/namespace-common.sh"

for throttle in $BENCH_THROTTLES; do
  start_mock "$BENCH_LATENCY_MS"
  load
  echo "scratch-orgs-bench: New-SfScratchOrg -Count $BENCH_COUNT -ThrottleLimit $throttle"
  mkdir -p "$BENCH_WORK/jwtauth-$throttle"
  JWTAUTH_HOME="$BENCH_WORK/jwtauth-$throttle" XDG_CACHE_HOME="$BENCH_WORK/cache-pwsh" PSModulePath="$BENCH_MODULES" \
    dotnet "$BENCH_PWSH_DLL" -NoProfile -NonInteractive -File "$here/scratch-orgs-run.ps1" -MockUrl "$mock" \
    -ClientId "$client_id" -KeyFile "$BENCH_WORK/server.key" -HubUsername "$hub_user" -Count "$BENCH_COUNT" \
    -ThrottleLimit "$throttle" > "$BENCH_WORK/pwsh-$throttle.out" 2>&1
  rc=$?
  if [ $rc -ne 0 ] || ! grep -q '^RESULT ' "$BENCH_WORK/pwsh-$throttle.out"; then
    echo "scratch-orgs-bench: the cmdlet run failed (exit $rc)"; tail -c 2000 "$BENCH_WORK/pwsh-$throttle.out"; exit 1
  fi
  grep '^RESULT ' "$BENCH_WORK/pwsh-$throttle.out" >> "$lines"
  load
done

[ "${BENCH_SF_RUNS:-0}" -gt 0 ] || exit 0
[ -f "$BENCH_CACHE/sf/node_modules/@salesforce/cli/bin/run.js" ] || { echo "SF skipped 0 no-cli" >> "$lines"; exit 0; }

# The CLI: the Dev Hub authorized by JWT (a Dev Hub takes the production audience), then `sf org create scratch` runs,
# BENCH_SF_PARALLEL at a time, each its own node process as a shell loop would start them.
start_mock "$BENCH_LATENCY_MS"
echo "SF version 0 0 $(sf --version 2>/dev/null | head -n 1 | tr ' ' '_')" >> "$lines"
SF_AUDIENCE_URL=https://login.salesforce.com sf org login jwt --client-id "$client_id" --jwt-key-file "$BENCH_WORK/server.key" \
  --username "$hub_user" --instance-url "$mock" --alias benchhub --set-default-dev-hub --json > "$BENCH_WORK/sf-hub.out" 2>&1 \
  || { echo "scratch-orgs-bench: sf org login jwt for the Dev Hub failed"; tail -c 1500 "$BENCH_WORK/sf-hub.out"; exit 1; }
# The new orgs' admins take the sandbox audience (namespace-common.sh's SF_AUDIENCE_URL). sfdx-core logs in to a new org
# by JWT once: `sf org create scratch` passes retry 0 to authorizeScratchOrg, so SFDX_JWT_AUTH_RETRY_ATTEMPTS is never
# read (`options.retry ?? env` with retry 0), and an admin that has not replicated yet fails the command with "user
# hasn't approved this consumer". So: one run against the lag as configured (its outcome is the finding), then the
# fifty with the lag set to 0, the CLI's best case.
mkdir -p "$BENCH_WORK/sf-project" && cd "$BENCH_WORK/sf-project" || exit 1
create_one() { # name -> one "SF <name> <wall ms> <exit code>" line
  local start rc; start=$(now_ms)
  timeout 600 node "$BENCH_CACHE/sf/node_modules/@salesforce/cli/bin/run.js" org create scratch --target-dev-hub benchhub \
    --edition developer --alias "sf$1" --wait 10 --json > "$BENCH_WORK/sf-$1.out" 2>&1
  rc=$?
  echo "SF $1 $(( $(now_ms) - start )) $rc"
}
export -f create_one now_ms
export BENCH_CACHE BENCH_WORK
load
create_one "lagged" >> "$lines"
sed -nE 's/.*"message": "([^"]*)".*/SFERROR lagged \1/p' "$BENCH_WORK/sf-lagged.out" | head -n 1 >> "$lines"
curl -s -X POST -H 'Content-Type: application/json' -d '{"replicationDelaySeconds":0}' "$mock/__mock/options" > /dev/null
create_one "single" >> "$lines"
curl -s -X DELETE "$mock/__mock/requests" > /dev/null
load
start=$(now_ms)
seq 1 "$BENCH_SF_RUNS" | xargs -P "${BENCH_SF_PARALLEL:-1}" -I{} bash -c 'create_one run{}' >> "$lines"
echo "SF all $(( $(now_ms) - start )) 0" >> "$lines"
load
curl -s "$mock/__mock/requests" > "$BENCH_WORK/sf-requests.json"
curl -s "$mock/__mock/scratch-orgs" > "$BENCH_WORK/sf-scratch-orgs.json"
exit 0
