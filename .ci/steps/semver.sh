#!/usr/bin/env bash
# Semver check: compares the public API with the latest released version (the newest `v*`
# git tag) using cargo-semver-checks from crates.io. Before the first release there is no
# `v*` tag and nothing to compare with: the step says so and succeeds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

baseline=$(git tag --list 'v*' --sort=-version:refname | head -n 1)
if [[ -z "$baseline" ]]; then
    echo "semver check skipped: no v* tag yet (nothing released to compare with)"
    exit 0
fi

if ! command -v cargo-semver-checks >/dev/null 2>&1; then
    echo "installing cargo-semver-checks from crates.io"
    cargo install --locked cargo-semver-checks
fi

echo "semver check against $baseline"
cargo semver-checks check-release --baseline-rev "$baseline" --all-features
