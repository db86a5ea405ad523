#!/usr/bin/env bash
# The interop scenario itself; sf-interop.sh runs it inside `unshare -n` with JWTAUTH_INTEROP_WORK (temp folder),
# JWTAUTH_INTEROP_CACHE_DIR (Node + CLI) and JWTAUTH_INTEROP_BIN (built mock and driver) set.
set -uo pipefail

work="$JWTAUTH_INTEROP_WORK"; cache="$JWTAUTH_INTEROP_CACHE_DIR"; bin="$JWTAUTH_INTEROP_BIN"
name=sf-interop; tag=jwtauth-interop
source "$(dirname "$0")/scenario-common.sh"

driver() { dotnet "$bin/JwtAuth.InteropDriver/JwtAuth.InteropDriver.dll" "$@"; }
run() { local name="$1"; shift; "$@" > "$work/$name.out" 2> "$work/$name.err"; local rc=$?; show "$*" "$work/$name.out"; [ -s "$work/$name.err" ] && show "(stderr)" "$work/$name.err" 8; return $rc; }

# --- (a) registered here, used by sf ----------------------------------------------------------------------------
if run a-connect driver connect --sfcli --username "$hub_user" --client-id "$client_id" --key-file "$keys/org.key" \
     --login-url "$mock" --alias jwthub --set-default-dev-hub; then
  pass "(a) driver connect --sfcli logged in through the core and registered the org"
else
  fail "(a) driver connect --sfcli"
fi
auth_file="$HOME/.sfdx/$hub_user.json"
if [ -f "$auth_file" ] && ! grep -q accessToken "$auth_file"; then
  pass "(a) the auth file holds no token before the CLI uses it"
else
  fail "(a) auth file missing or holding a token"
fi

run a-display sf org display -o jwthub --json
if [ "$(json "$work/a-display.out" 'd["result"]["connectedStatus"]')" = "Connected" ] \
   && [ "$(json "$work/a-display.out" 'd["result"]["username"]')" = "$hub_user" ]; then
  pass "(a) sf org display -o jwthub reports Connected"
else
  fail "(a) sf org display -o jwthub"
fi
if grep -q '"accessToken"' "$auth_file" && grep -q "\"loginUrl\": \"$mock\"" "$auth_file"; then
  pass "(a) the CLI minted and stored its own (encrypted) token and kept our loginUrl"
else
  fail "(a) the CLI did not store its own token"; show "auth file" "$auth_file" 30
fi
curl -s "$mock/__mock/requests" > "$work/a-requests.json" 2>/dev/null || true
echo "    token requests the mock saw so far (first: our core's login; then the CLI's own):"
python3 - "$work/a-requests.json" <<'PY' 2>&1 | head -n 12 | sed 's/^/      /'
import json, sys
for r in json.load(open(sys.argv[1])):
    if r.get("path", "").endswith("/oauth2/token"):
        claims = (r.get("assertion") or {}).get("claims") or {}
        exp = claims.get("exp")
        print(f"{r.get('statusCode')} {r.get('oAuthError') or 'ok'}: aud={claims.get('aud')} sub={claims.get('sub')} "
              f"exp={'ms' if isinstance(exp, (int, float)) and exp > 1e11 else 's'} iat={'yes' if 'iat' in claims else 'no'}")
PY

run a-list sf org list --json
if [ "$(json "$work/a-list.out" "any(o.get('username')=='$hub_user' for k in ('devHubs','nonScratchOrgs','other') for o in d['result'].get(k,[]))")" = "True" ]; then
  pass "(a) sf org list lists the registered org"
else
  fail "(a) sf org list does not list $hub_user"
fi

# --- (b) authorized by sf, imported here ------------------------------------------------------------------------
if run b-login sf org login jwt --client-id "$client_id" --jwt-key-file "$keys/org.key" --username "$cli_user" \
     --instance-url "$mock" --alias cliorg --json; then
  pass "(b) sf org login jwt against the mock"
else
  fail "(b) sf org login jwt"
fi
run b-listsfcli driver list-sfcli
if [ "$(json "$work/b-listsfcli.out" "[(o['AuthMethod'], o['CanImport'], o['Aliases']) for o in d if o['Username']=='$cli_user'][0]")" = "('Jwt', True, ['cliorg'])" ]; then
  pass "(b) the reader lists the CLI's org as a JWT org, importable, with its alias"
