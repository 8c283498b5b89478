#!/usr/bin/env bash
# Write the seed corpora fuzz/corpus/<target>/ from the conformance vectors in spec/vectors/.
# Every valid and invalid vector becomes one seed file per target; the `limits` target reads
# five limit bytes first, so its seeds start with ff ff ff ff ff (every limit at its default).
# Needs only bash, grep and sed. Safe to run again: seeds are named by vector index and rewritten.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vectors="$here/../spec/vectors"
targets=(decode roundtrip header inspector_json limits)

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
echo "seed-corpus: $count vectors -> fuzz/corpus/{$(IFS=,; echo "${targets[*]}")}"
