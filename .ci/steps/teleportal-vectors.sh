#!/usr/bin/env bash
# The teleportal dialect's vectors and spec examples are what teleportal's own encoder writes.
# Needs the shared folder beside the clone (../shared, or YJS_WIRE_SHARED): CI always has it, so
# setup.sh's exit 3 ("missing") fails this step.
set -euo pipefail
cd "$(dirname "$0")/../.."
peer="$(bash tests/js/teleportal/setup.sh | tail -n 1)"
bun="$peer/node_modules/@oven/bun-linux-x64/bin/bun"
export TELEPORTAL_DIR="$peer"
"$bun" tests/js/teleportal/write-vectors.mts --check
"$bun" tests/js/teleportal/spec-examples.mts --check
# the generators and the strict oracle agree with teleportal on fresh random frames and mutations
"$bun" tests/js/teleportal/differential.mts encode --seed 12 --count 2000 --self-check >/dev/null
"$bun" tests/js/teleportal/differential.mts mutate --seed 12 --count 2000 --self-check >/dev/null
# the milestone vectors have the shape of a live teleportal server's answers (loopback only)
"$bun" tests/js/teleportal/live-milestones.mts --port $((20000 + RANDOM % 20000))
