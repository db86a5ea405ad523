#!/usr/bin/env bash
# The pwsh interop scenario; sf-interop-pwsh.sh runs it inside `unshare -n` with JWTAUTH_INTEROP_WORK (temp folder),
# JWTAUTH_INTEROP_CACHE_DIR (Node + CLI), JWTAUTH_INTEROP_BIN (built mock), JWTAUTH_INTEROP_MODULE (staged psd1) and
# JWTAUTH_INTEROP_PWSH_DLL (the pinned PowerShell's pwsh.dll) set.
set -uo pipefail

work="$JWTAUTH_INTEROP_WORK"; cache="$JWTAUTH_INTEROP_CACHE_DIR"; bin="$JWTAUTH_INTEROP_BIN"; module="$JWTAUTH_INTEROP_MODULE"
name=sf-interop-pwsh; tag=jwtauth-interop-pwsh
source "$(dirname "$0")/scenario-common.sh"
pwsh() { dotnet "$JWTAUTH_INTEROP_PWSH_DLL" "$@"; }
export POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off JWTAUTH_HOME="$work/jwtauth"
echo "$name: pwsh: $(pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')"

# ps SCRIPT: runs the script in a fresh pwsh with the staged module imported; errors stop it (exit 1).
ps() { pwsh -NoProfile -NonInteractive -Command "\$ErrorActionPreference = 'Stop'; Import-Module '$module'; $1"; }
# run NAME LABEL CMD...: runs CMD, keeps its output in $work/NAME.out/.err and shows it under LABEL.
run() { local name="$1" label="$2"; shift 2; "$@" > "$work/$name.out" 2> "$work/$name.err"; local rc=$?; show "$label" "$work/$name.out"; [ -s "$work/$name.err" ] && show "(stderr)" "$work/$name.err" 8; return $rc; }
listed() { json "$1" "any(o.get('username')=='$2' for k in ('devHubs','nonScratchOrgs','other') for o in d['result'].get(k,[]))"; }

# --- (a) Connect-SfOrgJwt -SfCli, then used by sf ---------------------------------------------------------------
if run a-connect "Connect-SfOrgJwt -SfCli -Username $hub_user -Alias jwthub -SetDefaultDevHub ..." \
     ps "Connect-SfOrgJwt -ClientId '$client_id' -Username '$hub_user' -KeyFile '$keys/org.key' -LoginUrl '$mock' -Alias jwthub -SetDefaultDevHub -SfCli |
         Select-Object Username, Alias, @{ n = 'OrgType'; e = { [string]\$_.OrgType } }, IsDefaultDevHub, @{ n = 'Scope'; e = { [string]\$_.Scope } } | ConvertTo-Json -Compress" \
   && [ "$(json "$work/a-connect.out" '(d["Username"], d["Alias"], d["OrgType"], d["IsDefaultDevHub"])')" = "('$hub_user', 'jwthub', 'DevHub', True)" ]; then
  pass "(a) Connect-SfOrgJwt -SfCli logged in and registered the org"
else
  fail "(a) Connect-SfOrgJwt -SfCli"
fi
auth_file="$HOME/.sfdx/$hub_user.json"
if [ -f "$auth_file" ] && ! grep -q accessToken "$auth_file" \
   && [ "$(json "$auth_file" '(d["privateKey"], d["loginUrl"], d["isDevHub"])')" = "('$keys/org.key', '$mock', True)" ]; then
  pass "(a) the CLI auth file names the key file and login URL and holds no token"
else
  fail "(a) CLI auth file missing, incomplete or holding a token"; [ -f "$auth_file" ] && show "auth file" "$auth_file"
fi

run a-display "sf org display -o jwthub --json" sf org display -o jwthub --json
if [ "$(json "$work/a-display.out" '(d["result"]["connectedStatus"], d["result"]["username"])')" = "('Connected', '$hub_user')" ]; then
  pass "(a) sf org display -o jwthub reports Connected"