else
  fail "(b) the reader's view of $cli_user"
fi
if run b-import driver import --org cliorg && [ "$(json "$work/b-import.out" 'd["Connected"]')" = "True" ]; then
  pass "(b) the core logged in to the CLI's org with what the CLI stored"
else
  fail "(b) import --org cliorg"
fi

# --- (b2) the CLI's own auth file, re-registered here: updated in place, tokens dropped, sf renews by JWT -------
if run b2-connect driver connect --sfcli --username "$cli_user" --client-id "$client_id" --key-file "$keys/org.key" --login-url "$mock" --alias cliorg \
   && [ "$(json "$work/b2-connect.out" '(d["UpdatedExistingAuth"], d["RemovedStoredTokens"])')" = "(True, True)" ] \
   && [ "$(json "$HOME/.sfdx/$cli_user.json" '("accessToken" in d, d["orgEdition"])')" = "(False, 'Enterprise Edition')" ]; then
  pass "(b2) re-registering the CLI's org updated its file in place: token removed, the CLI's other fields kept"
else
  fail "(b2) re-registering the CLI's org"
fi
run b2-display sf org display -o cliorg --json
[ "$(json "$work/b2-display.out" 'd["result"]["connectedStatus"]')" = "Connected" ] \
  && pass "(b2) sf org display -o cliorg is Connected again after renewing by JWT" || fail "(b2) sf org display -o cliorg"

# --- (c) removed here, gone for sf ------------------------------------------------------------------------------
if run c-disconnect driver disconnect --sfcli --org jwthub; then
  pass "(c) driver disconnect --sfcli removed the org"
else
  fail "(c) driver disconnect --sfcli"
fi
run c-list sf org list --json
if [ "$(json "$work/c-list.out" "any(o.get('username')=='$hub_user' for k in ('devHubs','nonScratchOrgs','other') for o in d['result'].get(k,[]))")" = "False" ] \
   && [ "$(json "$work/c-list.out" "any(o.get('username')=='$cli_user' for k in ('devHubs','nonScratchOrgs','other') for o in d['result'].get(k,[]))")" = "True" ]; then
  pass "(c) sf org list no longer shows the removed org and still shows the other"
else
  fail "(c) sf org list after removal"
fi
if [ "$(json "$HOME/.sfdx/alias.json" 'sorted(d["orgs"].keys())')" = "['cliorg']" ] \
   && [ -z "$(json "$HOME/.sf/config.json" 'd.get("target-dev-hub", "")')" ]; then
  pass "(c) the alias and the default Dev Hub mark are gone, the CLI's own alias kept"
else
  fail "(c) alias/config after removal"; show "alias.json" "$HOME/.sfdx/alias.json"; show "config.json" "$HOME/.sf/config.json"
fi
run c-display sf org display -o jwthub --json
[ "$(json "$work/c-display.out" 'd["name"]')" = "NamedOrgNotFoundError" ] && pass "(c) sf org display -o jwthub now fails" || fail "(c) sf still displays jwthub"

# --- (d) one lock convention: a <file>.lock folder as we make it holds the real CLI off --------------------------
lock="$HOME/.sfdx/alias.json.lock"
mkdir "$lock"
sf alias set held-probe="$cli_user" --json > "$work/d-alias.out" 2>&1 &
sf_pid=$!
for _ in 1 2 3 4 5 6 7 8; do touch "$lock"; sleep 1; done   # kept fresh, like a live holder does
if kill -0 $sf_pid 2>/dev/null && ! grep -q held-probe "$HOME/.sfdx/alias.json"; then
  pass "(d) sf alias set waits while the lock folder is held"
else
  fail "(d) sf alias set did not wait for the lock folder"
fi
rmdir "$lock"
wait $sf_pid
show "sf alias set held-probe=$cli_user --json (after the lock was released)" "$work/d-alias.out" 12
[ "$(json "$HOME/.sfdx/alias.json" '(d["orgs"].get("held-probe"), d["orgs"].get("cliorg"))')" = "('$cli_user', '$cli_user')" ] \
  && pass "(d) after release sf wrote its alias, and ours are intact" || fail "(d) sf did not write its alias after release"

kill $mock_pid 2>/dev/null
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
