#!/usr/bin/env bash
# The interop scenario of sf-interop.sh, driven through the PowerShell cmdlets instead of the core's driver:
#   (a) Connect-SfOrgJwt -SfCli  -> `sf org display -o <alias> --json` is Connected and `sf org list` lists the org;
#   (b) `sf org login jwt`       -> `Get-SfOrgAuth -SfCli | Connect-SfOrgJwt` imports it, and
#                                   `Get-SfOrgAuth <alias> -AsPlainText` gives a token the mock accepts;
#   (c) Disconnect-SfOrg -SfCli  -> `sf org list` no longer shows the org.
# Runs against tests/MockSalesforce inside `unshare -n` (root), with the staged module (out/JwtAuth) and the real CLI
# from the cache of install-sf.sh. Prints what each command printed (trimmed, tokens masked), ends with
# "N passed, N failed"; exits 0 with "skipped" when pwsh is not on PATH, the CLI cannot be installed, or no
# network namespace can be made.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/interop"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

skip() { echo "sf-interop-pwsh: skipped: $*"; echo "0 passed, 0 failed (skipped)"; exit 0; }

command -v pwsh > /dev/null 2>&1 || skip "pwsh is not on PATH"
cache="$("$here/install-sf.sh")" || skip "npm could not install Node 22 and @salesforce/cli"
if ! unshare -n true 2>/dev/null; then skip "cannot create a network namespace (unshare -n needs root)"; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/jwtauth-interop-pwsh.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "sf-interop-pwsh: building the module (out/JwtAuth) and the mock"
if ! dotnet build "$repo/src/JwtAuth" -c Release -v q -nologo > "$work/build.log" 2>&1 \
   || ! dotnet build "$repo/tests/MockSalesforce" -c Release -o "$work/bin/MockSalesforce" -v q -nologo >> "$work/build.log" 2>&1; then
  tail -n 30 "$work/build.log"; echo "0 passed, 1 failed"; exit 1
fi

export JWTAUTH_INTEROP_WORK="$work" JWTAUTH_INTEROP_CACHE_DIR="$cache" JWTAUTH_INTEROP_BIN="$work/bin" \
       JWTAUTH_INTEROP_MODULE="$repo/out/JwtAuth/JwtAuth.psd1"
unshare -n bash "$here/sf-interop-pwsh-scenario.sh"
exit $?