else
  fail "(a) sf org display -o jwthub"
fi
run a-list "sf org list --json" sf org list --json
[ "$(listed "$work/a-list.out" "$hub_user")" = "True" ] && pass "(a) sf org list lists the org" || fail "(a) sf org list does not list $hub_user"

# --- (b) sf org login jwt, then imported through the pipeline --------------------------------------------------
if run b-login "sf org login jwt --username $cli_user --alias cliorg --json ..." \
     sf org login jwt --client-id "$client_id" --jwt-key-file "$keys/org.key" --username "$cli_user" --instance-url "$mock" --alias cliorg --json; then
  pass "(b) sf org login jwt against the mock"
else
  fail "(b) sf org login jwt"
fi
run b-listsfcli "Get-SfOrgAuth -SfCli" \
  ps "@(Get-SfOrgAuth -SfCli | Select-Object Username, Alias, @{ n = 'Scope'; e = { [string]\$_.Scope } }, AuthMethod, Note, LoginUrl, KeyFile) | ConvertTo-Json -Compress"
if [ "$(json "$work/b-listsfcli.out" "[(o['Scope'], o['AuthMethod'], o['Alias'], o['Note']) for o in d if o['Username']=='$cli_user'][0]")" = "('SfCli', 'Jwt', 'cliorg', None)" ]; then
  pass "(b) Get-SfOrgAuth -SfCli lists the CLI's org as a JWT org with its alias and no note"
else
  fail "(b) Get-SfOrgAuth -SfCli's view of $cli_user"
fi
if run b-import "Get-SfOrgAuth -SfCli | Connect-SfOrgJwt" \
     ps "@(Get-SfOrgAuth -SfCli | Connect-SfOrgJwt | Select-Object Username, Alias, @{ n = 'Scope'; e = { [string]\$_.Scope } }, LoginUrl) | ConvertTo-Json -Compress" \
   && [ "$(json "$work/b-import.out" "sorted((o['Username'], o['Alias'], o['Scope']) for o in d)")" = "[('$cli_user', 'cliorg', 'CurrentUser'), ('$hub_user', 'jwthub', 'CurrentUser')]" ]; then
  pass "(b) the pipeline imported every JWT org the CLI knows, with its alias"
else
  fail "(b) Get-SfOrgAuth -SfCli | Connect-SfOrgJwt"
fi
# The token never reaches the output: only whether the mock accepted it, and whom it named.
if run b-token "Get-SfOrgAuth cliorg -AsPlainText, then GET /services/oauth2/userinfo with its token" \
     ps "\$a = Get-SfOrgAuth cliorg -AsPlainText
         \$u = Invoke-RestMethod \"\$(\$a.InstanceUrl)/services/oauth2/userinfo\" -Headers @{ Authorization = \"Bearer \$(\$a.AccessToken)\" }
         [pscustomobject]@{ Username = \$a.Username; LoginUrl = \$a.LoginUrl; TokenIsText = \$a.AccessToken -is [string]; UserInfo = \$u.preferred_username } | ConvertTo-Json -Compress" \
   && [ "$(json "$work/b-token.out" '(d["Username"], d["LoginUrl"], d["TokenIsText"], d["UserInfo"])')" = "('$cli_user', '$mock', True, '$cli_user')" ]; then
  pass "(b) Get-SfOrgAuth cliorg -AsPlainText gives a token the mock accepts"
else
  fail "(b) token of cliorg"
fi

# --- (c) Disconnect-SfOrg -SfCli, then gone for sf ------------------------------------------------------------
if run c-disconnect "Disconnect-SfOrg jwthub -SfCli" ps "Disconnect-SfOrg jwthub -SfCli -Confirm:\$false; @(Get-SfOrgAuth).Username -join ','"; then
  [ "$(tr -d '\r\n' < "$work/c-disconnect.out")" = "$cli_user" ] && pass "(c) Disconnect-SfOrg -SfCli removed the org here; the other stays" \
    || fail "(c) JwtAuth's store after Disconnect-SfOrg"
