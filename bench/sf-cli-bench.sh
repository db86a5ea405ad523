#!/usr/bin/env bash
# Part 4 of the benchmark, run by JwtAuth.Bench inside `unshare -n` (namespace-common.sh: loopback only, the mock
# inside the same namespace). Prints "RESULT <name> <milliseconds>" lines; anything else is log.
# Environment: BENCH_WORK (temp folder), BENCH_CACHE (Node + CLI from tests/interop/install-sf.sh),
# BENCH_MOCK_DLL, BENCH_SETUP, BENCH_KEY, BENCH_CLIENT_ID, BENCH_USERS (space-separated), BENCH_LATENCY_MS,
# BENCH_SINGLE_RUNS.
set -uo pipefail

. "$(dirname "$0")/namespace-common.sh"

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
