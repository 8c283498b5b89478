#!/usr/bin/env bash
# Write the seed corpora fuzz/corpus/<target>/ from the conformance vectors in spec/vectors/.
# Every valid and invalid vector becomes one seed file per target; the `limits` target reads
# five limit bytes first, so its seeds start with ff ff ff ff ff (every limit at its default).
# Needs only bash, grep and sed. Safe to run again: seeds are named by vector index and rewritten.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vectors="$here/../spec/vectors"
targets=(decode roundtrip header inspector_json limits)
# The teleportal targets take spec/vectors/teleportal/ (below).
tp_targets=(teleportal_decode teleportal_roundtrip)

# Print the bytes of a lowercase hex string (NUL bytes included).
unhex() {
  printf '%b' "$(sed 's/../\\x&/g' <<<"$1")"
}

for target in "${targets[@]}"; do
  mkdir -p "$here/corpus/$target"
done

count=0
for file in "$vectors"/valid.json "$vectors"/invalid.json; do
  base="$(basename "$file" .json)"
  n=0
  while read -r hex; do
    n=$((n + 1))
    for target in "${targets[@]}"; do
      out="$here/corpus/$target/seed-$base-$n"
      if [[ "$target" == limits ]]; then
        { printf '\xff\xff\xff\xff\xff'; unhex "$hex"; } > "$out"
      else
        unhex "$hex" > "$out"
      fi
    done
    count=$((count + 1))
  done < <(grep -o '"hex": *"[0-9a-f]*"' "$file" | sed 's/.*"\([0-9a-f]*\)"$/\1/')
done
for target in "${tp_targets[@]}" any; do
  mkdir -p "$here/corpus/$target"
done
for file in "$vectors"/teleportal/valid.json "$vectors"/teleportal/invalid.json; do
  [[ -f "$file" ]] || continue
  base="tp-$(basename "$file" .json)"
  n=0
  while read -r hex; do
    n=$((n + 1))
    for target in "${tp_targets[@]}"; do
      unhex "$hex" > "$here/corpus/$target/seed-$base-$n"
    done
    count=$((count + 1))
  done < <(grep -o '"hex": *"[0-9a-f]*"' "$file" | sed 's/.*"\([0-9a-f]*\)"$/\1/')
done
# `any` values: a few by hand (the vectors' payloads are inside frames).
for seed in 7e 7f 78 79 7d00 7d40 7c3f000000 7b3fb999999999999a 7a0000000000000001 770161 74020102 750200 76010161 7e; do
  unhex "$seed" > "$here/corpus/any/seed-$seed"
done
echo "seed-corpus: $count vectors -> fuzz/corpus/{$(IFS=,; echo "${targets[*]}")}"
