#!/usr/bin/env bash
# Interop test against the REAL Salesforce CLI (npm @salesforce/cli on Node 22):
#   (a) an org connected through our core and registered with SfCliAuthRegistrar is usable by `sf`
#       (`sf org display` mints its own token via JWT and reports Connected; `sf org list` lists it);
#   (b) an org `sf org login jwt` authorized is listed by SfCliAuthReader as importable, and the core logs in to it;
#   (c) after SfCliAuthRemover, `sf org list` no longer shows the org.
# Everything runs against tests/MockSalesforce inside a private network namespace (`unshare -n`, needs root):
# the CLI also tries login.salesforce.com / test.salesforce.com when an audience fails, and those tries must
# not leave the machine. The CLI and Node are cached outside the repository (tests/interop/install-sf.sh).
# Prints what each command printed (trimmed, tokens masked) and ends with "N passed, N failed".
# Exits 0 with "skipped" when npm cannot install the CLI or the namespace cannot be made.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/interop"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

skip() { echo "sf-interop: skipped: $*"; echo "0 passed, 0 failed (skipped)"; exit 0; }

cache="$("$here/install-sf.sh")" || skip "npm could not install Node 22 and @salesforce/cli"
if ! unshare -n true 2>/dev/null; then skip "cannot create a network namespace (unshare -n needs root)"; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/jwtauth-interop.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "sf-interop: building the mock and the driver"
out="$work/bin"
for project in tests/MockSalesforce tests/JwtAuth.InteropDriver; do
  if ! dotnet build "$repo/$project" -c Release -o "$out/$(basename "$project")" -v q -nologo > "$work/build.log" 2>&1; then
    tail -n 30 "$work/build.log"; echo "0 passed, 1 failed"; exit 1
  fi
done

export JWTAUTH_INTEROP_WORK="$work" JWTAUTH_INTEROP_CACHE_DIR="$cache" JWTAUTH_INTEROP_BIN="$out"
unshare -n bash "$here/sf-interop-scenario.sh"
exit $?
