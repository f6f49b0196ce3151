#!/usr/bin/env bash
# Runs the SVR benchmark in Java (svr bench) and in NumPy (bench/svr_numpy.py) one after the other,
# with the same options, and prints the comparison tables. Options (--layers, --top-k, --precision,
# --seed) go to both. Results go to $BENCH_OUT (default bench/results), with the load before and
# after each run, because the timings mean little on a machine that other work keeps busy.
# NumPy runs twice: with OPENBLAS_NUM_THREADS=1, then with OpenBLAS's default thread count
# (set BENCH_NUMPY_THREADS to "1" or "default" to run only one of them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCH_OUT:-$root/bench/results}"
python=/usr/bin/python3
mkdir -p "$out"

load() { echo "$1: $(uptime)" >> "$out/load.txt"; }

: > "$out/load.txt"
{ lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)'; free -g | sed -n 2p; } > "$out/machine.txt"

load "before java"
"$root/bin/svr" bench "$@" > "$out/java.txt"
load "after java"
files=("$out/java.txt")
for threads in ${BENCH_NUMPY_THREADS:-1 default}; do
  if [ "$threads" = default ]; then
    "$python" "$root/bench/svr_numpy.py" "$@" > "$out/numpy.txt"
    files+=("$out/numpy.txt")
  else
    OPENBLAS_NUM_THREADS="$threads" "$python" "$root/bench/svr_numpy.py" "$@" > "$out/numpy-${threads}thread.txt"
    files+=("$out/numpy-${threads}thread.txt")
  fi
  load "after numpy ($threads threads)"
done
"$python" "$root/bench/compare.py" "${files[@]}" | tee "$out/comparison.md"
