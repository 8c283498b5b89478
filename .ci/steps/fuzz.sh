#!/usr/bin/env bash
# CI step: fuzz every target of fuzz/ for FUZZ_SECONDS (default 60) each.
# Installs cargo-fuzz if missing, picks a toolchain (below), seeds the corpora from
# spec/vectors/, fails on any crash, and prints each target's execution count.
# Budget: one build (~3 min on 2 cores) + 8 targets x FUZZ_SECONDS: under 15 minutes at 60 s.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds="${FUZZ_SECONDS:-60}"
targets=(decode roundtrip header inspector_json limits teleportal_decode teleportal_roundtrip any)

# cargo-fuzz needs nightly flags (-Z sanitizer, sancov). Use the nightly toolchain if there is
# one (or one can be installed); otherwise the stable one with RUSTC_BOOTSTRAP=1, which
# enables the same flags (checked here: every target builds and fuzzes that way).
if rustup toolchain list 2>/dev/null | grep -q '^nightly' ||
  timeout 120 rustup toolchain install nightly --profile minimal >/dev/null 2>&1; then
  toolchain=(+nightly)
else
  echo "fuzz: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1"
  toolchain=()
  export RUSTC_BOOTSTRAP=1
fi
fuzz() { cargo ${toolchain[@]+"${toolchain[@]}"} fuzz "$@"; }
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

bash fuzz/seed-corpus.sh
# Build every target once, so each target's time below is spent fuzzing.
fuzz build

declare -A runs
for target in "${targets[@]}"; do
  log="fuzz/artifacts/$target.log"
  mkdir -p "fuzz/artifacts/$target"
  echo "fuzz: $target for ${seconds}s"
  if ! fuzz run "$target" -- \
      -max_total_time="$seconds" -dict=fuzz/yjs.dict -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target FAILED (crash input in fuzz/artifacts/$target/)"
    exit 1
  fi
  # libFuzzer's closing lines: "Done N runs in S second(s)" and
  # "stat::number_of_executed_units: N".
  n="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)"
  if [[ -z "$n" ]]; then
    n="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)"
  fi
  runs[$target]="${n:-unknown}"
  echo "fuzz: $target ok, ${runs[$target]} executions in ${seconds}s"
done

echo "fuzz summary (executions per target, ${seconds}s each):"
for target in "${targets[@]}"; do
  printf '  %-15s %s\n' "$target" "${runs[$target]}"
done
