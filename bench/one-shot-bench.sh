#!/usr/bin/env bash
# Part 6 of the benchmark, run by JwtAuth.Bench inside `unshare -n` (namespace-common.sh): what a scheduled task or
# a CI step pays in a fresh process. Paired rounds of whole-process runs, each round running every command once
# (in a rotating order, so load hits all of them alike):
#   bare      the pinned PowerShell (dotnet + pwsh.dll), `-Command exit`
#   import    `Import-Module JwtAuth; exit`
#   oneshot   import, Connect-SfOrgJwt one org, (Get-SfOrgAuth -AsPlainText).AccessToken
#   sf        `sf org login jwt` for the same user against the same mock (when the CLI is in BENCH_CACHE)
#   import-baseline, oneshot-baseline: the same with the module in BENCH_BASELINE_MODULES, when given
# Each command has its own XDG_CACHE_HOME (PowerShell rewrites its JIT startup profile there on every run) and its
# own JWTAUTH_HOME. Then BENCH_ROUNDS fresh processes of one-shot-split.ps1 (the split inside one process).
# Prints "RESULT <command> <round> <wall ms> <cpu ms>", "SPLIT <import ms> <connect ms> <token ms>" and
# "LOAD <1-min load average>" lines; anything else is log.
# Environment (beyond namespace-common.sh): BENCH_PWSH_DLL, BENCH_MODULES (folder holding JwtAuth/),
# BENCH_BASELINE_MODULES (optional), BENCH_KEY, BENCH_CLIENT_ID, BENCH_USER, BENCH_ROUNDS, BENCH_NO_SF (1: skip sf).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
. "$here/namespace-common.sh"
start_mock 0

one_shot_script="Import-Module JwtAuth
Connect-SfOrgJwt -Username '$BENCH_USER' -ClientId '$BENCH_CLIENT_ID' -KeyFile '$BENCH_KEY' -LoginUrl '$mock' -Audience https://test.salesforce.com | Out-Null
\$token = (Get-SfOrgAuth '$BENCH_USER' -AsPlainText).AccessToken
if (-not \$token) { exit 3 }"

command_line() { # command -> sets modules (PSModulePath) and argv
  local pwsh=(dotnet "$BENCH_PWSH_DLL" -NoProfile -NonInteractive -Command)
  modules="$BENCH_MODULES"
  case "$1" in
    *-baseline) modules="$BENCH_BASELINE_MODULES" ;;
  esac
  case "$1" in
    bare) argv=("${pwsh[@]}" 'exit') ;;
    import|import-baseline) argv=("${pwsh[@]}" 'Import-Module JwtAuth; exit') ;;
    oneshot|oneshot-baseline) argv=("${pwsh[@]}" "$one_shot_script") ;;
    sf) argv=(node "$BENCH_CACHE/sf/node_modules/@salesforce/cli/bin/run.js" org login jwt --client-id "$BENCH_CLIENT_ID"
          --jwt-key-file "$BENCH_KEY" --username "$BENCH_USER" --instance-url "$mock" --json) ;;
  esac
}

commands=(bare import oneshot)
[ -n "${BENCH_BASELINE_MODULES:-}" ] && commands+=(import-baseline oneshot-baseline)
[ "${BENCH_NO_SF:-}" != "1" ] && commands+=(sf)

timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%U %S' -o "$BENCH_WORK/cpu")

measure() { # command round
  local start elapsed cpu=- rc
  command_line "$1"
  mkdir -p "$BENCH_WORK/cache-$1" "$BENCH_WORK/jwtauth-$1"
  start=$(date +%s%N)
  XDG_CACHE_HOME="$BENCH_WORK/cache-$1" JWTAUTH_HOME="$BENCH_WORK/jwtauth-$1" PSModulePath="$modules" \
    "${timer[@]}" "${argv[@]}" > "$BENCH_WORK/out-$1" 2>&1
  rc=$?
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ $rc -ne 0 ]; then echo "one-shot-bench: $1 failed (exit $rc)"; tail -c 1500 "$BENCH_WORK/out-$1"; exit 1; fi
  [ ${#timer[@]} -gt 0 ] && cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$BENCH_WORK/cpu")
  [ "$2" -gt 0 ] && echo "RESULT $1 $2 $elapsed $cpu"
  return 0
}

echo "LOAD $(cut -d' ' -f1 /proc/loadavg)"
# Round 0 warms every command up (its JIT profile, the page cache) and is not reported.
for round in $(seq 0 "$BENCH_ROUNDS"); do
  for i in "${!commands[@]}"; do
    measure "${commands[$(( (i + round) % ${#commands[@]} ))]}" "$round"
  done
done

mkdir -p "$BENCH_WORK/cache-split"
for round in $(seq 0 "$BENCH_ROUNDS"); do
  line="$(XDG_CACHE_HOME="$BENCH_WORK/cache-split" JWTAUTH_HOME="$BENCH_WORK/jwtauth-split" PSModulePath="$BENCH_MODULES" \
    dotnet "$BENCH_PWSH_DLL" -NoProfile -NonInteractive -File "$here/one-shot-split.ps1" -Username "$BENCH_USER" \
    -ClientId "$BENCH_CLIENT_ID" -KeyFile "$BENCH_KEY" -LoginUrl "$mock" 2>&1 | grep '^SPLIT ')"
  [ -z "$line" ] && { echo "one-shot-bench: one-shot-split.ps1 printed no SPLIT line"; exit 1; }
  [ "$round" -gt 0 ] && echo "$line"
done
echo "LOAD $(cut -d' ' -f1 /proc/loadavg)"
exit 0
