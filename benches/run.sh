#!/usr/bin/env bash
# Reruns every performance figure of docs/performance.md. Release builds only; the corpora are
# generated under target/ (never committed). Usage: benches/run.sh [REPEATS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
corpus=target/bench-corpus

echo "== machine"
nproc
lscpu | grep -E 'Model name' || true
free -g | sed -n 2p
uptime

cargo build --release --quiet --bin bdl --example gen_corpus
bdl=target/release/bdl
for n in 1000 10000; do
  if [ ! -d "$corpus/$n" ]; then
    target/release/examples/gen_corpus 1 "$n" "$corpus/$n"
  fi
done

echo "== throughput (parse, parse+check, build json, serde_json on the same budgets, pathological inputs)"
BDL_BENCH_REPS=$repeats cargo bench --quiet --bench throughput

echo "== language server: change → published diagnostics on a 100 KB declaration, and requests"
cargo bench --quiet --bench lsp_latency

# How many cores this session really gets: the scheduler groups processes by session (autogroup), so
# with another session busy, two busy processes here may get one core between them. -j2 cannot beat
# -j1 by more than this.
echo "== calibration: CPU share of two busy processes in this session (200 % = both cores free)"
/usr/bin/time -f "%P" sh -c 'yes >/dev/null & a=$!; yes >/dev/null & b=$!; sleep 3; kill $a $b; wait'

echo "== bdl check DIR on 10,000 departments: -j 1 and -j 2, interleaved (wall seconds)"
for r in $(seq "$repeats"); do
  for j in 1 2; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    s=$(date +%s.%N)
    cpu=$(/usr/bin/time -f "user %U s, cpu %P" "$bdl" check -j "$j" "$corpus/10000" 2>&1 >/dev/null | tail -1)
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    echo "run $r -j $j: $t s ($cpu; load $load)"
    eval "t$j=$t"
  done
  echo "run $r speed-up -j2 over -j1: $(echo "scale=2; $t1 / $t2" | bc)"
done

echo "== peak memory of bdl check DIR (-j 2): 1,000 vs 10,000 files"
for n in 1000 10000; do
  /usr/bin/time -v "$bdl" check -j 2 "$corpus/$n" 2>&1 >/dev/null \
    | grep -E 'Maximum resident set size|Elapsed' | sed "s/^/$n files: /"
done

echo "== peak memory of bdl build DIR --format json (-j 2): 1,000 vs 10,000 files"
for n in 1000 10000; do
  out=$(mktemp -d)
  /usr/bin/time -v "$bdl" build -j 2 --format json -o "$out" "$corpus/$n" 2>&1 >/dev/null \
    | grep -E 'Maximum resident set size|Elapsed' | sed "s/^/$n files: /"
  rm -rf "$out"
done
uptime