else
  fail "(c) Disconnect-SfOrg -SfCli"
fi
run c-list "sf org list --json" sf org list --json
if [ "$(listed "$work/c-list.out" "$hub_user")" = "False" ] && [ "$(listed "$work/c-list.out" "$cli_user")" = "True" ]; then
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
run c-display "sf org display -o jwthub --json" sf org display -o jwthub --json
[ "$(json "$work/c-display.out" 'd["name"]')" = "NamedOrgNotFoundError" ] && pass "(c) sf org display -o jwthub now fails" || fail "(c) sf still displays jwthub"

# --- (d) New-SfScratchOrg -SfCli, then listed by sf under its Dev Hub -----------------------------------------------
scratch_listed() { json "$1" "[(o.get('devHubUsername'), o.get('alias'), o.get('status')) for o in d['result'].get('scratchOrgs',[]) if o.get('username')=='$2']"; }
if run d-create "New-SfScratchOrg -DevHub scratchhub -Alias jwtscratch -SfCli" \
     ps "Connect-SfOrgJwt -ClientId '$client_id' -Username '$hub_user' -KeyFile '$keys/org.key' -LoginUrl '$mock' -Alias scratchhub -SfCli | Out-Null
         New-SfScratchOrg -DevHub scratchhub -Alias jwtscratch -SfCli | Select-Object Username, Alias, DevHub, @{ n = 'Status'; e = { [string]\$_.Status } } | ConvertTo-Json -Compress" \
   && [ "$(json "$work/d-create.out" '(d["Alias"], d["DevHub"], d["Status"])')" = "('jwtscratch', '$hub_user', 'Active')" ]; then
  pass "(d) New-SfScratchOrg -SfCli created, connected and registered a scratch org"
else
  fail "(d) New-SfScratchOrg -SfCli"
fi
scratch_user="$(json "$work/d-create.out" 'd["Username"]')"
run d-list "sf org list --json" sf org list --json
if [ "$(scratch_listed "$work/d-list.out" "$scratch_user")" = "[('$hub_user', 'jwtscratch', 'Active')]" ]; then
  pass "(d) sf org list shows the scratch org under its Dev Hub, Active"
else
  fail "(d) sf org list does not show $scratch_user under $hub_user"
fi
# The CLI renews a scratch org's session itself with the JWT flow; the mock wants the sandbox audience for it.
sf_scratch() { ( export SF_AUDIENCE_URL=https://test.salesforce.com; sf "$@" ); }
run d-display "SF_AUDIENCE_URL=https://test.salesforce.com sf org display -o jwtscratch --json" sf_scratch org display -o jwtscratch --json
if [ "$(json "$work/d-display.out" '(d["status"], d["result"]["username"])')" = "(0, '$scratch_user')" ]; then
  pass "(d) sf org display -o jwtscratch logs in to the scratch org by JWT itself"
else
  fail "(d) sf org display -o jwtscratch"
fi
if run d-remove "Remove-SfScratchOrg jwtscratch -SfCli" ps "Remove-SfScratchOrg jwtscratch -SfCli -Confirm:\$false; @(Get-SfScratchOrg -DevHub scratchhub).Count"; then
  [ "$(tr -d '\r\n' < "$work/d-remove.out")" = "0" ] && pass "(d) Remove-SfScratchOrg deleted it at the Dev Hub" || fail "(d) the Dev Hub still lists the org"
else
  fail "(d) Remove-SfScratchOrg -SfCli"
fi
run d-list2 "sf org list --json" sf org list --json
[ "$(scratch_listed "$work/d-list2.out" "$scratch_user")" = "[]" ] && pass "(d) sf org list no longer shows the scratch org" || fail "(d) sf still lists $scratch_user"

kill $mock_pid 2>/dev/null
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
