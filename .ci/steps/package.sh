#!/usr/bin/env bash
# Publishing readiness: the package holds what a user needs (sources, README, CHANGELOG,
# licences, spec) and nothing else (no fuzz corpora, no node_modules, no JS suite, no benches
# data), and it builds from the packaged files alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

list=$(cargo package --list --allow-dirty 2>/dev/null)
echo "$list"

for needed in Cargo.toml README.md CHANGELOG.md LICENSE LICENSE-MIT LICENSE-APACHE src/lib.rs; do
    grep -qx "$needed" <<<"$list" || { echo "missing from the package: $needed" >&2; exit 1; }
done
if unwanted=$(grep -E '^(fuzz|benches|tests|target|\.ci|\.github)/|node_modules|\.profraw$' <<<"$list"); then
    echo "should not be in the package:" >&2
    echo "$unwanted" >&2
    exit 1
fi

# Build the packaged crate from its own files (the tests are not packaged: they need the repo).
if ! log=$(cargo package --allow-dirty 2>&1); then
    echo "$log" >&2
    exit 1
fi
grep -E '^ *(Packaged|Verifying)' <<<"$log"
echo "package: ok"
