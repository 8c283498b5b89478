#!/usr/bin/env bash
# One run of the teleportal comparison (issue 14): the criterion benches of the teleportal
# dialect and teleportal's own encodeMessage / decodeMessage under Bun on the same corpus, then
# the table (markdown) on stdout.
#
#   YJS_WIRE_SHARED=/path/to/shared bash benches/compare/run-teleportal.sh     # ~2 minutes on 2 cores
#
# teleportal comes from ${YJS_WIRE_SHARED:-<repo>/../shared}/teleportal, copied and installed
# by tests/js/teleportal/setup.sh (its pinned Bun runs the timing). CRITERION_FILTER (default
# '^teleportal/') selects the criterion ids. Raw outputs go to target/compare/teleportal/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/target/compare/teleportal"
mkdir -p "$out"
cd "$root"

peer=$(bash tests/js/teleportal/setup.sh | tail -n 1)
export TELEPORTAL_DIR="$peer"
bun="$peer/node_modules/@oven/bun-linux-x64/bin/bun"
criterion_dir="${CARGO_TARGET_DIR:-$root/target}/criterion"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc: $(rustc --version)"
  echo "bun: $("$bun" --version)"
  echo "teleportal: $(cd "$peer" && ls -d src-* | head -n 1)"
} | tee "$out/machine.txt" >&2

# The corpus as {"name","hex"} lines, from benches/teleportal_corpus.rs (the one definition).
cargo run --quiet --release --example teleportal_corpus > "$out/corpus.jsonl"
# Build the bench before any timing, so the first teleportal pass does not share the CPU with rustc.
cargo bench --quiet --bench codec --no-run 2>/dev/null

# teleportal before and after criterion; the table takes the faster of the two for each item,
# so a burst of load during one pass does not flatter the ratios.
"$bun" benches/compare/teleportal.mts "$out/corpus.jsonl" > "$out/teleportal-before.json"
echo "load before criterion: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
cargo bench --bench codec -- "${CRITERION_FILTER:-^teleportal/}" --output-format bencher | tee "$out/criterion.txt" >&2
echo "load after criterion: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
"$bun" benches/compare/teleportal.mts "$out/corpus.jsonl" > "$out/teleportal-after.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

cat "$out/machine.txt"
echo
"$bun" benches/compare/teleportal-table.mjs "$criterion_dir" "$out/teleportal-before.json" "$out/teleportal-after.json" | tee "$out/table.md"
