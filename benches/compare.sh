#!/usr/bin/env bash
# bdl against serde_json, both as whole processes over the same folder: `bdl check -j 1 DIR` (walk,
# read, parse, check, render the diagnostics) and `serde-baseline DIR.json` (walk, read, parse into a
# default serde_json::Value, one thread) on the JSON bdl writes for the same budgets
# (`bdl build --format json`, the roll-up removed). Runs are interleaved (the order alternates each
# round) and the figure is the median of the per-round ratios serde / bdl, so both sides share the
# machine's load. Two corpora: 3,000 copies of examples/shifeng-xinfang-2021.bdl, and 3,000 files of
# examples/gen_corpus.rs (seed 1).
#
# Usage: benches/compare.sh [ROUNDS]   (default 11; BDL=path/to/bdl compares another build of bdl)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-11}
corpus=target/bench-corpus

cargo build --release --quiet --bin bdl --example gen_corpus
(cd benches/serde-baseline && CARGO_TARGET_DIR=../../target/serde-baseline cargo build --release --quiet)
bdl=${BDL:-target/release/bdl}
serde=target/serde-baseline/release/serde-baseline

if [ ! -d "$corpus/seed-3000" ]; then
  for i in $(seq 0 2999); do
    d="$corpus/seed-3000/d$((i / 100))"
    mkdir -p "$d"
    cp examples/shifeng-xinfang-2021.bdl "$d/dept-$i.bdl"
  done
fi
[ -d "$corpus/gen-3000" ] || target/release/examples/gen_corpus 1 3000 "$corpus/gen-3000" >/dev/null
for c in seed-3000 gen-3000; do
  if [ ! -d "$corpus/$c.json" ]; then
    target/release/bdl build -j 2 --format json -o "$corpus/$c.json" "$corpus/$c" >/dev/null 2>&1
    rm -f "$corpus/$c.json/_rollup.json"
  fi
done

now() { date +%s%N; }
# Wall seconds of one run of the command, output discarded.
timed() {
  local s e
  s=$(now)
  "$@" >/dev/null 2>&1 || true
  e=$(now)
  echo "scale=4; ($e - $s) / 1000000000" | bc
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in gen-3000 seed-3000; do
  ratios=()
  tb=()
  ts=()
  # One warm-up run of each side (page cache).
  timed "$bdl" check -j 1 "$corpus/$c" >/dev/null
  timed "$serde" "$corpus/$c.json" >/dev/null
  for r in $(seq "$rounds"); do
    if [ $((r % 2)) -eq 1 ]; then
      b=$(timed "$bdl" check -j 1 "$corpus/$c")
      s=$(timed "$serde" "$corpus/$c.json")
    else
      s=$(timed "$serde" "$corpus/$c.json")
      b=$(timed "$bdl" check -j 1 "$corpus/$c")
    fi
    tb+=("$b")
    ts+=("$s")
    ratios+=("$(echo "scale=4; $s / $b" | bc)")
  done
  echo "== $c ($(du -sm "$corpus/$c" | cut -f1) MB bdl, $(du -sm "$corpus/$c.json" | cut -f1) MB JSON), $rounds rounds, load $(cut -d' ' -f1 /proc/loadavg)"
  echo "bdl check -j 1: median $(printf '%s\n' "${tb[@]}" | median) s; serde_json: median $(printf '%s\n' "${ts[@]}" | median) s"
  echo "ratios serde/bdl: ${ratios[*]}"
  echo "median ratio serde/bdl: $(printf '%s\n' "${ratios[@]}" | median)"
done
