#!/usr/bin/env bash
# The whole benchmark in one command: builds the mock, the bench and the module in
# Release, then runs every part and writes the table to bench/results/latest.md. PowerShell is the repository's pinned one
# (dotnet tool restore; dotnet + pwsh.dll), never a pwsh on PATH.
#   bash bench/run.sh                   # all parts; the sf CLI part only if tests/interop/install-sf.sh's cache has it
#   bash bench/run.sh --install-sf      # also install Node 22 + the Salesforce CLI into that cache first (large)
#   bash bench/run.sh bulk --repeat 5   # one part, with JwtAuth.Bench options (see --help)
#   bash bench/run.sh scratch           # the scratch org part alone (bench/scratch-orgs.sh, its own options)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log="$(mktemp "${TMPDIR:-/tmp}/jwtauth-bench-build.XXXXXX")"
trap 'rm -f "$log"' EXIT

build() {
  echo "bench/run.sh: building $1 (Release)"
  if ! dotnet build "$repo/$1" -c Release -nologo -v q > "$log" 2>&1; then
    tail -n 40 "$log"; echo "bench/run.sh: build of $1 failed"; exit 1
  fi
}

build tests/MockSalesforce
build bench/JwtAuth.Bench
build src/JwtAuth
if [ "${1:-}" = scratch ]; then shift; exec bash "$repo/bench/scratch-orgs.sh" "$@"; fi

exec dotnet "$repo/bench/JwtAuth.Bench/bin/Release/net10.0/JwtAuth.Bench.dll" --out "$repo/bench/results/latest.md" "$@"
