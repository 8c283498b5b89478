#!/usr/bin/env bash
# One run of the side-by-side comparison: the criterion benches of yjs-wire and the lib0
# timings on the same corpus, then the table (markdown) on stdout.
#
#   bash benches/compare/run.sh            # from the repository root; ~5 minutes on 2 cores
#
# Needs node (20+) and lib0 in tests/js/node_modules (`npm ci` in tests/js; done here if
# missing). Raw outputs go to target/compare/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/target/compare"
mkdir -p "$out"
cd "$root"

[ -d tests/js/node_modules/lib0 ] || (cd tests/js && npm ci --silent)

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc: $(rustc --version)"
  echo "node: $(node --version)"
} | tee "$out/machine.txt" >&2

# The corpus as {"name","hex"} lines, from benches/corpus.rs (the one definition).
cargo run --quiet --release --example corpus > "$out/corpus.jsonl"

# lib0 before and after criterion; the table takes the faster of the two for each item, so a
# burst of load from other builds during one pass does not flatter the ratios.
node benches/compare/lib0.mjs "$out/corpus.jsonl" > "$out/lib0-before.json"
echo "load before criterion: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
cargo bench --bench codec -- --output-format bencher | tee "$out/criterion.txt" >&2
echo "load after criterion: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
node benches/compare/lib0.mjs "$out/corpus.jsonl" > "$out/lib0-after.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

cat "$out/machine.txt"
echo
node benches/compare/table.mjs "${CARGO_TARGET_DIR:-$root/target}/criterion" "$out/lib0-before.json" "$out/lib0-after.json" | tee "$out/table.md"
