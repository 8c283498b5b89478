#!/usr/bin/env bash
# The runs behind benches/relay.md: examples/relay.rs under examples/loadgen.rs, 1,000
# connections over 100 documents, a fresh relay per run (so its peak RSS is that run's).
# Loopback only; each run is bounded by `timeout`; only the relay this script started is
# signalled, by process id. Takes about 15 minutes. Output: one block per run in
# target/relay-load/runs.log (loadgen's JSON line, the relay's counters, load and CPU).
#
#   bash benches/relay-load.sh            # everything
#   bash benches/relay-load.sh sweep      # only the rate sweep
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cargo build --release --example relay --example loadgen --quiet
target="$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
examples="$target/release/examples"
out="$target/relay-load"
mkdir -p "$out"
log="$out/runs.log"

relay_pid=""
trap '[[ -n "$relay_pid" ]] && kill -KILL "$relay_pid" 2>/dev/null || true' EXIT

# run NAME "RELAY FLAGS" LOADGEN FLAGS...
run() {
    local name=$1 rflags=$2
    shift 2
    # shellcheck disable=SC2086 # RELAY FLAGS is a list
    "$examples/relay" --port 0 --idle-timeout 0 --keep-stdin --count-loopback $rflags \
        >"$out/$name.relay" 2>&1 </dev/null &
    relay_pid=$!
    for _ in $(seq 100); do
        [[ -s "$out/$name.relay" ]] && break
        sleep 0.1
    done
    local addr load0 load1 relay_cpu
    addr="$(head -n 1 "$out/$name.relay")"
    load0="$(cut -d' ' -f1 /proc/loadavg)"
    timeout 600 "$examples/loadgen" --url "ws://$addr" --relay-pid "$relay_pid" "$@" \
        >"$out/$name.loadgen" || true
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    # utime and stime, in clock ticks.
    relay_cpu="$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f s", ($14 + $15) / hz}' "/proc/$relay_pid/stat")"
    kill -TERM "$relay_pid"
    wait "$relay_pid" || true
    relay_pid=""
    {
        echo "== $name relay [$rflags] loadgen [$*] load $load0 -> $load1, relay cpu $relay_cpu, $(date -u +%FT%TZ)"
        tail -n 1 "$out/$name.loadgen"
        tail -n 1 "$out/$name.relay"
    } | tee -a "$log"
}

C=(--connections 1000 --documents 100)
uptime | tee -a "$log"
for rate in 10 40 80 100; do
    run "sweep-r$rate" "" "${C[@]}" --seconds 10 --slow 0.1 --hostile 0.1 --rate "$rate"
done
[[ "${1:-}" == "sweep" ]] && exit 0
run m30-clean "" "${C[@]}" --seconds 30 --slow 0 --hostile 0 --rate 10
run m30-slow "" "${C[@]}" --seconds 30 --slow 0.1 --hostile 0 --rate 10
run m30-hostile "" "${C[@]}" --seconds 30 --slow 0 --hostile 0.1 --rate 10
run m30-both "" "${C[@]}" --seconds 30 --slow 0.1 --hostile 0.1 --rate 10
run m30-both-nolimits "--no-limits" "${C[@]}" --seconds 30 --slow 0.1 --hostile 0.1 --rate 10
run m120-both "" "${C[@]}" --seconds 120 --slow 0.1 --hostile 0.1 --rate 10
run m120-hostile "" "${C[@]}" --seconds 120 --slow 0 --hostile 0.1 --rate 10
run m120-both-nolimits "--no-limits" "${C[@]}" --seconds 120 --slow 0.1 --hostile 0.1 --rate 10
uptime | tee -a "$log"
