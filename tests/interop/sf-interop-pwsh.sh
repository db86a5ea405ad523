#!/usr/bin/env bash
# The interop scenario of sf-interop.sh, driven through the PowerShell cmdlets instead of the core's driver:
#   (a) Connect-SfOrgJwt -SfCli  -> `sf org display -o <alias> --json` is Connected and `sf org list` lists the org;
#   (b) `sf org login jwt`       -> `Get-SfOrgAuth -SfCli | Connect-SfOrgJwt` imports it, and
#                                   `Get-SfOrgAuth <alias> -AsPlainText` gives a token the mock accepts;
#   (c) Disconnect-SfOrg -SfCli  -> `sf org list` no longer shows the org.
# Runs against tests/MockSalesforce inside `unshare -n` (root), with the staged module (out/JwtAuth) and the real CLI
# from the cache of install-sf.sh. Prints what each command printed (trimmed, tokens masked), ends with
# "N passed, N failed"; exits 0 with "skipped" when the CLI cannot be installed or no network namespace can be
# made. PowerShell is the repository's pinned one (dotnet tool), never whatever pwsh is on PATH.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/interop"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

skip() { echo "sf-interop-pwsh: skipped: $*"; echo "0 passed, 0 failed (skipped)"; exit 0; }

# The repository's pinned PowerShell (.config/dotnet-tools.json), started as dotnet + pwsh.dll inside the namespace.
if ! (cd "$repo" && dotnet tool restore > /dev/null 2>&1); then echo "sf-interop-pwsh: dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; fi
pwsh_dll="$(cd "$repo" && dotnet pwsh -NoProfile -NonInteractive -Command '[IO.Path]::Combine($PSHOME, "pwsh.dll")' 2>/dev/null | tail -n 1)"
if [ ! -f "$pwsh_dll" ]; then echo "sf-interop-pwsh: the pinned PowerShell did not start"; echo "0 passed, 1 failed"; exit 1; fi
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
       JWTAUTH_INTEROP_MODULE="$repo/out/JwtAuth/JwtAuth.psd1" JWTAUTH_INTEROP_PWSH_DLL="$pwsh_dll"
unshare -n bash "$here/sf-interop-pwsh-scenario.sh"
exit $?
