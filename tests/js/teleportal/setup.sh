#!/usr/bin/env bash
# Prepares the teleportal reference peer for the scripts in this folder and for the Rust tests.
#
#   bash tests/js/teleportal/setup.sh
#
# Copies ${YJS_WIRE_SHARED:-<repo>/../shared}/teleportal to <repo>/target/teleportal-peer (again
# when the shared copy changed), runs `npm ci` there when its node_modules is missing or stale,
# and prints the copy's absolute path as the last line of stdout. Bun is then
# <copy>/node_modules/@oven/bun-linux-x64/bin/bun.
# Exit 3 (one line on stderr) when the shared folder is missing; other non-zero on failure.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
shared="${YJS_WIRE_SHARED:-$repo/../shared}"
src="$shared/teleportal"
if [ ! -f "$src/package.json" ] || [ ! -d "$src/src-802ec6e" ]; then
  echo "teleportal reference peer not found at $src (set YJS_WIRE_SHARED)" >&2
  exit 3
fi
dest="$repo/target/teleportal-peer"
# Tests run in parallel and each calls this script: one at a time, so nobody replaces the copy
# (or Bun's binary, "text file busy") while another uses it.
mkdir -p "$repo/target"
exec 9>"$repo/target/teleportal-peer.lock"
flock 9
# Fingerprint of the shared copy: every file's path, size and modification time (no node_modules).
stamp="$(cd "$src" && find . -path ./node_modules -prune -o -type f -printf '%p %s %T@\n' | LC_ALL=C sort | cksum)"
if [ ! -f "$dest/.yjs-wire-stamp" ] || [ "$(cat "$dest/.yjs-wire-stamp")" != "$stamp" ]; then
  rm -rf "$dest"
  tmp="$(mktemp -d "$repo/target/teleportal-peer.XXXXXX")"
  (cd "$src" && tar --exclude=./node_modules -cf - .) | (cd "$tmp" && tar -xf -)
  chmod -R u+w "$tmp"
  mv "$tmp" "$dest"
  printf '%s\n' "$stamp" > "$dest/.yjs-wire-stamp"
fi
bun="$dest/node_modules/@oven/bun-linux-x64/bin/bun"
lock="$dest/package-lock.json"
if [ ! -x "$bun" ] || [ ! -f "$dest/node_modules/.yjs-wire-lock" ] \
  || ! cmp -s "$lock" "$dest/node_modules/.yjs-wire-lock"; then
  (cd "$dest" && npm ci --no-audit --no-fund >&2)
  cp "$lock" "$dest/node_modules/.yjs-wire-lock"
fi
"$bun" --version >/dev/null
echo "$dest"
