#!/usr/bin/env bash
# Deterministic instruction counts of the backtest replay (issue #11): valgrind callgrind, not wall time, so the figure
# does not depend on the machine's load. Prints instructions per tick of the tick-CSV replay and per M1 bar of the
# HistData replay (each: two runs minus one run, so start-up, JIT and file writing cancel out).
#
#   bash bench/backtest-callgrind.sh [work-dir]        (needs valgrind and ../shared/data; ~15 min on a quiet 2-core VM)
#
# Why ReadyToRun with tiering off: under valgrind the .NET 10 JIT gives up its optimising compile of most methods and
# falls back to MinOpts, which would count unoptimised code. The bench is therefore precompiled (crossgen) and run with
# DOTNET_TieredCompilation=0, so the counted code is the same on every run. It is not the Tier-1 code of a real run
# (calls into System.Private.CoreLib such as span Trim are not inlined across the version bubble): compare counts with
# each other, before and after a change, not with wall-clock rates.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/bitten-backtest-callgrind}
mkdir -p "$work"
publish="$root/bench/Bitten.Bench.Backtest/bin/r2r"
nice -n 19 dotnet publish "$root/bench/Bitten.Bench.Backtest" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$publish" > "$work/publish.log"
ticks="$work/ticks.csv"
[ -f "$ticks" ] || nice -n 19 dotnet "$publish/Bitten.Bench.Backtest.dll" --write-ticks "$ticks"

count() { # label, bench arguments… → instructions of the whole process
  DOTNET_TieredCompilation=0 DOTNET_EnableWriteXorExecute=0 nice -n 19 valgrind --tool=callgrind \
    --callgrind-out-file="$work/$1.out" dotnet "$publish/Bitten.Bench.Backtest.dll" "${@:2}" > "$work/$1.log" 2>&1
  grep -o 'Collected : [0-9]*' "$work/$1.log" | awk '{print $3}'
}

t1=$(count ticks1 --ticks-only 1 "$ticks")
t2=$(count ticks2 --ticks-only 2 "$ticks")
b1=$(count bars1 --bars-only 1)
b2=$(count bars2 --bars-only 2)
tick_lines=$(( $(wc -l < "$ticks") - 1 ))
bars=$(cat "$root"/../shared/data/fx/histdata_eurusd_m1_2017/*.csv | grep -c ';')
awk -v t1="$t1" -v t2="$t2" -v n="$tick_lines" -v b1="$b1" -v b2="$b2" -v m="$bars" 'BEGIN {
  printf "tick CSV replay: %.0f instructions per tick (%d ticks)\n", (t2 - t1) / n, n
  printf "M1 bar replay:   %.0f instructions per bar, %.0f per tick of its four-tick path (%d bars)\n", (b2 - b1) / m, (b2 - b1) / m / 4, m
}'
